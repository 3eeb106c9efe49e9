/**
 * A field's problems appear when the person leaves it. Leaving by clicking a button below it would then move
 * the page between mouse-down and mouse-up, and the click would miss the button aimed at. So while a pointer
 * is pressed, such updates wait until it is released and its click has landed.
 */
export interface ClickSafe {
  run(update: () => void): void
  dispose(): void
}

// Capturing: a handler that stops the event's propagation must not leave the state stuck.
const CAPTURE = { capture: true }

export function clickSafe(target: Window = window): ClickSafe {
  let pressed = false
  let waiting: (() => void)[] = []
  const press = () => {
    pressed = true
  }
  const release = () => {
    pressed = false
    const updates = waiting
    waiting = []
    // The click is dispatched right after pointerup, in the same task: run after it.
    if (updates.length > 0) setTimeout(() => updates.forEach((update) => update()), 0)
  }
  target.addEventListener('pointerdown', press, CAPTURE)
  target.addEventListener('pointerup', release, CAPTURE)
  target.addEventListener('pointercancel', release, CAPTURE)
  return {
    run(update) {
      if (pressed) waiting.push(update)
      else update()
    },
    dispose() {
      target.removeEventListener('pointerdown', press, CAPTURE)
      target.removeEventListener('pointerup', release, CAPTURE)
      target.removeEventListener('pointercancel', release, CAPTURE)
    }
  }
}

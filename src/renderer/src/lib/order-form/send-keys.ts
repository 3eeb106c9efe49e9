/**
 * Sending an order can issue paid policies, so it takes a deliberate gesture: the Submit button, or
 * Ctrl+Enter (Cmd+Enter on a Mac). Enter alone in a field, which browsers turn into a form submission
 * ("implicit submission"), sends nothing.
 */

/** A key press in the order form, as far as this decision needs it. */
export interface FormKeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  /** A control already used the key (the currency list picks the highlighted option with Enter). */
  defaultPrevented: boolean
  /** An input method is composing text: its Enter commits the characters. */
  isComposing: boolean
  /** The focused element: its tag name (upper case, as the DOM gives it) and, for inputs, its type. */
  target: { tagName: string; type?: string }
}

/** `send` the form, `hold` the browser's own submission on Enter, or `pass` the key on untouched. */
export type FormKeyAction = 'send' | 'hold' | 'pass'

/** Inputs that are buttons: Enter presses them, which is a deliberate act, like a click. */
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'image'])

export function formKeyAction(press: FormKeyPress): FormKeyAction {
  if (press.key !== 'Enter' || press.defaultPrevented || press.isComposing) return 'pass'
  if (press.ctrlKey || press.metaKey) return 'send'
  const { tagName, type = 'text' } = press.target
  return tagName === 'INPUT' && !BUTTON_INPUT_TYPES.has(type.toLowerCase()) ? 'hold' : 'pass'
}

/** The send shortcut as this computer's keyboard spells it, for the hint and for `aria-keyshortcuts`. */
export function sendShortcut(platform: string): { label: string; aria: string } {
  return /^(Mac|iPhone|iPad)/i.test(platform)
    ? { label: 'Cmd+Enter', aria: 'Meta+Enter' }
    : { label: 'Ctrl+Enter', aria: 'Control+Enter' }
}

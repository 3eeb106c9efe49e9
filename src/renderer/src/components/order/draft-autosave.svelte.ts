import { api } from '../../lib/client'
import { messageOf } from '../../lib/order-form/submit-errors'

/**
 * Keeps main's copy of the workbench draft (`drafts.save`) in step with the form: a change is saved once
 * typing pauses, anything still waiting is saved when the page goes away, and saves and clears reach main in
 * the order they were made (main queues them too; this keeps the wire in order).
 */
export class DraftAutosave {
  /** When main last stored the draft; null when it holds none from this session. */
  savedAt = $state<string | null>(null)
  /** Why the draft is not being kept, for the page to show; null while all is well. */
  problem = $state<string | null>(null)

  #persisted: string | null = null
  #waiting: { text: string; timer: ReturnType<typeof setTimeout> } | null = null
  #queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly delayMs: number) {}

  /** The draft main holds now (restored, or the untouched empty form): changes are saved from here on. */
  start(text: string): void {
    this.#persisted = text
  }

  /** The form changed: save it once it has stayed this way for `delayMs`. */
  changed(text: string): void {
    if (this.#persisted === null) return
    this.#cancelWaiting()
    if (text === this.#persisted) return
    this.#waiting = { text, timer: setTimeout(() => this.#save(text), this.delayMs) }
  }

  /** Leaving the page or closing the window must not lose the keystrokes still waiting for the timer. */
  flush(): void {
    const waiting = this.#waiting
    this.#cancelWaiting()
    if (waiting) this.#save(waiting.text)
  }

  /** Main forgets the draft; `current` (the form as it now is) counts as settled until it changes again. */
  clear(current: string): Promise<unknown> {
    this.#cancelWaiting()
    this.#persisted = current
    return this.#enqueue(async () => {
      await api.call('drafts.clear', {})
      this.savedAt = null
    }, 'The saved draft could not be removed')
  }

  #save(text: string): void {
    this.#waiting = null
    this.#persisted = text
    void this.#enqueue(async () => {
      this.savedAt = (await api.call('drafts.save', { draft: text })).savedAt
    }, 'Your draft is not being saved')
  }

  #enqueue(task: () => Promise<void>, failure: string): Promise<unknown> {
    this.#queue = this.#queue.then(async () => {
      try {
        await task()
        this.problem = null
      } catch (error) {
        this.problem = `${failure}: ${messageOf(error)}`
      }
    })
    return this.#queue
  }

  #cancelWaiting(): void {
    if (this.#waiting) clearTimeout(this.#waiting.timer)
    this.#waiting = null
  }
}

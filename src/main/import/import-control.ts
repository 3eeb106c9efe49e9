export type ImportState = 'running' | 'paused' | 'cancelled'

/**
 * Pause, resume and cancel for a running import. Workers ask it before taking the next order, so an order
 * already in flight always finishes and is journaled; cancelling also cuts short a back-off wait.
 */
export class ImportControl {
  private paused = false
  private cancelled = false
  private holding = 0
  private readonly listeners = new Set<() => void>()
  private onHolding: (() => void)[] = []

  get state(): ImportState {
    return this.cancelled ? 'cancelled' : this.paused ? 'paused' : 'running'
  }

  get isCancelled(): boolean {
    return this.cancelled
  }

  pause(): void {
    if (this.cancelled) return
    this.paused = true
    this.notify()
  }

  resume(): void {
    this.paused = false
    this.notify()
  }

  /** Final: no further order is taken, whatever pause or resume say afterwards. */
  cancel(): void {
    this.cancelled = true
    this.notify()
  }

  /** Resolves when the import may take another order: at once, or after resume; false once cancelled. */
  async mayContinue(): Promise<boolean> {
    if (!this.paused || this.cancelled) return !this.cancelled
    this.holding++
    for (const resolve of this.onHolding.splice(0)) resolve()
    try {
      while (this.paused && !this.cancelled) await this.nextChange()
    } finally {
      this.holding--
    }
    return !this.cancelled
  }

  /**
   * Resolves once a worker is held by the pause, waiting for resume (at once if one already is). `pause()`
   * takes effect between orders; this tells when it has: with one worker, nothing is in flight any more.
   */
  whenHolding(): Promise<void> {
    if (this.holding > 0) return Promise.resolve()
    return new Promise((resolve) => this.onHolding.push(resolve))
  }

  /** Waits `ms`, or less if the import is cancelled meanwhile. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.cancelled || ms <= 0) return resolve()
      const done = () => {
        clearTimeout(timer)
        this.listeners.delete(onChange)
        resolve()
      }
      const onChange = () => {
        if (this.cancelled) done()
      }
      const timer = setTimeout(done, ms)
      this.listeners.add(onChange)
    })
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => {
      const once = () => {
        this.listeners.delete(once)
        resolve()
      }
      this.listeners.add(once)
    })
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
}

/**
 * Pause, resume and cancel for a running import. Workers check it before taking the next order, so an
 * order already in flight always finishes and is journaled.
 */
export class ImportControl {
  private paused = false
  private cancelled = false
  private waiters: (() => void)[] = []

  get isPaused(): boolean {
    return this.paused
  }

  get isCancelled(): boolean {
    return this.cancelled
  }

  pause(): void {
    this.paused = true
  }

  resume(): void {
    this.paused = false
    this.release()
  }

  cancel(): void {
    this.cancelled = true
    this.release()
  }

  /** Resolves when the import may take another order: at once, or after resume; false once cancelled. */
  async mayContinue(): Promise<boolean> {
    while (this.paused && !this.cancelled) await new Promise<void>((resolve) => this.waiters.push(resolve))
    return !this.cancelled
  }

  /** Waits `ms` unless cancelled first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)
      this.waiters.push(() => {
        if (this.cancelled) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  }

  private release(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }
}

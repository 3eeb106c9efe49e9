/** A call the gate holds, named as the request log names it: never its headers, query or body. */
export interface HeldCall {
  method: string
  path: string
}

/**
 * Holds `/api` calls, for tests that must act while calls are in flight without racing them: pause or
 * interrupt an import half-way, or give up on a call Teak has already read. Open unless a test closes it;
 * once closed, the first `after` calls still pass and every later one waits, its request read, until the
 * gate opens again.
 */
export class CallGate {
  private passes = Infinity
  private waiting: { call: HeldCall; go: () => void }[] = []

  close(after = 0): void {
    this.passes = after
  }

  open(): void {
    this.passes = Infinity
    for (const { go } of this.waiting.splice(0)) go()
  }

  held(): HeldCall[] {
    return this.waiting.map(({ call }) => ({ ...call }))
  }

  /** Resolves at once while calls may pass, otherwise when the gate opens. */
  pass(call: HeldCall): Promise<void> {
    if (this.passes > 0) {
      this.passes--
      return Promise.resolve()
    }
    return new Promise((go) => this.waiting.push({ call, go }))
  }
}

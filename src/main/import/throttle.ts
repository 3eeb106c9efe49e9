export interface Throttled<T> {
  /** Offers the latest value: sent at once if the interval has passed, else when it has. */
  push(value: T): void
  /** Sends the pending value now, if any (the last value must never be lost). */
  flush(): void
}

/**
 * Passes on at most one value per `intervalMs`, always the latest: progress arrives once per order, which
 * for a fast import is far more often than a screen or a log can usefully show it.
 */
export function throttleLatest<T>(intervalMs: number, emit: (value: T) => void): Throttled<T> {
  let lastSent = -Infinity
  let pending: { value: T } | null = null
  let timer: NodeJS.Timeout | null = null

  function send(): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (!pending) return
    const { value } = pending
    pending = null
    lastSent = Date.now()
    emit(value)
  }

  return {
    push(value) {
      pending = { value }
      const wait = lastSent + intervalMs - Date.now()
      if (wait <= 0) send()
      else timer ??= setTimeout(send, wait)
    },
    flush: send
  }
}

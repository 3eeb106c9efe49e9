import type { TeakApiError } from './errors'

/**
 * When a failed attempt may be sent again. Teak documents no idempotency (contract-notes §8), so:
 * - `repeatable` calls (auth, GET) are retried after connection failures, 5xx and 429;
 * - `once` calls (POST/PATCH/PUT) are retried only when Teak certainly did not act: a 429, or a connection
 *   that was refused before anything was sent. Resending an order after a timeout, reset or 5xx is the
 *   journal's decision, never the client's.
 * Timeouts are not retried at all: the caller has already waited the full timeout once.
 */
export type RetryClass = 'repeatable' | 'once'

/** Longest Retry-After we wait out; a longer one is handed to the caller as a rate_limited error. */
export const MAX_RETRY_AFTER_MS = 10_000
const BASE_DELAY_MS = 100
const MAX_BACKOFF_MS = 2_000

/** Milliseconds to wait before the next attempt, or null to give up with `error`. */
export function retryDelayMs(
  error: TeakApiError,
  retriesDone: number,
  retryClass: RetryClass
): number | null {
  if (error.kind === 'rate_limited') {
    if (error.retryAfterMs === undefined) return backoffMs(retriesDone)
    return error.retryAfterMs <= MAX_RETRY_AFTER_MS ? error.retryAfterMs : null
  }
  if (error.kind === 'network' && error.reason === 'unreachable' && !error.requestMayHaveReachedTeak) {
    return backoffMs(retriesDone)
  }
  if (
    retryClass === 'repeatable' &&
    (error.kind === 'server' || (error.kind === 'network' && error.reason !== 'tls'))
  ) {
    return backoffMs(retriesDone)
  }
  return null
}

function backoffMs(retriesDone: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** retriesDone)
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP date names a weekday and month; Date.parse alone would also take "-1" for a year.
  const date = /^[A-Za-z]{3}, /.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

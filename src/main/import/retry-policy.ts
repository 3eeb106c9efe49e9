/**
 * Back-off between attempts at one order: exponential from `baseMs`, capped, with jitter so eight workers
 * hitting the same outage do not retry in lockstep; Teak's Retry-After wins when it asks for longer.
 */
export interface RetryPolicy {
  maxAttempts: number
  baseMs: number
  capMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseMs: 250, capMs: 8_000 }

export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs?: number,
  random = Math.random
): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1))
  const jittered = exponential / 2 + random() * (exponential / 2)
  return Math.max(jittered, retryAfterMs ?? 0)
}

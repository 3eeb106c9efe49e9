/**
 * A clock for the sandbox's rate limit (`SandboxOptions.rateLimitClock`): real time, except that after
 * `overflow(limit)` the next `limit + 1` calls share one window, so the last of them is refused with 429 and
 * Retry-After however slowly this machine sends them. Later calls fall into real-time windows again, so a
 * client that waits out Retry-After gets through as it would at Teak.
 */
export function rateLimitClock(): { now: () => number; overflow: (limit: number) => void } {
  let stillFor = 0
  return {
    now: () => {
      if (stillFor === 0) return Date.now()
      stillFor--
      return 0
    },
    overflow: (limit) => {
      stillFor = limit + 1
    }
  }
}

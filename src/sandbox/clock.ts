/**
 * The sandbox's notion of "now": real time plus an offset that tests move forward, so token expiry and the
 * look period can be crossed without waiting.
 */
export interface SandboxClock {
  now(): number
  advance(ms: number): void
  reset(): void
}

export function createClock(realNow: () => number = Date.now): SandboxClock {
  let offsetMs = 0
  return {
    now: () => realNow() + offsetMs,
    advance: (ms) => {
      offsetMs += ms
    },
    reset: () => {
      offsetMs = 0
    }
  }
}

/** Teak's timestamp format: ISO-8601 with microseconds and `Z` ("2024-03-14T23:08:11.955044Z"). */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z')
}

export const DAY_MS = 24 * 60 * 60 * 1000

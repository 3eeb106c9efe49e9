import { z } from 'zod'
import { parsePatch } from './errors'
import { createPrng } from './prng'

/**
 * Failures injected into `/api` calls for tests and benchmarks. Random decisions come from a seeded
 * generator, so the same seed and the same sequence of calls give the same failures.
 */
export interface Faults {
  /** Delay before each response (or dropped connection). */
  latencyMs: number
  /** Share of calls (0..1) answered 503, decided before anything is read or changed. */
  failRate: number
  /** Share of calls (0..1) whose connection is dropped (`socket.destroy()`) instead of answered. */
  resetRate: number
  /**
   * When a reset happens. `before`: nothing was processed. `after`: the call was processed and its effects
   * kept, but the answer never arrives — how to test in-doubt orders (created at Teak, unknown to the client).
   */
  resetTiming: 'before' | 'after'
  /** Calls per second (fixed one-second windows) before 429 with `Retry-After`; 0 means no limit. */
  rateLimit: number
  /** Share of calls (0..1) that are never answered: the connection stays open until the client gives up. */
  timeoutRate: number
  /** Seed of the fault generator; setting it restarts the sequence. */
  seed: number
  /**
   * Only calls whose path starts with one of these are faulted (e.g. `["/api/v2/orders"]` leaves token
   * minting alone, so a test decides exactly which call fails); empty: every call.
   */
  paths: string[]
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  failRate: 0,
  resetRate: 0,
  resetTiming: 'before',
  rateLimit: 0,
  timeoutRate: 0,
  seed: 1,
  paths: []
}

const rate = z.number().min(0).max(1)

export const faultsPatchSchema = z
  .object({
    latencyMs: z.number().int().nonnegative(),
    failRate: rate,
    resetRate: rate,
    resetTiming: z.enum(['before', 'after']),
    rateLimit: z.number().int().nonnegative(),
    timeoutRate: rate,
    seed: z.number().int(),
    paths: z.array(z.string().startsWith('/')).max(20)
  })
  .partial()
  .strict() satisfies z.ZodType<Partial<Faults>>

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'timeout' }
  | { kind: 'reset'; timing: 'before' | 'after' }
  | { kind: 'fail' }

export type FaultKind = Exclude<FaultDecision['kind'], 'none'>

export class FaultInjector {
  private faults: Faults
  private random: () => number
  private windowSecond = -1
  private windowCount = 0

  constructor(
    private readonly initial: Faults,
    private readonly realNow: () => number = Date.now
  ) {
    this.faults = { ...initial }
    this.random = createPrng(initial.seed)
  }

  current(): Faults {
    return { ...this.faults }
  }

  update(patch: Partial<Faults>): void {
    this.faults = { ...this.faults, ...parsePatch(faultsPatchSchema, patch) }
    if (patch.seed !== undefined) this.random = createPrng(patch.seed)
  }

  reset(): void {
    this.faults = { ...this.initial }
    this.random = createPrng(this.initial.seed)
    this.windowSecond = -1
  }

  /** Decides the fate of one incoming call. Draws happen in a fixed order so a seed replays exactly. */
  decide(path: string): FaultDecision {
    const { rateLimit, timeoutRate, resetRate, resetTiming, failRate, paths } = this.faults
    if (paths.length > 0 && !paths.some((prefix) => path.startsWith(prefix))) return { kind: 'none' }
    if (rateLimit > 0 && !this.admit(rateLimit)) return { kind: 'rate-limit', retryAfterSeconds: 1 }
    if (timeoutRate > 0 && this.random() < timeoutRate) return { kind: 'timeout' }
    if (resetRate > 0 && this.random() < resetRate) return { kind: 'reset', timing: resetTiming }
    if (failRate > 0 && this.random() < failRate) return { kind: 'fail' }
    return { kind: 'none' }
  }

  /** Fixed one-second windows of real time (not the sandbox clock): a refused call does not count. */
  private admit(limit: number): boolean {
    const second = Math.floor(this.realNow() / 1000)
    if (second !== this.windowSecond) {
      this.windowSecond = second
      this.windowCount = 0
    }
    if (this.windowCount >= limit) return false
    this.windowCount++
    return true
  }
}

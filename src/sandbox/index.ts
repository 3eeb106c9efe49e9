import type { AddressInfo } from 'node:net'
import {
  assumptionsPatchSchema,
  DEFAULT_ASSUMPTIONS,
  strictAssumptions,
  type SandboxAssumptions
} from './assumptions'
import { DEMO_KEYS, type ClientKeys } from './auth'
import type { HeldCall } from './call-gate'
import { parsePatch } from './errors'
import { faultsPatchSchema, NO_FAULTS, type Faults } from './faults'
import { type DeliveryAttempt, type NotificationDelivery, type Ticker } from './notifications'
import { loadState, StateWriter } from './persistence'
import type { StoredOrder } from './records'
import type { RequestLogEntry } from './request-log'
import { SandboxState } from './sandbox-state'
import { createSandboxServer } from './server'
import { validateQuoteInput } from './validation'

/**
 * The local Teak sandbox: an HTTP server on 127.0.0.1 that emulates Teak's partner API v2 (contract-notes §10),
 * used as the app's default environment, by the tests and by the benchmarks.
 */
export { DEMO_KEYS }
export { DEFAULT_ASSUMPTIONS, NO_FAULTS, strictAssumptions }
export type { ClientKeys, Faults, HeldCall, RequestLogEntry, SandboxAssumptions, StoredOrder }
export type { DeliveryAttempt, NotificationDelivery, Ticker }
export type { StoredCustomer, StoredEvent, StoredItem, StoredPolicy } from './records'

export interface SandboxOptions {
  /** 0 or undefined: a free port. */
  port?: number
  latencyMs?: number
  failRate?: number
  resetRate?: number
  rateLimit?: number
  seed?: number
  /** JSON file that keeps the orders across restarts. */
  stateFile?: string
  assumptions?: Partial<SandboxAssumptions>
  /** Clients besides the demo client (`DEMO_KEYS`). */
  clients?: ClientKeys[]
  /**
   * Real time for the rate limit's one-second windows. Tests replace it to put a burst of calls into one
   * window, which a busy machine might otherwise spread over several.
   */
  rateLimitClock?: () => number
  /** Where customer voids, downgrades, holds and cancels are notified (nowhere by default), signed and batched. */
  notifications?: NotificationDelivery
  /** Replaces the batch timer (tests step batches by hand instead of waiting). */
  notificationTicker?: Ticker
}

/** The notifications the sandbox sends as Teak would (contract-notes §7). */
export interface SandboxNotifications {
  configure(delivery: NotificationDelivery): void
  /** Delivers the waiting batch now, without waiting for the interval. */
  flush(): Promise<void>
  waiting(): Record<string, unknown>[]
  deliveries(): DeliveryAttempt[]
}

/** Calls held by `RunningSandbox.hold`. */
export interface SandboxHold {
  /** The calls waiting now, in arrival order. */
  held(): HeldCall[]
  /** Lets the held calls, and every later one, through. */
  release(): void
}

export interface QuoteTokenInput {
  opt_in: boolean
  reference_number?: string
  currency?: string
  items?: { reference_number: string; cost: string; event?: object }[]
}

export interface RunningSandbox {
  /** `http://127.0.0.1:PORT` */
  url: string
  port: number
  /** Stops listening, drops open connections (hung calls included) and writes any pending state. */
  close(): Promise<void>
  setFaults(faults: Partial<Faults>): void
  setAssumptions(assumptions: Partial<SandboxAssumptions>): void
  /** A copy of every stored order with its policies. */
  orders(): StoredOrder[]
  requests(): RequestLogEntry[]
  /** Back to a fresh start: no orders, empty log, real time, the starting faults and assumptions. */
  reset(): void
  mintQuoteToken(input: QuoteTokenInput): string
  advanceClock(ms: number): void
  /**
   * For tests that act while calls are in flight: the next `after` /api calls are answered as usual, every
   * later one is read and then held until `release()` (or `reset`, or `close`).
   */
  hold(after?: number): SandboxHold
  notifications: SandboxNotifications
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const {
    port = 0,
    stateFile,
    clients = [],
    assumptions = {},
    rateLimitClock,
    notifications,
    notificationTicker,
    latencyMs,
    failRate,
    resetRate,
    rateLimit,
    seed
  } = options
  const faults = {
    ...NO_FAULTS,
    ...parsePatch(faultsPatchSchema, { latencyMs, failRate, resetRate, rateLimit, seed })
  }
  const writer = stateFile
    ? new StateWriter(
        stateFile,
        () => state.store.all(),
        (error) => console.error(`Teak sandbox: could not save ${stateFile}: ${error.message}`)
      )
    : null
  const state: SandboxState = new SandboxState({
    clients: [DEMO_KEYS, ...clients],
    assumptions: { ...DEFAULT_ASSUMPTIONS, ...parsePatch(assumptionsPatchSchema, assumptions) },
    faults,
    orders: stateFile ? await loadState(stateFile) : [],
    onChange: () => writer?.schedule(),
    rateLimitClock,
    notifications,
    notificationTicker
  })

  const server = createSandboxServer(state)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port: boundPort } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${boundPort}`,
    port: boundPort,
    close: async () => {
      state.gate.open()
      state.notifications.stop()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await writer?.flush()
    },
    setFaults: (patch) => state.faults.update(patch),
    setAssumptions: (patch) => state.setAssumptions(patch),
    orders: () => structuredClone([...state.store.all()]),
    requests: () => state.log.list(),
    reset: () => state.reset(),
    mintQuoteToken: (input) => state.quotes.mint(validateQuoteInput({ ...input })),
    advanceClock: (ms) => state.clock.advance(ms),
    hold: (after = 0) => {
      state.gate.close(after)
      return { held: () => state.gate.held(), release: () => state.gate.open() }
    },
    notifications: {
      configure: (delivery) => state.notifications.configure(delivery),
      flush: () => state.notifications.flush(),
      waiting: () => state.notifications.waitingNow(),
      deliveries: () => state.notifications.deliveries()
    }
  }
}

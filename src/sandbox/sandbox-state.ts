import { randomBytes } from 'node:crypto'
import { assumptionsPatchSchema, type SandboxAssumptions } from './assumptions'
import { Authenticator, type ClientKeys } from './auth'
import { CallGate } from './call-gate'
import { createClock } from './clock'
import { parsePatch } from './errors'
import { FaultInjector, type Faults } from './faults'
import { NotificationOutbox, type NotificationDelivery, type Ticker } from './notifications'
import { QuoteTokens } from './quote-token'
import type { StoredOrder } from './records'
import { RequestLog } from './request-log'
import { SandboxStore } from './store'

export interface SandboxStateOptions {
  clients: ClientKeys[]
  assumptions: SandboxAssumptions
  faults: Faults
  orders: StoredOrder[]
  /** Called after every change to the stored orders (persistence hooks in here). */
  onChange: () => void
  /** Real time for the rate limit's windows (see `SandboxOptions.rateLimitClock`). */
  rateLimitClock?: () => number
  notifications?: NotificationDelivery
  notificationTicker?: Ticker
}

/** Everything one running sandbox holds; routes read and change it, the HTTP layer never does. */
export class SandboxState {
  readonly clock = createClock()
  readonly store: SandboxStore
  readonly faults: FaultInjector
  readonly gate = new CallGate()
  readonly log = new RequestLog()
  readonly auth: Authenticator
  readonly quotes: QuoteTokens
  readonly notifications: NotificationOutbox
  private current: SandboxAssumptions

  constructor(private readonly options: SandboxStateOptions) {
    // One random key per sandbox: tokens of another sandbox (or of Teak) are foreign here.
    const signingKey = randomBytes(32)
    this.store = new SandboxStore(options.orders)
    this.faults = new FaultInjector(options.faults, options.rateLimitClock)
    this.current = options.assumptions
    this.auth = new Authenticator(
      options.clients,
      signingKey,
      this.clock,
      () => this.current.authTokenLifetimeSeconds
    )
    this.quotes = new QuoteTokens(signingKey, this.clock)
    this.notifications = new NotificationOutbox(options.notifications, options.notificationTicker)
  }

  get assumptions(): SandboxAssumptions {
    return this.current
  }

  setAssumptions(patch: Partial<SandboxAssumptions>): void {
    this.current = { ...this.current, ...parsePatch(assumptionsPatchSchema, patch) }
  }

  changed(): void {
    this.options.onChange()
  }

  /** Back to a freshly started sandbox: no orders, empty log, real time, the starting faults and assumptions. */
  reset(): void {
    this.gate.open()
    this.store.clear()
    this.log.clear()
    this.clock.reset()
    this.faults.reset()
    this.notifications.clear()
    this.current = this.options.assumptions
    this.changed()
  }
}

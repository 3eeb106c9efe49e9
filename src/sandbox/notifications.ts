import { randomBytes } from 'node:crypto'
import { KIND_FACTS, type NotificationKind } from '../shared/notifications/kinds'
import { pythonJsonDumps } from '../shared/notifications/python-json'
import { hmacSignature, SIGNATURE_HEADER } from '../shared/notifications/signature'
import { isoMicros } from './clock'
import type { StoredOrder, StoredPolicy } from './records'

/** Teak delivers its notifications in batches "every minute" (contract-notes §7, NOTIF). */
export const DEFAULT_NOTIFICATION_INTERVAL_MS = 60_000
/** Down to a second, for tests and for trying the inbox out; never a busy loop. */
export const MIN_NOTIFICATION_INTERVAL_MS = 1000

/** Where and how the sandbox delivers notifications, as Teak's dashboard configures them. */
export interface NotificationDelivery {
  /** The webhook URL; without one nothing is queued (as with no webhook set up in the dashboard). */
  url?: string | null
  /** The optional secret: with one, each POST carries `X-Protecht-Signature`. */
  secret?: string | null
  intervalMs?: number
}

/** Calls `tick` (one batch) every `ms` until stopped; tests inject one they step by hand. */
export type Ticker = (ms: number, tick: () => Promise<void>) => () => void

const realTicker: Ticker = (ms, tick) => {
  const timer = setInterval(() => void tick(), ms)
  timer.unref()
  return () => clearInterval(timer)
}

export interface DeliveryAttempt {
  id: string
  at: string
  /** The receiver's status, or null when it could not be reached. */
  status: number | null
}

/**
 * One notification as the sandbox sends it. The schema is undocumented (unknown #14): this shape is the
 * sandbox's guess, and Teak Desk's assumptions `notificationFields` and `notificationEventNames` read it.
 */
export function notificationPayload(
  kind: NotificationKind,
  order: StoredOrder,
  policy: StoredPolicy,
  now: number,
  refundAmount: string | null
): Record<string, unknown> {
  return {
    id: `ntf_${randomBytes(6).toString('hex')}`,
    event: KIND_FACTS[kind].teakName,
    created: isoMicros(now),
    order_number: order.order_number,
    protecht_order_id: order.protecht_order_id,
    policy_number: policy.policy_number,
    policy_number_new: policy.policy_number_new,
    status: policy.status,
    currency: order.currency,
    premium: policy.premium,
    ...(refundAmount === null ? {} : { refund_amount: refundAmount })
  }
}

/**
 * Notifications waiting for the next batch. Every `intervalMs` each waiting one is POSTed on its own, as Python's
 * json.dumps writes it and signed over those bytes (assumption `notificationBatch`); one the receiver does not
 * answer 2xx stays for the next batch, as Teak's retries are assumed to work.
 */
export class NotificationOutbox {
  private delivery: Required<NotificationDelivery>
  private readonly waiting: Record<string, unknown>[] = []
  private readonly attempts: DeliveryAttempt[] = []
  private stopTicker: () => void = () => {}
  private flushing: Promise<void> = Promise.resolve()

  constructor(
    delivery: NotificationDelivery = {},
    private readonly ticker: Ticker = realTicker
  ) {
    this.delivery = { url: null, secret: null, intervalMs: DEFAULT_NOTIFICATION_INTERVAL_MS }
    this.configure(delivery)
  }

  configure(patch: NotificationDelivery): void {
    const intervalMs = patch.intervalMs ?? this.delivery.intervalMs
    if (!Number.isInteger(intervalMs) || intervalMs < MIN_NOTIFICATION_INTERVAL_MS) {
      throw new RangeError(
        `The notification interval is a whole number of milliseconds, at least ${MIN_NOTIFICATION_INTERVAL_MS}.`
      )
    }
    this.delivery = {
      url: patch.url === undefined ? this.delivery.url : patch.url,
      secret: patch.secret === undefined ? this.delivery.secret : patch.secret,
      intervalMs
    }
    this.stopTicker()
    this.stopTicker = this.ticker(intervalMs, () => this.flush())
  }

  /** The delivery settings, without the secret. */
  settings(): { url: string | null; signed: boolean; intervalMs: number } {
    return {
      url: this.delivery.url,
      signed: Boolean(this.delivery.secret),
      intervalMs: this.delivery.intervalMs
    }
  }

  enqueue(payload: Record<string, unknown>): void {
    if (this.delivery.url) this.waiting.push(payload)
  }

  waitingNow(): Record<string, unknown>[] {
    return structuredClone(this.waiting)
  }

  deliveries(): DeliveryAttempt[] {
    return [...this.attempts]
  }

  /** Delivers what is waiting now (one batch); batches never overlap, so nothing is sent twice at once. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.deliverBatch())
    return this.flushing
  }

  stop(): void {
    this.stopTicker()
  }

  clear(): void {
    this.waiting.length = 0
    this.attempts.length = 0
  }

  private async deliverBatch(): Promise<void> {
    const batch = this.waiting.splice(0)
    const { url, secret } = this.delivery
    for (const payload of batch) {
      const status = url ? await this.post(url, secret, payload) : null
      this.attempts.push({ id: String(payload.id), at: isoMicros(Date.now()), status })
      if (status === null || status < 200 || status > 299) this.waiting.push(payload)
    }
  }

  private async post(
    url: string,
    secret: string | null,
    payload: Record<string, unknown>
  ): Promise<number | null> {
    const body = pythonJsonDumps(payload)
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (secret) headers[SIGNATURE_HEADER] = await hmacSignature(secret, body)
    try {
      const response = await fetch(url, { method: 'POST', headers, body })
      await response.arrayBuffer()
      return response.status
    } catch {
      return null
    }
  }
}

import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { NotificationItem, SIGNATURE_CHECKS } from '../../shared/contract/notifications'
import { KIND_FACTS, type NotificationKind } from '../../shared/notifications/kinds'
import { canonicalJson } from '../../shared/notifications/python-json'
import { readNotification } from '../../shared/notifications/read-notification'

/**
 * The id of the latest notification that set the status of policy `p` (of order `o`) since Teak last answered
 * about it, for queries over `policies p JOIN orders o`: such a status is newer than the one the policy row holds.
 */
export const LATEST_NOTIFIED_STATUS = `(
  SELECT max(x.id) FROM notifications x
  WHERE x.environment = o.environment AND x.status IS NOT NULL AND x.received_at >= p.updated_at
    AND x.policy_number IN (p.policy_number, p.policy_number_new))`

export interface ReceivedDelivery {
  environment: string
  /** The request body exactly as it arrived. */
  rawBody: string
  signature: (typeof SIGNATURE_CHECKS)[number]
  /** The notifications the body carries, parsed. */
  payloads: unknown[]
}

export interface NotificationBook {
  /**
   * Stores each notification of a delivery once (one transaction, committed when this returns): a payload
   * already stored for the environment is a duplicate, not a new notification.
   */
  storeNotifications(delivery: ReceivedDelivery): { stored: number; duplicates: number }
  listNotifications(environment: string, options?: { includeDone?: boolean }): NotificationItem[]
  openNotificationCount(environment: string): number
  /** Null if there is no such notification; marking it again keeps who did it first. */
  markNotificationDone(id: number, doneBy: string): NotificationItem | null
}

type ItemRecord = Omit<NotificationItem, 'required' | 'linked'> & { linked: number }

/**
 * An item's order is the one the journal holds for its order number, else the one holding its policy: a
 * notification may name only one of them, and may arrive before the order is journaled (then it links later).
 * A void's amount, when the payload gives none, is the premium the journal recorded for the policy.
 */
const ITEM_SELECT = `
  SELECT n.id, n.environment, n.received_at AS receivedAt, n.kind,
         coalesce(n.order_number, o.order_number) AS orderNumber, n.policy_number AS policyNumber, n.status,
         coalesce(n.amount, CASE WHEN n.kind = 'contract_void' THEN p.premium END) AS amount,
         coalesce(n.currency, p.currency, o.currency) AS currency,
         o.id IS NOT NULL AS linked, n.signature, n.payload, n.done_at AS doneAt, n.done_by AS doneBy
  FROM notifications n
  LEFT JOIN orders o ON o.id = coalesce(
    n.order_id,
    (SELECT b.id FROM orders b WHERE b.environment = n.environment AND b.order_number = n.order_number),
    (SELECT q.order_id FROM policies q JOIN orders c ON c.id = q.order_id
      WHERE c.environment = n.environment AND n.policy_number IN (q.policy_number, q.policy_number_new)
      ORDER BY q.id DESC LIMIT 1))
  LEFT JOIN policies p ON p.id = (
    SELECT r.id FROM policies r
    WHERE r.order_id = o.id AND n.policy_number IN (r.policy_number, r.policy_number_new)
    ORDER BY r.id DESC LIMIT 1)`

function toItem(record: ItemRecord): NotificationItem {
  return {
    ...record,
    required: KIND_FACTS[record.kind as NotificationKind].required,
    linked: record.linked === 1
  }
}

export function notificationBook(db: Database, now: () => Date): NotificationBook {
  const insert = db.prepare(
    `INSERT INTO notifications (environment, received_at, raw_body, payload, dedupe_key, signature, kind,
       order_number, policy_number, status, amount, currency, order_id)
     VALUES (@environment, @receivedAt, @rawBody, @payload, @dedupeKey, @signature, @kind,
       @orderNumber, @policyNumber, @status, @amount, @currency,
       (SELECT id FROM orders WHERE environment = @environment AND order_number = @orderNumber))
     ON CONFLICT (environment, dedupe_key) DO NOTHING`
  )
  const list = db.prepare<[{ environment: string; includeDone: number }], ItemRecord>(
    `${ITEM_SELECT} WHERE n.environment = @environment AND (@includeDone OR n.done_at IS NULL)
     ORDER BY n.id DESC`
  )
  const one = db.prepare<[number], ItemRecord>(`${ITEM_SELECT} WHERE n.id = ?`)
  const count = db
    .prepare<[string], number>('SELECT count(*) FROM notifications WHERE environment = ? AND done_at IS NULL')
    .pluck()
  const markDone = db.prepare(
    'UPDATE notifications SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL'
  )

  const store = db.transaction((delivery: ReceivedDelivery) => {
    const receivedAt = now().toISOString()
    let stored = 0
    for (const payload of delivery.payloads) {
      const canonical = canonicalJson(payload)
      const read = readNotification(payload)
      const result = insert.run({
        environment: delivery.environment,
        receivedAt,
        rawBody: delivery.rawBody,
        payload: JSON.stringify(payload),
        dedupeKey: createHash('sha256').update(canonical).digest('hex'),
        signature: delivery.signature,
        ...read
      })
      stored += result.changes
    }
    return { stored, duplicates: delivery.payloads.length - stored }
  })

  return {
    storeNotifications: (delivery) => store.immediate(delivery),
    listNotifications: (environment, options = {}) =>
      list.all({ environment, includeDone: options.includeDone ? 1 : 0 }).map(toItem),
    openNotificationCount: (environment) => count.get(environment) ?? 0,
    markNotificationDone(id, doneBy) {
      markDone.run(now().toISOString(), doneBy, id)
      const record = one.get(id)
      return record ? toItem(record) : null
    }
  }
}

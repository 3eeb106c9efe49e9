import { KIND_FACTS, kindOfEventName, type NotificationKind } from './kinds'

/** What Teak Desk understood of one notification; every field may be missing (unknown #14). */
export interface ReadNotification {
  kind: NotificationKind
  orderNumber: string | null
  policyNumber: string | null
  /** The policy's status after the event: the payload's, else the one the kind implies. */
  status: string | null
  /** What the platform owes the customer, when the payload says (refund_amount, amount, premium). */
  amount: string | null
  currency: string | null
}

/** Field names looked for, first found wins (assumption `notificationFields`). */
const FIELDS = {
  event: ['event', 'event_type', 'type', 'notification', 'notification_type', 'kind', 'name'],
  orderNumber: ['order_number'],
  policyNumber: ['policy_number', 'contract_number', 'policy_number_new'],
  status: ['status', 'policy_status', 'contract_status'],
  amount: ['refund_amount', 'amount', 'premium'],
  /** A downgrade's premium is not what is owed: only an amount named as such is. */
  difference: ['refund_amount', 'amount'],
  currency: ['currency']
} as const

/** How deep nested objects are searched: a payload is small; a hostile one should not cost much. */
const MAX_DEPTH = 4

/**
 * The notifications one delivery carries (assumption `notificationBatch`): a JSON array, an object with a
 * `notifications` array, or one object.
 */
export function notificationsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body
  if (isObject(body) && Array.isArray(body.notifications)) return body.notifications
  return [body]
}

/** Reads one notification liberally: the first text or number found for each field, at any depth. */
export function readNotification(payload: unknown): ReadNotification {
  const text = (names: readonly string[]) => findText(payload, names, 0)
  const kind = kindOfEventName(text(FIELDS.event))
  return {
    kind,
    orderNumber: text(FIELDS.orderNumber),
    policyNumber: text(FIELDS.policyNumber),
    status: text(FIELDS.status) ?? KIND_FACTS[kind].impliedStatus,
    amount: text(kind === 'contract_downgraded' ? FIELDS.difference : FIELDS.amount),
    currency: text(FIELDS.currency)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Breadth first: a field on the notification itself beats one of a nested object (an item's name). */
function findText(value: unknown, names: readonly string[], depth: number): string | null {
  if (!isObject(value) || depth > MAX_DEPTH) return null
  for (const name of names) {
    const found = value[name]
    if (typeof found === 'string' && found.trim() !== '') return found.trim()
    if (typeof found === 'number' && Number.isFinite(found)) return String(found)
  }
  for (const nested of Object.values(value)) {
    const found = findText(nested, names, depth + 1)
    if (found !== null) return found
  }
  return null
}

import type { SandboxAssumptions } from './assumptions'
import { isoMicros } from './clock'
import { refuse } from './errors'
import { policyNumber, prefixedId, uuid } from './ids'
import { compareAmounts, premiumOf, toCents } from './pricing'
import {
  ISSUED,
  type StoredCustomer,
  type StoredEvent,
  type StoredItem,
  type StoredOrder,
  type StoredPolicy
} from './records'
import type { ChangeItemInput, Contact, EventInput, ItemInput, OrderInput } from './validation'

/**
 * Turns validated requests into stored records: one order, one customer, one policy per item
 * (contract-notes §10).
 */

/** Teak echoes `hh:mm` as `hh:mm:ss` and unset fields as null (UPG, DECODE). */
export function echoedEvent(event: EventInput): Omit<StoredEvent, 'id'> {
  const time = (value: string | undefined) => (value === undefined ? null : `${value}:00`)
  return {
    name: event.name ?? null,
    start_date: event.start_date ?? null,
    start_time: time(event.start_time),
    end_date: event.end_date ?? null,
    end_time: time(event.end_time),
    location: event.location ?? null
  }
}

function storedEvent(event: EventInput): StoredEvent {
  return { id: prefixedId('evnt'), ...echoedEvent(event) }
}

function storedCustomer(customer: Contact): StoredCustomer {
  return {
    id: prefixedId('cus'),
    first_name: customer.first_name ?? null,
    last_name: customer.last_name ?? null,
    email: customer.email ?? null,
    phone: customer.phone ?? null
  }
}

function storedItem(item: ItemInput, eventId: string | null): StoredItem {
  return {
    id: prefixedId('itm'),
    name: item.name ?? null,
    reference_number: item.reference_number ?? null,
    cost: toCents(item.cost),
    event_id: eventId
  }
}

/** A new policy in status Issued; premium and coverage follow the `premiumRate`/`coverageAmount` assumptions. */
function issuePolicy(item: StoredItem, issuedAt: string, assumptions: SandboxAssumptions): StoredPolicy {
  const premium = premiumOf(item.cost, assumptions.premiumRate)
  return {
    policy_number: policyNumber(),
    policy_number_new: uuid(),
    item_id: item.id,
    premium,
    coverage_amount: assumptions.coverageAmount === 'cost' ? item.cost : premium,
    status: ISSUED,
    issued_at: issuedAt,
    void_date: null,
    cancel_date: null,
    replaced_by: null
  }
}

export function createOrder(
  input: OrderInput,
  client: string,
  now: number,
  assumptions: SandboxAssumptions
): StoredOrder {
  const created = isoMicros(now)
  const orderEvent = input.event ? storedEvent(input.event) : null
  const events = orderEvent ? [orderEvent] : []
  // The item's own event wins over the order's (ODET, ITEMS).
  const items = input.items.map((item) => {
    const own = item.event ? storedEvent(item.event) : null
    if (own) events.push(own)
    return storedItem(item, (own ?? orderEvent)?.id ?? null)
  })
  return {
    client,
    protecht_order_id: uuid(),
    order_number: input.order_number,
    currency: input.currency,
    created,
    updated: created,
    customer: input.customer ? storedCustomer(input.customer) : null,
    billing_address: input.billing_address ?? null,
    payment: input.payment ?? null,
    events,
    items,
    policies: items.map((item) => issuePolicy(item, created, assumptions))
  }
}

/** "Teak will determine if this is an upgrade, downgrade, or exchange based on the cost" (UPG). */
export function classifyChange(oldCost: string, newCost: string): 'upgrade' | 'downgrade' | 'exchange' {
  const order = compareAmounts(newCost, oldCost)
  return order > 0 ? 'upgrade' : order < 0 ? 'downgrade' : 'exchange'
}

/** For each change, the current Issued policy of an item with that old reference number; all or nothing. */
function policiesToReplace(
  order: StoredOrder,
  changes: ChangeItemInput[]
): { policy: StoredPolicy; item: StoredItem }[] {
  const policyOf = new Map(order.policies.map((policy) => [policy.item_id, policy]))
  const chosen = new Set<StoredPolicy>()
  return changes.map((change, index) => {
    const field = `items[${index}].old_reference_number`
    const current = order.items.flatMap((item) => {
      const policy = policyOf.get(item.id)
      const isCandidate =
        item.reference_number === change.old_reference_number &&
        policy?.replaced_by === null &&
        !chosen.has(policy)
      return isCandidate ? [{ item, policy }] : []
    })
    if (current.length === 0) {
      throw refuse(
        'validation',
        'UnknownItem',
        `Order ${order.order_number} has no current item with reference number "${change.old_reference_number}".`,
        field
      )
    }
    const issued = current.find(({ policy }) => policy.status === ISSUED)
    if (!issued) {
      throw refuse(
        'policyState',
        'PolicyNotIssued',
        `The policy of item "${change.old_reference_number}" is ${current[0].policy.status}; only Issued policies can be upgraded, downgraded or exchanged.`,
        field
      )
    }
    chosen.add(issued.policy)
    return issued
  })
}

/**
 * Applies a PATCH: each change replaces an item and its Issued policy with a new item and a new Issued policy;
 * the old policy takes the status named by `replacedStatuses`. Returns only what was created (UPG).
 */
export function changeOrderItems(
  order: StoredOrder,
  changes: ChangeItemInput[],
  now: number,
  assumptions: SandboxAssumptions
): { items: StoredItem[]; policies: StoredPolicy[] } {
  const replaced = policiesToReplace(order, changes)
  const issuedAt = isoMicros(now)
  const items: StoredItem[] = []
  const policies: StoredPolicy[] = []
  changes.forEach((change, index) => {
    const old = replaced[index]
    const event = change.event ? storedEvent(change.event) : null
    if (event) order.events.push(event)
    const item = storedItem(change, event?.id ?? old.item.event_id)
    const policy = issuePolicy(item, issuedAt, assumptions)
    old.policy.status = assumptions.replacedStatuses[classifyChange(old.item.cost, item.cost)]
    old.policy.replaced_by = policy.policy_number
    items.push(item)
    policies.push(policy)
  })
  order.items.push(...items)
  order.policies.push(...policies)
  order.updated = issuedAt
  return { items, policies }
}

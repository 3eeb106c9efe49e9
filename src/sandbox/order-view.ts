import { totalOf } from './pricing'
import type { StoredCustomer, StoredItem, StoredOrder, StoredPolicy } from './records'

/**
 * The order representation of Teak's PATCH example (contract-notes §5.2), also used — as an assumption
 * (§11.3) — for the opt-in create response.
 */

function customerView(customer: StoredCustomer | null) {
  if (!customer) return null
  const { id, email, first_name, last_name } = customer
  return { id, email, first_name, last_name }
}

function itemSummary({ id, name, reference_number, cost }: StoredItem) {
  return { id, name, reference_number, cost }
}

export function policyView(order: StoredOrder, policy: StoredPolicy) {
  const item = order.items.find((candidate) => candidate.id === policy.item_id)
  return {
    policy_number: policy.policy_number,
    policy_number_new: policy.policy_number_new,
    currency: order.currency,
    premium: policy.premium,
    coverage_amount: policy.coverage_amount,
    status: policy.status,
    item: item ? itemSummary(item) : null
  }
}

/** Sum of the costs of the items still covered, i.e. not replaced by a PATCH (an assumption: §11.3). */
function subtotal(order: StoredOrder): string {
  const replacedItems = new Set(order.policies.filter((p) => p.replaced_by !== null).map((p) => p.item_id))
  return totalOf(order.items.filter((item) => !replacedItems.has(item.id)).map((item) => item.cost))
}

/** The whole order, or — for a PATCH — the order with only the given items and policies. */
export function orderView(
  order: StoredOrder,
  shown: { items: StoredItem[]; policies: StoredPolicy[] } = order
) {
  const customer = customerView(order.customer)
  return {
    created: order.created,
    updated: order.updated,
    order_number: order.order_number,
    subtotal: subtotal(order),
    currency: order.currency,
    protecht_order_id: order.protecht_order_id,
    items: shown.items.map((item) => {
      const event = order.events.find((candidate) => candidate.id === item.event_id) ?? null
      return { ...itemSummary(item), customer, event, event_id: item.event_id }
    }),
    customer,
    client: order.client,
    policies: shown.policies.map((policy) => policyView(order, policy))
  }
}

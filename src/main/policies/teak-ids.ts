import type { OrderIdKind, PolicyIdKind } from '../../shared/teak/assumptions'

/**
 * The identifiers Teak's paths take. Which ones is not documented (contract-notes §11 #11), so each is the
 * environment's choice: the `orderIdKind` and `policyIdKind` assumptions (src/shared/teak/assumptions.ts).
 */

/**
 * The `:id` of `PATCH /api/v2/orders/:id/` for a journaled order. For `protecht_order_id`, Teak's own id is
 * known once Teak answered the create (or an earlier PATCH); an order recorded only as already submitted
 * has none, and then our `order_number`, which Teak also holds unique per client, is the best left.
 */
export function changeOrderIdOf(
  order: { teakOrderId?: string | null; orderNumber: string },
  kind: OrderIdKind
): string {
  return kind === 'protecht_order_id' ? (order.teakOrderId ?? order.orderNumber) : order.orderNumber
}

/**
 * The `:policy_id` of `PUT /api/v2/policies/:policy_id[/cancel]`: the `policy_number` Teak returned
 * ("ORAAS-JOD9XSWD8B"), or its `policy_number_new` (a UUID) when that is the kind chosen and it is known.
 */
export function policyIdOf(
  policy: { policyNumber: string; policyNumberNew?: string | null },
  kind: PolicyIdKind
): string {
  return kind === 'policy_number_new' ? (policy.policyNumberNew ?? policy.policyNumber) : policy.policyNumber
}

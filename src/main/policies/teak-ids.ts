import type { HistoryRow } from '../../shared/contract/history'

/**
 * The `:id` of `PATCH /api/v2/orders/:id/` for a journaled order.
 *
 * ASSUMPTION (contract-notes §11 #11: Teak does not say which identifier the path takes): Teak's own id for
 * the order, `protecht_order_id`, when the journal has it (from the create response or an earlier PATCH);
 * else our `order_number`, which Teak also knows and holds unique per client. The guide's example answers a
 * PATCH of `:id` with `"order_number": "original-order-id"`, so the order number is the likelier fallback.
 * The local sandbox accepts both (`orderIdFields`).
 */
export function changeOrderIdOf(order: Pick<HistoryRow, 'teakOrderId' | 'orderNumber'>): string {
  return order.teakOrderId ?? order.orderNumber
}

/**
 * The `:policy_id` of `PUT /api/v2/policies/:policy_id[/cancel]`.
 *
 * ASSUMPTION (contract-notes §11 #11): the `policy_number` Teak returned ("ORAAS-JOD9XSWD8B"), the number the
 * customer and the dashboard show; what `policy_number_new` (a UUID) is for is not documented.
 */
export function policyIdOf(policyNumber: string): string {
  return policyNumber
}

import type { JournalOperation, OrderDetail } from '../../../../shared/contract/history'

/**
 * Each operation's step number within its order (1, 2, 3 … oldest first), as the timeline and the policy
 * histories show it: the journal's operation ids are global, so they skip numbers within one order.
 */
export function stepNumbers(timeline: readonly Pick<JournalOperation, 'id'>[]): ReadonlyMap<number, number> {
  return new Map(timeline.map((operation, index) => [operation.id, index + 1]))
}

type PolicyRecord = OrderDetail['policies'][number]

export interface PolicyEvent {
  step: number
  operation: JournalOperation
  /** The status this operation's answer gave the policy, if it named one. */
  status: string | null
}

function replacesItemOf(operation: JournalOperation, policy: PolicyRecord): boolean {
  if (operation.kind !== 'exchange' || policy.itemReference === null) return false
  const items = (operation.request as { items?: unknown } | null)?.items
  return (
    Array.isArray(items) &&
    items.some(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        (item as Record<string, unknown>).old_reference_number === policy.itemReference
    )
  )
}

/**
 * The operations that concerned one policy, oldest first: the answer that issued it, voids and cancels
 * aimed at it, and exchanges of its item.
 */
export function policyHistory(timeline: readonly JournalOperation[], policy: PolicyRecord): PolicyEvent[] {
  const steps = stepNumbers(timeline)
  return timeline.flatMap((operation) => {
    const snapshot = operation.policies.find((entry) => entry.policyNumber === policy.policyNumber)
    const concerns =
      snapshot !== undefined ||
      operation.policyNumber === policy.policyNumber ||
      replacesItemOf(operation, policy)
    return concerns
      ? [{ step: steps.get(operation.id) ?? 0, operation, status: snapshot?.status ?? null }]
      : []
  })
}

import type { OrderDetail } from '../../../../shared/contract/history'

type PolicyRecord = OrderDetail['policies'][number]

export interface PolicyStatusView {
  /** The status as the agent should read it now. */
  status: string
  /** When Teak returned that status (an instant), or null when no answer did. */
  asOf: string | null
  /** What the status does not say, e.g. that Teak's exchange answer left the old policy out. */
  note: string | null
}

/**
 * A policy's status as the History shows it. A policy replaced by an exchange shows what Teak answered
 * after the exchange; Teak's answer usually names only the new policy (UPG), and then the status from
 * before the exchange is not shown as if it still held.
 */
export function policyStatusView(policy: PolicyRecord): PolicyStatusView {
  if (policy.replacedBy === null) {
    return { status: policy.status ?? 'Not returned by Teak', asOf: policy.statusAt, note: null }
  }
  const replaced = `Replaced by item ${policy.replacedBy}`
  const returnedSince =
    policy.status !== null &&
    policy.statusAt !== null &&
    policy.replacedAt !== null &&
    policy.statusAt >= policy.replacedAt
  if (returnedSince) return { status: `${policy.status} (${replaced})`, asOf: policy.statusAt, note: null }
  return {
    status: replaced,
    asOf: policy.replacedAt,
    note: 'Teak’s exchange answer named only the new policy: its status for this one is not known.'
  }
}

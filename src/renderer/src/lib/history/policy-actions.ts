import type { OrderDetail } from '../../../../shared/contract/history'
import type { PolicyActionAssumption } from '../../../../shared/teak/assumptions'
import {
  POLICY_ACTIONS,
  policyActionVerdict,
  type PolicyAction,
  type PolicyState
} from '../../../../shared/teak/policy-actions'

export type StatusChangeKind = 'void' | 'cancel'

export interface StatusChangeWording {
  verb: string
  title: (policyNumber: string) => string
  /** What happens, from Teak's docs (contract-notes §5.3, §5.4). */
  consequences: readonly string[]
  confirmLabel: string
}

export const STATUS_CHANGES: Readonly<Record<StatusChangeKind, StatusChangeWording>> = {
  void: {
    verb: 'Void',
    title: (policyNumber) => `Void policy ${policyNumber}?`,
    consequences: [
      'The customer is refunded the protection cost: your platform must refund it (Teak’s "Contract Void" notification).'
    ],
    confirmLabel: 'Void policy'
  },
  cancel: {
    verb: 'Cancel',
    title: (policyNumber) => `Cancel policy ${policyNumber}?`,
    consequences: [
      'Teak gives no refund: the customer is not refunded the protection cost.',
      'The customer can no longer void the policy or request a refund. Your platform is still invoiced Teak’s program fee.'
    ],
    confirmLabel: 'Cancel policy'
  }
}

type PolicyRecord = OrderDetail['policies'][number]

/** Policies the order holds now (not replaced by an exchange): the ones that can be voided or canceled. */
export function currentPolicies(detail: Pick<OrderDetail, 'policies'>): PolicyRecord[] {
  return detail.policies.filter((policy) => policy.replacedBy === null)
}

/** The item of a policy, for naming it beside the policy number. */
export function itemOf(
  detail: Pick<OrderDetail, 'items'>,
  policy: Pick<PolicyRecord, 'itemReference'>
): OrderDetail['items'][number] | undefined {
  return detail.items.find((item) => item.referenceNumber === policy.itemReference)
}

export interface Refusal {
  /** The actions refused for one and the same reason. */
  actions: PolicyAction[]
  reason: string
  basis: 'documented' | PolicyActionAssumption
}

/**
 * Why each action is refused for the policy, one entry per distinct reason: a replaced policy refuses all
 * three for the same reason, which the page says once.
 */
export function refusalsOf(policy: PolicyState): Refusal[] {
  const refusals: Refusal[] = []
  for (const action of POLICY_ACTIONS) {
    const verdict = policyActionVerdict(action, policy)
    if (verdict.allowed) continue
    const same = refusals.find((entry) => entry.reason === verdict.reason && entry.basis === verdict.basis)
    if (same) same.actions.push(action)
    else refusals.push({ actions: [action], reason: verdict.reason, basis: verdict.basis })
  }
  return refusals
}

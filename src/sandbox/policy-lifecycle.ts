import type { SandboxAssumptions } from './assumptions'
import { DAY_MS, isoMicros } from './clock'
import { refuse } from './errors'
import { ISSUED, ON_HOLD, VOIDED, type StoredPolicy } from './records'

function listed(statuses: string[]): string {
  return statuses.length === 0 ? 'no' : statuses.join(' or ')
}

/**
 * Void (contract-notes §5.3): refunds the protection. Refused after a cancel (documented: the customer "can no
 * longer void"), for statuses outside `voidableStatuses`, and after the look period (`lookPeriodDays`).
 */
export function voidPolicy(policy: StoredPolicy, now: number, assumptions: SandboxAssumptions): void {
  if (policy.status === assumptions.canceledStatus) {
    throw refuse(
      'policyState',
      'PolicyCanceled',
      `Policy ${policy.policy_number} was canceled on ${policy.cancel_date}; a canceled policy can no longer be voided.`
    )
  }
  if (!assumptions.voidableStatuses.includes(policy.status)) {
    throw refuse(
      'policyState',
      'InvalidPolicyStatus',
      `Policy ${policy.policy_number} is ${policy.status}; only ${listed(assumptions.voidableStatuses)} policies can be voided.`
    )
  }
  const lookPeriodEnd = Date.parse(policy.issued_at) + assumptions.lookPeriodDays * DAY_MS
  if (now > lookPeriodEnd) {
    throw refuse(
      'outsideLookPeriod',
      'OutsideLookPeriod',
      `Policy ${policy.policy_number} was issued on ${policy.issued_at}; its ${assumptions.lookPeriodDays}-day look period ended on ${isoMicros(lookPeriodEnd)}, so it can no longer be voided. It can still be canceled.`
    )
  }
  policy.status = VOIDED
  policy.void_date = isoMicros(now)
}

/**
 * Cancel (contract-notes §5.4): ends the protection without a refund, "at any time" — except after a void,
 * unless `cancelAfterVoid` says otherwise (an assumption either way).
 */
export function cancelPolicy(policy: StoredPolicy, now: number, assumptions: SandboxAssumptions): void {
  if (policy.status === VOIDED && !assumptions.cancelAfterVoid) {
    throw refuse(
      'policyState',
      'PolicyVoided',
      `Policy ${policy.policy_number} was voided on ${policy.void_date}; the sandbox assumes a voided policy cannot also be canceled (assumption cancelAfterVoid).`
    )
  }
  const cancelable = policy.status === VOIDED || assumptions.cancelableStatuses.includes(policy.status)
  if (!cancelable) {
    throw refuse(
      'policyState',
      'InvalidPolicyStatus',
      `Policy ${policy.policy_number} is ${policy.status}; only ${listed(assumptions.cancelableStatuses)} policies can be canceled.`
    )
  }
  policy.status = assumptions.canceledStatus
  policy.cancel_date = isoMicros(now)
}

/**
 * Teak-side changes the docs tell testers to ask Teak staff for (contract-notes §10): a dashboard downgrade
 * ("Contract Downgraded") or a failed payment ("Contract On Hold"). Both start from Issued.
 */
export function markPolicy(
  policy: StoredPolicy,
  event: 'downgrade' | 'on-hold',
  assumptions: SandboxAssumptions
): void {
  if (policy.status !== ISSUED) {
    throw refuse(
      'policyState',
      'InvalidPolicyStatus',
      `Policy ${policy.policy_number} is ${policy.status}, not Issued.`
    )
  }
  policy.status = event === 'downgrade' ? assumptions.replacedStatuses.downgrade : ON_HOLD
}

import { POLICY_ACTION_ASSUMPTIONS, type PolicyActionAssumption } from './assumptions'

/**
 * Which changes a policy can take after the sale, from the state Teak last returned for it. The History page
 * offers or disables its buttons by these verdicts, and the policy service refuses what Teak's docs say Teak
 * refuses; rules the docs do not state are named assumptions (POLICY_ACTION_ASSUMPTIONS).
 */

export const POLICY_ACTIONS = ['void', 'cancel', 'exchange'] as const
export type PolicyAction = (typeof POLICY_ACTIONS)[number]

/** A policy as the journal knows it: Teak's last returned status, and the item an exchange replaced it by. */
export interface PolicyState {
  status: string | null
  replacedBy: string | null
}

export type ActionVerdict =
  | { allowed: true; caution: string | null }
  | {
      allowed: false
      reason: string
      /** A rule of Teak's docs (the service refuses it too), or the assumption it rests on. */
      basis: 'documented' | PolicyActionAssumption
    }

/** Teak's status of a policy in force: the status it issues policies in (OPTIN, UPG). */
export const ISSUED_STATUS = 'Issued'

type Standing = 'issued' | 'voided' | 'canceled' | 'unknown' | 'other'

/** The status read leniently: any case, and "Cancelled" as "Canceled" (assumption canceledSpelling). */
function standingOf(status: string | null): Standing {
  const word = status?.trim().toLowerCase() ?? ''
  if (word === '') return 'unknown'
  if (word === 'issued') return 'issued'
  if (word === 'voided') return 'voided'
  if (word === 'canceled' || word === 'cancelled') return 'canceled'
  return 'other'
}

const UNKNOWN_CAUTION =
  'Teak has not returned this policy’s status, so Teak decides whether it can be changed.'
const LOOK_PERIOD_CAUTION =
  'Teak refuses a void after the policy’s look period, whose length it does not document; a cancel is still possible then.'

function refused(reason: string, basis: 'documented' | PolicyActionAssumption): ActionVerdict {
  return { allowed: false, reason, basis }
}

/** Whether `action` may be sent for a policy in `state`, and if not, why, in words for the agent. */
export function policyActionVerdict(action: PolicyAction, state: PolicyState): ActionVerdict {
  if (state.replacedBy !== null) {
    return refused(
      `It was replaced by item ${state.replacedBy} in an exchange; the new policy is the one in force.`,
      'replacedPolicyIsClosed'
    )
  }
  const standing = standingOf(state.status)
  if (standing === 'unknown') return { allowed: true, caution: UNKNOWN_CAUTION }
  if (standing === 'issued') {
    return { allowed: true, caution: action === 'void' ? LOOK_PERIOD_CAUTION : null }
  }
  const status = state.status ?? ''
  switch (action) {
    case 'exchange':
      return refused(`Teak exchanges only Issued policies; this one is ${status}.`, 'documented')
    case 'void':
      if (standing === 'canceled') {
        return refused('Teak does not void a canceled policy: it can no longer be voided.', 'documented')
      }
      if (standing === 'voided') return refused('It is already voided.', 'noRepeatedChange')
      return refused(`Only Issued policies are voided; this one is ${status}.`, 'voidOnlyIssued')
    case 'cancel':
      if (standing === 'canceled') return refused('It is already canceled.', 'noRepeatedChange')
      if (standing === 'voided') {
        return refused(
          'It was voided: its protection has already ended and been refunded.',
          'noCancelAfterVoid'
        )
      }
      // "A policy can be canceled at any time" (CANCEL): any other status may be.
      return { allowed: true, caution: null }
  }
}

/** The refusal a documented rule of Teak's makes for this change, or null: what the service will not send. */
export function documentedRefusal(action: PolicyAction, state: PolicyState): string | null {
  const verdict = policyActionVerdict(action, state)
  return !verdict.allowed && verdict.basis === 'documented' ? verdict.reason : null
}

/** Where a refusal comes from, as the page shows it under the reason. */
export function basisText(basis: 'documented' | PolicyActionAssumption): string {
  return basis === 'documented'
    ? 'From Teak’s docs.'
    : `Assumption: ${POLICY_ACTION_ASSUMPTIONS[basis].label} (${POLICY_ACTION_ASSUMPTIONS[basis].source}).`
}

import type { NotificationKind } from '../../shared/notifications/kinds'
import { refuse } from '../errors'
import { notificationPayload } from '../notifications'
import { cancelPolicy, voidPolicy } from '../policy-lifecycle'
import { authenticated, type Call, type Route } from '../router'
import type { SandboxState } from '../sandbox-state'

function policyOfClient(state: SandboxState, call: Call, client: string) {
  const [id] = call.params
  const fields = state.assumptions.policyIdFields
  const record = state.store.findPolicy(id, fields, client)
  if (!record) {
    throw refuse(
      'notFound',
      'PolicyNotFound',
      `No policy "${id}" exists for this client (looked up by ${fields.join(' and ')}).`
    )
  }
  return record
}

/** A partner's change to one of its policies, answered with the new status and its date. */
function policyChange(
  path: string,
  change: typeof voidPolicy,
  success: 'voidPolicy' | 'cancelPolicy',
  dateField: 'void_date' | 'cancel_date',
  /** Teak notifies the platform of cancels too (N-CCANC); of its own voids, not (N-CVOID is the customer's). */
  notify?: NotificationKind
): Route {
  return {
    method: 'PUT',
    path,
    handle: authenticated((state, call, client) => {
      const { order, policy } = policyOfClient(state, call, client)
      change(policy, state.clock.now(), state.assumptions)
      state.changed()
      if (notify)
        state.notifications.enqueue(notificationPayload(notify, order, policy, state.clock.now(), null))
      return {
        status: state.assumptions.successStatuses[success],
        body: { status: policy.status, [dateField]: policy[dateField] }
      }
    })
  }
}

/** `PUT /api/v2/policies/:id` → `{status: "Voided", void_date}` (contract-notes §5.3). */
export const voidPolicyRoute = policyChange('/api/v2/policies/:id', voidPolicy, 'voidPolicy', 'void_date')

/** `PUT /api/v2/policies/:id/cancel` → `{status: "Canceled", cancel_date}` (§5.4; the body is assumed, §11.10). */
export const cancelPolicyRoute = policyChange(
  '/api/v2/policies/:id/cancel',
  cancelPolicy,
  'cancelPolicy',
  'cancel_date',
  'contract_canceled'
)

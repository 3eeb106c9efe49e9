import { refuse } from '../errors'
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
  return record.policy
}

/** A partner's change to one of its policies, answered with the new status and its date. */
function policyChange(
  path: string,
  change: typeof voidPolicy,
  success: 'voidPolicy' | 'cancelPolicy',
  dateField: 'void_date' | 'cancel_date'
): Route {
  return {
    method: 'PUT',
    path,
    handle: authenticated((state, call, client) => {
      const policy = policyOfClient(state, call, client)
      change(policy, state.clock.now(), state.assumptions)
      state.changed()
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
  'cancel_date'
)

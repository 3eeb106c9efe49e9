import type { OperationError, PolicySnapshot } from '../../shared/contract/history'
import type { TeakOrder } from '../../shared/teak/responses'
import type { TeakApiError } from '../teak/errors'

/** The journal's view of the policies in a Teak order response ("as last returned by Teak"). */
export function policySnapshotsOf(order: TeakOrder): PolicySnapshot[] {
  return order.policies.map((policy) => ({
    policyNumber: policy.policy_number,
    policyNumberNew: policy.policy_number_new,
    itemReference: policy.item.reference_number,
    status: policy.status ?? 'Issued',
    premium: policy.premium,
    coverageAmount: policy.coverage_amount,
    currency: policy.currency
  }))
}

/** `items[0].cost` → ['items', 0, 'cost']: Teak's field names as paths the form can point at. */
export function fieldPath(key: string): (string | number)[] {
  return key
    .split(/[.[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

export function operationErrorOf(error: TeakApiError): OperationError {
  const fieldErrors = Object.entries(error.fieldErrors ?? {}).flatMap(([key, messages]) =>
    messages.map((message) => ({ path: fieldPath(key), message }))
  )
  return { kind: error.kind, message: error.message, ...(fieldErrors.length > 0 ? { fieldErrors } : {}) }
}

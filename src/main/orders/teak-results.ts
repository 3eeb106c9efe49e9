import type { OperationError, PolicySnapshot } from '../../shared/contract/history'
import type { TeakOrderAnswer } from '../../shared/teak/responses'
import type { TeakApiError } from '../teak/errors'

/** The journal's view of the policies in a Teak order response ("as last returned by Teak"). */
export function policySnapshotsOf(order: TeakOrderAnswer): PolicySnapshot[] {
  return order.policies.map((policy) => ({
    policyNumber: policy.policy_number,
    policyNumberNew: policy.policy_number_new,
    itemReference: policy.item?.reference_number,
    // Teak's only example leaves the status out; a policy it has just issued is Issued (contract-notes §5.1).
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

/**
 * The outcome to journal for a call that failed, or null when Teak may have carried it out all the same
 * (timeout, cut connection, 5xx): the intent then stays open and History lists it as in doubt. A duplicate
 * order number is not a failure: send-order.ts records it as already submitted.
 */
export function outcomeOfFailure(error: TeakApiError): 'invalid' | 'rejected' | 'failed' | null {
  if (error.outcomeUnknown) return null
  // The client's own checks refused it before anything left.
  if (error.kind === 'validation' && !error.requestMayHaveReachedTeak) return 'invalid'
  // A 4xx is Teak's verdict on the request; a refused connection or a rate limit that outlasted the client's
  // retries is only "not yet".
  const teakRefused = error.status !== undefined && error.status < 500 && error.kind !== 'rate_limited'
  return teakRefused ? 'rejected' : 'failed'
}

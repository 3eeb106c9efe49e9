import type { ExchangeResult, PolicyStatusResult } from '../../../../shared/contract/policies'
import { formatDateTime } from '../format/date-time'
import type { StatusChangeKind } from './policy-actions'

export type ChangeRequest =
  { kind: 'exchange'; oldReferences: readonly string[] } | { kind: StatusChangeKind; policyNumber: string }

export interface ChangeSummary {
  /** `success` is announced politely (role="status"); the others interrupt (role="alert"). */
  tone: 'success' | 'error' | 'warning'
  title: string
  /** Teak Desk's or Teak's own explanation, in full. */
  detail?: string
}

function subjectOf(request: ChangeRequest): string {
  return request.kind === 'exchange'
    ? `The exchange of ${request.oldReferences.map((reference) => `item ${reference}`).join(', ')}`
    : `The ${request.kind} of policy ${request.policyNumber}`
}

function successTitle(request: ChangeRequest, result: ExchangeResult | PolicyStatusResult): string {
  const subject = subjectOf(request)
  if ('newPolicies' in result) {
    const count = result.newPolicies.length
    return `${subject} succeeded: Teak issued ${count} new ${count === 1 ? 'policy' : 'policies'}.`
  }
  const date = result.date ? ` on ${formatDateTime(result.date)}` : ''
  return `${subject} succeeded: Teak now reports it as ${result.status ?? 'changed'}${date}.`
}

/** How a policy change ended, for the banner above the order; every refusal is recorded in the timeline. */
export function changeSummary(
  request: ChangeRequest,
  result: ExchangeResult | PolicyStatusResult
): ChangeSummary {
  const detail = result.error?.message
  switch (result.outcome) {
    case 'succeeded':
      return { tone: 'success', title: successTitle(request, result) }
    case 'rejected':
      return { tone: 'error', title: `${subjectOf(request)} was refused by Teak.`, detail }
    case 'invalid':
      return {
        tone: 'error',
        title: `${subjectOf(request)} was not sent: Teak Desk's checks refused it.`,
        detail
      }
    case 'failed':
      return { tone: 'error', title: `${subjectOf(request)} failed: Teak did not carry it out.`, detail }
    case 'in_doubt':
      return {
        tone: 'warning',
        title: `${subjectOf(request)} may or may not have reached Teak.`,
        detail: `${detail ?? 'No answer came back.'} It is listed under "In doubt" on the History list, where it can be sent again.`
      }
  }
}

import type { JournalOperation } from '../../../../shared/contract/history'
import type { ImportOutcome } from '../../../../shared/import/report'
import type {
  OperationKind,
  OperationSource,
  OrderOutcome,
  Outcome
} from '../../../../shared/journal/outcomes'

/** The journal's words as a support agent reads them. */
export const OUTCOME_LABELS: Readonly<Record<OrderOutcome | Outcome | ImportOutcome, string>> = {
  in_doubt: 'In doubt',
  created: 'Created',
  opted_out: 'Opted out',
  already_submitted: 'Already at Teak',
  succeeded: 'Succeeded',
  invalid: 'Invalid, not sent',
  rejected: 'Rejected by Teak',
  failed: 'Failed',
  being_sent_elsewhere: 'Being sent elsewhere'
}

export const KIND_LABELS: Readonly<Record<OperationKind, string>> = {
  order: 'Order (opt-in)',
  opt_out: 'Order (opt-out)',
  exchange: 'Upgrade / downgrade / exchange',
  void: 'Void',
  cancel: 'Cancel'
}

export const SOURCE_LABELS: Readonly<Record<OperationSource, string>> = {
  form: 'Form',
  import: 'CSV import',
  resend: 'Resend'
}

/** Outcomes that tell the agent something went wrong, to style them apart. */
export function isTroubleOutcome(outcome: OrderOutcome | Outcome | ImportOutcome | null): boolean {
  return (
    outcome === null ||
    ['in_doubt', 'invalid', 'rejected', 'failed', 'being_sent_elsewhere'].includes(outcome)
  )
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US')
}

/**
 * A journaled request or response for reading: pretty JSON. Teak's refusals are kept verbatim as text, so
 * text holding JSON is parsed first; other text is shown as it is.
 */
export function prettyJson(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2)
    } catch {
      return value
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value)
}

/**
 * The HTTP status of an operation as the timeline shows it. Every answer Teak gives is journaled with its
 * status; operations settled without an answer, and policy changes journaled before statuses were
 * recorded for them, have none, which this spells out.
 */
export function httpStatusText(operation: Pick<JournalOperation, 'outcome' | 'httpStatus'>): string {
  if (operation.httpStatus !== null) return String(operation.httpStatus)
  switch (operation.outcome) {
    case null:
      return 'no answer yet'
    case 'invalid':
      return 'not sent'
    case 'failed':
    case 'rejected':
      return 'no answer'
    default:
      return '2xx (exact code not recorded)'
  }
}

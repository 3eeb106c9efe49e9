import type { OperationError, PolicySnapshot } from '../../shared/contract/history'
import type { ImportOutcome, ImportReportOrder } from '../../shared/import/report'
import type { ParsedOrder } from '../../shared/import/types'
import { isSubmission } from '../../shared/journal/outcomes'
import { holderText, type Sender } from '../journal/claims'
import type { Journal } from '../journal/journal'
import { currentPolicies, type SendOrderResult } from '../orders/send-order'

/** An order the file itself refuses: its own row errors, nothing sent. */
export function invalidEntry(order: ParsedOrder): ImportReportOrder {
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome: 'invalid',
    errors: order.errors.map(({ row, column, message }) => ({ row, column, message })),
    status: null,
    policies: [],
    sent_by_run: null
  }
}

/** What came of sending the order in this run: where the order stands after its attempts. */
export function sentEntry(order: ParsedOrder, result: SendOrderResult, runId: number): ImportReportOrder {
  const notes = result.note ? [{ row: null, column: null, message: result.note }] : []
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome: result.standing,
    errors: [...(result.error ? errorRows(order, result.error) : []), ...notes],
    status: result.httpStatus ?? null,
    policies: reportPolicies(result.policies ?? []),
    sent_by_run: runId
  }
}

/** An order another live sender (import run, window or process) was sending: this run left it alone. */
export function heldEntry(order: ParsedOrder, holder: Sender): ImportReportOrder {
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome: 'being_sent_elsewhere',
    errors: [
      {
        row: null,
        column: null,
        message: `Being sent by ${holderText(holder)}; this run did not send it. Its outcome is in that run's report and in History.`
      }
    ],
    status: null,
    policies: [],
    sent_by_run: holder.importRunId
  }
}

/**
 * An order an earlier run (or the order form) already settled, as the journal tells it: the submission
 * behind its standing gives the status and errors; its current policies are listed.
 */
export function journaledEntry(
  journal: Journal,
  environment: string,
  order: ParsedOrder,
  outcome: ImportOutcome
): ImportReportOrder {
  const detail = journal.orderDetail(environment, order.orderNumber)
  const submission = detail?.timeline.findLast((op) => isSubmission(op.kind) && op.outcome === outcome)
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome,
    errors: submission?.error ? errorRows(order, submission.error) : [],
    status: submission?.httpStatus ?? null,
    policies: reportPolicies(detail ? currentPolicies(detail) : []),
    sent_by_run: submission?.importRunId ?? null
  }
}

function reportPolicies(policies: readonly PolicySnapshot[]): ImportReportOrder['policies'] {
  return policies.map((p) => ({
    policy_number: p.policyNumber,
    item_reference_number: p.itemReference ?? '',
    premium: p.premium ?? '',
    currency: p.currency ?? ''
  }))
}

/** Teak's answer as report errors: per field where Teak named one (on the order's first row), else whole-order. */
function errorRows(order: ParsedOrder, error: OperationError): ImportReportOrder['errors'] {
  if (error.fieldErrors && error.fieldErrors.length > 0) {
    return error.fieldErrors.map((f) => ({
      row: order.rows[0] ?? null,
      column: f.path.join('.'),
      message: f.message
    }))
  }
  return [{ row: null, column: null, message: error.message }]
}

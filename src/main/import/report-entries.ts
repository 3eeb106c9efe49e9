import type { OperationError } from '../../shared/contract/history'
import type { ImportOutcome, ImportReportOrder } from '../../shared/import/report'
import type { ParsedOrder } from '../../shared/import/types'
import { isSubmission } from '../../shared/journal/outcomes'
import type { Journal } from '../journal/journal'
import type { SendOrderResult } from '../orders/send-order'

type SettledResult = Extract<SendOrderResult, { settled: true }>

/** An order the file itself refuses: its own row errors, nothing sent. */
export function invalidEntry(order: ParsedOrder): ImportReportOrder {
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome: 'invalid',
    errors: order.errors.map(({ row, column, message }) => ({ row, column, message })),
    status: null,
    policies: []
  }
}

/** What came of sending the order in this run. */
export function sentEntry(order: ParsedOrder, result: SettledResult): ImportReportOrder {
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome: result.outcome,
    errors: result.error ? errorRows(order, result.error) : [],
    status: result.httpStatus ?? null,
    policies: (result.policies ?? []).map((p) => ({
      policy_number: p.policyNumber,
      item_reference_number: p.itemReference ?? '',
      premium: p.premium ?? ''
    }))
  }
}

/** An order this run gave up on without a final answer from Teak (in doubt after every attempt). */
export function failedEntry(order: ParsedOrder, error: OperationError): ImportReportOrder {
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome: 'failed',
    errors: errorRows(order, error),
    status: null,
    policies: []
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
    policies: (detail?.policies ?? [])
      .filter((p) => p.replacedBy === null)
      .map((p) => ({
        policy_number: p.policyNumber,
        item_reference_number: p.itemReference ?? '',
        premium: p.premium ?? ''
      }))
  }
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

import { z } from 'zod'
import { csvDocument } from '../journal/csv-cells'

/**
 * The import report (issue-defined shape, kept exactly: the schemas are strict): one entry per order, keyed
 * by order number and spreadsheet rows, totals derived from the per-order outcomes.
 */
/**
 * Beyond the journal's outcomes: `in_doubt`, an attempt may have reached Teak and no answer settled it (run
 * the import again, or Resolve in History); `being_sent_elsewhere`, another import or window was sending the
 * order at the same time, so this run left it to that one (`sent_by_run` names the run).
 */
export const IMPORT_OUTCOMES = [
  'created',
  'opted_out',
  'already_submitted',
  'invalid',
  'rejected',
  'failed',
  'in_doubt',
  'being_sent_elsewhere'
] as const
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number]

export const importReportOrderSchema = z.strictObject({
  order_number: z.string(),
  rows: z.array(z.number().int()),
  outcome: z.enum(IMPORT_OUTCOMES),
  errors: z.array(
    z.strictObject({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })
  ),
  /** HTTP status of Teak's last answer (null when nothing was sent, or no answer came). */
  status: z.number().int().nullable(),
  policies: z.array(
    z.strictObject({ policy_number: z.string(), item_reference_number: z.string(), premium: z.string() })
  ),
  /**
   * The import run that sent the order (or is sending it, for `being_sent_elsewhere`); null when nothing was
   * sent or it was sent from the order form. Two runs over the same orders agree on it.
   */
  sent_by_run: z.number().int().nullable()
})
export type ImportReportOrder = z.infer<typeof importReportOrderSchema>
export type ImportReportError = ImportReportOrder['errors'][number]

export const importSummarySchema = z.strictObject({
  orders: z.number().int(),
  created: z.number().int(),
  opted_out: z.number().int(),
  already_submitted: z.number().int(),
  invalid: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int(),
  in_doubt: z.number().int(),
  being_sent_elsewhere: z.number().int()
})
export type ImportSummary = z.infer<typeof importSummarySchema>

export const importReportSchema = z.strictObject({
  file: z.string(),
  environment: z.string(),
  summary: importSummarySchema,
  orders: z.array(importReportOrderSchema)
})
export type ImportReport = z.infer<typeof importReportSchema>

export function emptySummary(): ImportSummary {
  return {
    orders: 0,
    created: 0,
    opted_out: 0,
    already_submitted: 0,
    invalid: 0,
    rejected: 0,
    failed: 0,
    in_doubt: 0,
    being_sent_elsewhere: 0
  }
}

/** Adds one order's outcome to `summary` in place (progress counts without recounting every order). */
export function countOutcome(summary: ImportSummary, outcome: ImportOutcome): void {
  summary.orders += 1
  summary[outcome] += 1
}

export function summarize(orders: readonly Pick<ImportReportOrder, 'outcome'>[]): ImportSummary {
  const summary = emptySummary()
  for (const order of orders) countOutcome(summary, order.outcome)
  return summary
}

/** Exit 0 when every order is at Teak; 1 when any is not, or not yet (the CLI's contract). */
export function allSucceeded(summary: ImportSummary): boolean {
  return (
    summary.invalid + summary.rejected + summary.failed + summary.in_doubt + summary.being_sent_elsewhere ===
    0
  )
}

export const REPORT_CSV_COLUMNS = [
  'order_number',
  'rows',
  'outcome',
  'status',
  'errors',
  'policies',
  'sent_by_run'
] as const

/**
 * The report as a spreadsheet: one row per order. Cells holding several values put one per line, so a
 * spreadsheet shows them stacked in the cell; every cell is guarded against formula injection.
 */
export function importReportCsv(report: ImportReport): string {
  return csvDocument([
    REPORT_CSV_COLUMNS,
    ...report.orders.map((order) => [
      order.order_number,
      order.rows.join(', '),
      order.outcome,
      order.status,
      order.errors.map(errorLine).join('\n'),
      order.policies
        .map((p) => `${p.policy_number} (item ${p.item_reference_number}, premium ${p.premium})`)
        .join('\n'),
      order.sent_by_run
    ])
  ])
}

/** "Row 3, item_cost: …", leaving out what the error does not name. */
export function errorLine(error: ImportReportError): string {
  const where = [error.row === null ? null : `Row ${error.row}`, error.column].filter(Boolean).join(', ')
  return where ? `${where}: ${error.message}` : error.message
}

import { z } from 'zod'
import { csvDocument } from '../journal/csv-cells'
import { isAtTeak } from '../journal/outcomes'

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
    z.strictObject({
      policy_number: z.string(),
      item_reference_number: z.string(),
      premium: z.string(),
      /** The currency of `premium` as Teak returned it ('' when it did not say). */
      currency: z.string()
    })
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

/**
 * The spreadsheet's columns: the first seven as they always were, then one policy's own fields, so a
 * spreadsheet can sum premiums per currency. Scripts read these names: add columns, never rename them.
 */
export const REPORT_CSV_COLUMNS = [
  'order_number',
  'rows',
  'outcome',
  'status',
  'errors',
  'policies',
  'sent_by_run',
  'policy_number',
  'item_reference_number',
  'currency',
  'premium'
] as const

type ReportPolicy = ImportReportOrder['policies'][number]

/**
 * The report as a spreadsheet: one row per policy, the order's cells repeated on each; an order without
 * policies (opted out, not sent) gets one row with the policy cells empty. Several errors stack in their
 * cell one per line; every cell is guarded against formula injection.
 */
export function importReportCsv(report: ImportReport): string {
  return csvDocument([
    REPORT_CSV_COLUMNS,
    ...report.orders.flatMap((order) => {
      const cells = [
        order.order_number,
        order.rows.join(', '),
        order.outcome,
        order.status,
        order.errors.map(errorLine).join('\n')
      ]
      const policies: (ReportPolicy | null)[] = order.policies.length > 0 ? order.policies : [null]
      return policies.map((policy) => [
        ...cells,
        policy ? policyText(policy) : '',
        order.sent_by_run,
        policy?.policy_number ?? '',
        policy?.item_reference_number ?? '',
        policy?.currency ?? '',
        policy?.premium ?? ''
      ])
    })
  ])
}

/** The `policies` cell as it read when several shared it: "P-1 (item R-1, premium 4.50)". */
function policyText(policy: ReportPolicy): string {
  return `${policy.policy_number} (item ${policy.item_reference_number}, premium ${policy.premium})`
}

/**
 * What a run did, as a person asks it: orders it sent (whatever Teak answered), orders Teak already held
 * before it (an earlier run or the order form: not sent again), orders the file itself refused, and the
 * rest (left to another sender, or reported as an earlier attempt left them). `runId` is the run the
 * report is of; a resumed run counts what it sent before the interruption as its own.
 */
export interface RunCounts {
  sentInRun: number
  doneBefore: number
  invalid: number
  notSent: number
}

export function runCounts(report: Pick<ImportReport, 'orders'>, runId: number): RunCounts {
  const counts: RunCounts = { sentInRun: 0, doneBefore: 0, invalid: 0, notSent: 0 }
  for (const order of report.orders) counts[runPartOf(order, runId)] += 1
  return counts
}

/** Which of `RunCounts` one order of the run's report counts in. */
export function runPartOf(order: ImportReportOrder, runId: number): keyof RunCounts {
  if (order.outcome === 'invalid') return 'invalid'
  if (order.outcome === 'being_sent_elsewhere') return 'notSent'
  if (order.sent_by_run === runId) return 'sentInRun'
  return isAtTeak(order.outcome) ? 'doneBefore' : 'notSent'
}

/** "Row 3, item_cost: …", leaving out what the error does not name. */
export function errorLine(error: ImportReportError): string {
  const where = [error.row === null ? null : `Row ${error.row}`, error.column].filter(Boolean).join(', ')
  return where ? `${where}: ${error.message}` : error.message
}

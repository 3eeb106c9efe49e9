import { z } from 'zod'

/**
 * The import report (issue-defined shape, kept exactly): one entry per order, keyed by order number and
 * spreadsheet rows, totals derived from the per-order outcomes.
 */
export const IMPORT_OUTCOMES = [
  'created',
  'opted_out',
  'already_submitted',
  'invalid',
  'rejected',
  'failed'
] as const
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number]

export const importReportOrderSchema = z.object({
  order_number: z.string(),
  rows: z.array(z.number().int()),
  outcome: z.enum(IMPORT_OUTCOMES),
  errors: z.array(
    z.object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })
  ),
  /** HTTP status of Teak's last answer (null when nothing was sent). */
  status: z.number().int().nullable(),
  policies: z.array(
    z.object({ policy_number: z.string(), item_reference_number: z.string(), premium: z.string() })
  ),
  /** Extension: true when an earlier run had already settled this order, so nothing was sent this time. */
  skipped: z.boolean().optional()
})
export type ImportReportOrder = z.infer<typeof importReportOrderSchema>

export const importSummarySchema = z.object({
  orders: z.number().int(),
  created: z.number().int(),
  opted_out: z.number().int(),
  already_submitted: z.number().int(),
  invalid: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int()
})
export type ImportSummary = z.infer<typeof importSummarySchema>

export const importReportSchema = z.object({
  file: z.string(),
  environment: z.string(),
  summary: importSummarySchema,
  orders: z.array(importReportOrderSchema)
})
export type ImportReport = z.infer<typeof importReportSchema>

export function summarize(orders: readonly Pick<ImportReportOrder, 'outcome'>[]): ImportSummary {
  const summary: ImportSummary = {
    orders: orders.length,
    created: 0,
    opted_out: 0,
    already_submitted: 0,
    invalid: 0,
    rejected: 0,
    failed: 0
  }
  for (const order of orders) summary[order.outcome] += 1
  return summary
}

/** Exit 0 when every order is at Teak; 1 when any is invalid, rejected or failed (the CLI's contract). */
export function allSucceeded(summary: ImportSummary): boolean {
  return summary.invalid + summary.rejected + summary.failed === 0
}

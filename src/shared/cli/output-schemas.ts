import { z } from 'zod'
import { historyRowSchema, journalOperationSchema, orderDetailSchema } from '../contract/history'
import { importReportOrderSchema, importReportSchema } from '../import/report'

/**
 * What `teak-desk <command> --json` prints on stdout: one JSON document per command, in these shapes (the
 * tests hold the output to them). They reuse the report's and the History's shapes, so a script reads the
 * same fields as the report file and the app's export.
 */

/** The import: the report (summary and one entry per order) and how the run ended. */
export const importOutputSchema = importReportSchema.extend({
  dry_run: z.literal(false),
  /** False when the run was interrupted, or when file errors stopped it before anything was sent. */
  complete: z.boolean(),
  /** Orders at Teak before this run (sent earlier), not sent again. */
  already_at_teak: z.number().int(),
  /** File-level findings, as the text prints them: file errors, warnings, rows that belong to no order. */
  findings: z.array(z.string())
})
export type ImportOutput = z.infer<typeof importOutputSchema>

const reportErrorSchema = importReportOrderSchema.shape.errors.element

/** `import --dry-run`: what the file holds and what would be sent; nothing was. */
export const dryRunOutputSchema = z.strictObject({
  file: z.string(),
  /** The environment's label (or the address of --base-url) whose assumptions the orders were checked with. */
  environment: z.string(),
  dry_run: z.literal(true),
  rows: z.number().int(),
  summary: z.strictObject({
    orders: z.number().int(),
    valid: z.number().int(),
    opt_in: z.number().int(),
    opt_out: z.number().int(),
    invalid: z.number().int()
  }),
  findings: z.array(z.string()),
  orders: z.array(
    z.strictObject({
      order_number: z.string(),
      rows: z.array(z.number().int()),
      valid: z.boolean(),
      opt_in: z.boolean(),
      errors: z.array(reportErrorSchema),
      warnings: z.array(reportErrorSchema)
    })
  )
})
export type DryRunOutput = z.infer<typeof dryRunOutputSchema>

export const importCommandOutputSchema = z.discriminatedUnion('dry_run', [
  importOutputSchema,
  dryRunOutputSchema
])

/** `history`: the matching orders, newest first, as the History list and the JSON export show them. */
export const historyOutputSchema = z.strictObject({
  /** Every order that matches, beyond `--limit` too. */
  total: z.number().int(),
  orders: z.array(historyRowSchema)
})
export type HistoryOutput = z.infer<typeof historyOutputSchema>

/** `order`: the order's History page (the app's order detail, unchanged). */
export const orderOutputSchema = orderDetailSchema
export type OrderOutput = z.infer<typeof orderOutputSchema>

/** `in-doubt`: the app's in-doubt list, each with how to resolve it. */
export const inDoubtOutputSchema = z.array(journalOperationSchema.extend({ howToResolve: z.string() }))
export type InDoubtOutput = z.infer<typeof inDoubtOutputSchema>

/** `export --output FILE --json`: where the export went (without --output, --json prints the JSON export). */
export const exportOutputSchema = z.strictObject({
  file: z.string(),
  format: z.enum(['csv', 'json']),
  orders: z.number().int()
})
export type ExportOutput = z.infer<typeof exportOutputSchema>

/** `ui --json`: where the interface is served. */
export const uiOutputSchema = z.strictObject({ url: z.string() })
export type UiOutput = z.infer<typeof uiOutputSchema>

/** `sandbox --json`: one line, printed once the sandbox listens. */
export const sandboxOutputSchema = z.strictObject({
  url: z.string(),
  publicKey: z.string(),
  secretKey: z.string(),
  stateFile: z.string().nullable(),
  assumptions: z.record(z.string(), z.unknown())
})

import { z } from 'zod'
import { importReportSchema, importSummarySchema } from '../import/report'
import { method } from './define'

/** The biggest backlog the page may hand over: 50 MB, checked on the file before it is read. */
export const IMPORT_FILE_MAX_BYTES = 50 * 1024 * 1024
const FILE_NAME_MAX = 255

const runId = z.number().int().positive()
const environmentId = z.string().min(1).max(100)
const fileName = z.string().trim().min(1).max(FILE_NAME_MAX)

/** Sending to production was confirmed (the ProductionConfirm dialog). */
const confirmationsSchema = z.strictObject({ production: z.boolean().default(false) })

export const rowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string(),
  message: z.string()
})
export type RowErrorView = z.infer<typeof rowErrorSchema>

export const previewOrderSchema = z.object({
  orderNumber: z.string(),
  rows: z.array(z.number().int()),
  /** False when the quote token says opt_in false: Teak stores nothing and issues no policy. */
  optIn: z.boolean(),
  errors: z.array(rowErrorSchema),
  /** Findings of rule assumptions set to warn: listed, and the order is imported all the same. */
  warnings: z.array(rowErrorSchema),
  /** Valid, and the journal shows it already at Teak in the preview's environment: it is not sent again. */
  sentBefore: z.boolean()
})
export type PreviewOrder = z.infer<typeof previewOrderSchema>

/** What the file holds, checked and grouped, before anything is sent. */
export const importPreviewSchema = z.object({
  /** Names the checked file for `import.start`; only the latest preview can be started. */
  previewId: z.string(),
  fileName: z.string(),
  missingTokenAsOptIn: z.boolean(),
  /** The environment whose assumption levels the orders were checked with. */
  environmentId: z.string(),
  rowCount: z.number().int(),
  validOrders: z.number().int(),
  invalidOrders: z.number().int(),
  /** Valid orders the journal shows at Teak already (sent before): reported, never sent again. */
  alreadyAtTeak: z.number().int(),
  /** Valid orders an import would send: `validOrders` less `alreadyAtTeak`. */
  toSend: z.number().int(),
  /**
   * Orders to send that have no quote token, sent as opt-ins because the person allowed it: Teak issues
   * policies for them, billed to the platform. Their item costs per currency, for the confirmation.
   */
  missingTokenOptIns: z.object({
    orders: z.number().int(),
    totals: z.array(z.object({ currency: z.string(), amount: z.string() }))
  }),
  orders: z.array(previewOrderSchema),
  /** Rows that belong to no order (no order number). */
  rowErrors: z.array(rowErrorSchema),
  warnings: z.array(z.string()),
  /** Problems with the whole file: nothing in it can be imported. */
  fileErrors: z.array(z.string())
})
export type ImportPreview = z.infer<typeof importPreviewSchema>

export const IMPORT_STATES = ['running', 'paused', 'stopping', 'finished', 'cancelled', 'failed'] as const
export type ImportStateName = (typeof IMPORT_STATES)[number]

export const importProgressSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  summary: importSummarySchema,
  ratePerSecond: z.number(),
  etaSeconds: z.number().nullable()
})

/** A run as the page follows it; also the payload of the `import.progress` event. */
export const importStatusSchema = z.object({
  runId,
  fileName: z.string(),
  environmentId: z.string(),
  state: z.enum(IMPORT_STATES),
  /** True for "Retry failed orders": only orders that ended `failed` are sent. */
  onlyFailed: z.boolean(),
  progress: importProgressSchema,
  /** Why the run stopped, when it `failed`. */
  message: z.string().optional()
})
export type ImportStatus = z.infer<typeof importStatusSchema>

/**
 * A run that has not ended: interrupted (a closed app, a crash), offered for resuming; or `running` in
 * another window or process (a CLI import, say), shown with its progress and never taken for interrupted.
 */
export const unfinishedImportSchema = z.object({
  runId,
  fileName: z.string(),
  environmentId: z.string(),
  startedAt: z.string(),
  totalOrders: z.number().int(),
  processedOrders: z.number().int(),
  running: z.boolean()
})
export type UnfinishedImport = z.infer<typeof unfinishedImportSchema>

const runInput = z.strictObject({ runId })
const confirmedRunInput = z.strictObject({
  runId,
  confirmations: confirmationsSchema.default({ production: false })
})

export const importMethods = {
  /** Checks a backlog the page read (UTF-8 text) and keeps it in the data directory for the run. */
  'import.preview': method(
    z.strictObject({
      fileName,
      text: z
        .string()
        .max(IMPORT_FILE_MAX_BYTES, 'The file is larger than 50 MB: split it into smaller files.'),
      missingTokenAsOptIn: z.boolean(),
      /** Whose assumption levels to check with (Settings → Assumptions); default: the selected environment. */
      environmentId: environmentId.optional()
    }),
    importPreviewSchema
  ),
  /** Starts sending the valid orders of the latest preview; progress arrives as `import.progress` events. */
  'import.start': method(
    z.strictObject({
      previewId: z.string().min(1).max(100),
      environmentId,
      confirmations: confirmationsSchema.default({ production: false })
    }),
    importStatusSchema
  ),
  'import.pause': method(runInput, importStatusSchema),
  'import.resume': method(runInput, importStatusSchema),
  /** Stops taking new orders; orders in flight finish and are journaled. */
  'import.cancel': method(runInput, importStatusSchema),
  /** The run this app session started last (running or ended), or null. */
  'import.status': method(z.strictObject({}), importStatusSchema.nullable()),
  /** The report of an ended run of this session, in the shape the CLI writes. */
  'import.report': method(runInput, importReportSchema),
  'import.unfinished': method(z.strictObject({}), z.array(unfinishedImportSchema)),
  'import.resumeRun': method(confirmedRunInput, importStatusSchema),
  /** Closes an interrupted run without resuming it; its orders stay in the journal as they are. */
  'import.discardRun': method(runInput, z.strictObject({})),
  /** A new run over the same file that sends only the orders that ended `failed`. */
  'import.retryFailed': method(confirmedRunInput, importStatusSchema)
}

import { z } from 'zod'
import { OPERATION_KINDS, OPERATION_SOURCES, ORDER_OUTCOMES, OUTCOMES } from '../journal/outcomes'
import { method } from './define'

export const operationKindSchema = z.enum(OPERATION_KINDS)
export const operationSourceSchema = z.enum(OPERATION_SOURCES)
export const outcomeSchema = z.enum(OUTCOMES)
export const orderOutcomeSchema = z.enum(ORDER_OUTCOMES)

/** A policy as Teak last described it (fields Teak did not return stay absent). */
export const policySnapshotSchema = z.object({
  policyNumber: z.string().min(1),
  policyNumberNew: z.string().optional(),
  itemReference: z.string().optional(),
  status: z.string().optional(),
  premium: z.string().optional(),
  coverageAmount: z.string().optional(),
  currency: z.string().optional()
})
export type PolicySnapshot = z.infer<typeof policySnapshotSchema>

export const operationErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  fieldErrors: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional()
})
export type OperationError = z.infer<typeof operationErrorSchema>

/** One journaled operation: its intent, and its outcome once known (`outcome: null` = in doubt). */
export const journalOperationSchema = z.object({
  id: z.number().int(),
  environment: z.string(),
  orderNumber: z.string(),
  kind: operationKindSchema,
  source: operationSourceSchema,
  requestedAt: z.string(),
  request: z.unknown(),
  policyNumber: z.string().nullable(),
  importRunId: z.number().int().nullable(),
  csvRows: z.array(z.number().int()),
  supersedes: z.number().int().nullable(),
  supersededBy: z.number().int().nullable(),
  outcome: outcomeSchema.nullable(),
  settledAt: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  response: z.unknown(),
  policies: z.array(policySnapshotSchema),
  error: operationErrorSchema.nullable(),
  /** Teak answered 2xx, but not in its documented shape: what was not understood (the body is `response`). */
  note: z.string().nullable()
})
export type JournalOperation = z.infer<typeof journalOperationSchema>

/** One order as the History list and the export show it. */
export const historyRowSchema = z.object({
  environment: z.string(),
  orderNumber: z.string(),
  outcome: orderOutcomeSchema,
  /** How the submission behind `outcome` reached Teak Desk. */
  source: operationSourceSchema,
  currency: z.string().nullable(),
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  teakOrderId: z.string().nullable(),
  /** Current items (not replaced by an exchange), in order. */
  itemReferences: z.array(z.string()),
  /** Current policies with their status as Teak last returned it. */
  policies: z.array(z.object({ policyNumber: z.string(), status: z.string().nullable() })),
  /** The error of the operation behind `outcome`, if it failed. */
  lastError: z.string().nullable(),
  firstSeenAt: z.string(),
  lastActivityAt: z.string()
})
export type HistoryRow = z.infer<typeof historyRowSchema>

export const HISTORY_TEXT_MAX = 200
export const HISTORY_PAGE_MAX = 500

/** `from` (inclusive) and `to` (exclusive) bound when the order was first seen. */
export const historyFilterSchema = z
  .object({
    text: z
      .string()
      .max(HISTORY_TEXT_MAX, `Search text has at most ${HISTORY_TEXT_MAX} characters.`)
      .optional(),
    environment: z.string().min(1).optional(),
    outcome: orderOutcomeSchema.optional(),
    source: operationSourceSchema.optional(),
    from: z.iso
      .datetime({ offset: true, error: 'Use a date and time like 2027-12-24T00:00:00Z.' })
      .optional(),
    to: z.iso.datetime({ offset: true, error: 'Use a date and time like 2027-12-24T00:00:00Z.' }).optional()
  })
  .strict()
export type HistoryFilter = z.infer<typeof historyFilterSchema>

/** The columns the History list sorts by (its column headers). */
export const HISTORY_SORT_COLUMNS = [
  'orderNumber',
  'environment',
  'outcome',
  'source',
  'customer',
  'firstSeen',
  'lastActivity'
] as const
export type HistorySortColumn = (typeof HISTORY_SORT_COLUMNS)[number]
export const SORT_DIRECTIONS = ['asc', 'desc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

export const historySortSchema = z
  .object({ by: z.enum(HISTORY_SORT_COLUMNS), direction: z.enum(SORT_DIRECTIONS) })
  .strict()
export type HistorySort = z.infer<typeof historySortSchema>

/** Newest first: the order without a `sort`, and the only one `cursor` pages through. */
export const DEFAULT_HISTORY_SORT: HistorySort = { by: 'firstSeen', direction: 'desc' }

export function isDefaultSort(sort: HistorySort | undefined): boolean {
  return sort === undefined || (sort.by === 'firstSeen' && sort.direction === 'desc')
}

/**
 * A page is reached by `offset` (to jump to page n) or by `cursor` (the previous page's `nextCursor`, which
 * stays fast however deep the page). Sorted by any other column than newest first, pages go by `offset`.
 */
export const historySearchInputSchema = historyFilterSchema
  .extend({
    limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(50),
    offset: z.number().int().min(0).optional(),
    cursor: z.string().regex(/^\d+$/, 'Use the nextCursor of the previous page.').optional(),
    sort: historySortSchema.optional()
  })
  .refine((query) => query.offset === undefined || query.cursor === undefined, {
    message: 'Give either an offset or a cursor, not both.',
    path: ['cursor']
  })
  .refine((query) => query.cursor === undefined || isDefaultSort(query.sort), {
    message: 'A cursor pages newest first only; use an offset with another sort.',
    path: ['cursor']
  })
export type HistoryQuery = z.output<typeof historySearchInputSchema>

export const historyPageSchema = z.object({
  rows: z.array(historyRowSchema),
  total: z.number().int(),
  /** Null on the last page, and whenever the list is sorted otherwise than newest first (page by offset). */
  nextCursor: z.string().nullable()
})
export type HistoryPage = z.infer<typeof historyPageSchema>

export const orderItemRecordSchema = z.object({
  referenceNumber: z.string(),
  name: z.string().nullable(),
  cost: z.string().nullable(),
  /** Reference number of the item an exchange put in its place. */
  replacedBy: z.string().nullable()
})

export const policyRecordSchema = z.object({
  policyNumber: z.string(),
  policyNumberNew: z.string().nullable(),
  itemReference: z.string().nullable(),
  status: z.string().nullable(),
  premium: z.string().nullable(),
  coverageAmount: z.string().nullable(),
  currency: z.string().nullable(),
  /** Reference number of the item an exchange put in place of this policy's item. */
  replacedBy: z.string().nullable(),
  updatedAt: z.string(),
  /** When Teak last returned `status` (the answer that named it), or null if no answer did. */
  statusAt: z.string().nullable().default(null),
  /** When the exchange that replaced it succeeded, or null if it is not replaced. */
  replacedAt: z.string().nullable().default(null),
  /** Set when `status` comes from a notification Teak sent after it last answered about the policy. */
  statusNotifiedAt: z.string().nullable().optional()
})

export const orderDetailSchema = z.object({
  order: historyRowSchema,
  /** The live sender (an import run, another window or process) sending the order right now, if any. */
  beingSentBy: z.string().nullable(),
  items: z.array(orderItemRecordSchema),
  policies: z.array(policyRecordSchema),
  /** Every operation on the order, oldest first. */
  timeline: z.array(journalOperationSchema)
})
export type OrderDetail = z.infer<typeof orderDetailSchema>

export const EXPORT_FORMATS = ['csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const historyExportSchema = z.object({ fileName: z.string(), content: z.string() })

/** One journaled order, as "Export selected" names it. */
export const orderKeySchema = z
  .object({ environment: z.string().min(1), orderNumber: z.string().min(1) })
  .strict()
export type OrderKey = z.infer<typeof orderKeySchema>
export type HistoryExport = z.infer<typeof historyExportSchema>

export const historyMethods = {
  'history.search': method(historySearchInputSchema, historyPageSchema),
  'history.detail': method(
    z.object({ environment: z.string().min(1), orderNumber: z.string().min(1) }).strict(),
    orderDetailSchema
  ),
  'history.inDoubt': method(
    z.object({ environment: z.string().min(1).optional() }).strict(),
    z.array(journalOperationSchema)
  ),
  'history.export': method(
    z
      .object({
        format: z.enum(EXPORT_FORMATS),
        filter: historyFilterSchema,
        sort: historySortSchema.optional()
      })
      .strict(),
    historyExportSchema
  ),
  /** The chosen orders (multi-select on the History list), in the order given; unknown ones are left out. */
  'history.exportSelected': method(
    z
      .object({
        format: z.enum(EXPORT_FORMATS),
        orders: z
          .array(orderKeySchema)
          .min(1, 'Select at least one order.')
          .max(HISTORY_PAGE_MAX * 20)
      })
      .strict(),
    historyExportSchema
  )
}

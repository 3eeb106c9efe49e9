import { z } from 'zod'
import { ORDER_OUTCOMES, OPERATION_KINDS } from '../journal/outcomes'
import { method } from './define'

/** An order whose last attempt may or may not have reached Teak: someone must resolve it in History. */
export const overviewInDoubtSchema = z.object({
  environmentId: z.string(),
  orderNumber: z.string(),
  kind: z.enum(OPERATION_KINDS),
  requestedAt: z.string()
})
export type OverviewInDoubt = z.infer<typeof overviewInDoubtSchema>

/**
 * An import run as the Overview lists it. `state`: `running` here or in another window or process;
 * `interrupted` (not ended, nobody running it: the Import page offers to resume it); or how it ended.
 * `outcomes` counts the orders the run sent by where they stand now.
 */
export const overviewImportSchema = z.object({
  runId: z.number().int(),
  fileName: z.string(),
  environmentId: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  state: z.enum(['running', 'interrupted', 'completed', 'abandoned']),
  totalOrders: z.number().int(),
  outcomes: z.partialRecord(z.enum(ORDER_OUTCOMES), z.number().int())
})
export type OverviewImport = z.infer<typeof overviewImportSchema>

export const overviewSchema = z.object({
  /** The environment in use, whose day the counts are of. */
  environmentId: z.string(),
  today: z.object({
    /** The start of the day counted: the person's local midnight, as asked. */
    since: z.string(),
    sent: z.number().int(),
    optedOut: z.number().int(),
    voided: z.number().int(),
    canceled: z.number().int()
  }),
  /** In every environment, oldest first; at most `IN_DOUBT_SHOWN` of `inDoubtTotal` are listed. */
  inDoubt: z.array(overviewInDoubtSchema),
  inDoubtTotal: z.number().int(),
  /** Interrupted runs, and ended ones whose orders failed or are in doubt: the Import page deals with them. */
  importsNeedingAction: z.array(overviewImportSchema),
  /** The latest runs, newest first. */
  recentImports: z.array(overviewImportSchema)
})
export type Overview = z.infer<typeof overviewSchema>

export const IN_DOUBT_SHOWN = 20
export const RECENT_IMPORTS_SHOWN = 5

export const overviewMethods = {
  /** The agent's day at a glance; read-only. `dayStart`: the person's local midnight as an ISO instant. */
  'overview.get': method(z.strictObject({ dayStart: z.iso.datetime({ offset: true }) }), overviewSchema)
}

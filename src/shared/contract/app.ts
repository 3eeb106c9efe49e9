import { z } from 'zod'
import { method } from './define'

export const noInput = z.object({}).strict()

export const environmentSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['local', 'sandbox', 'production', 'custom']),
  baseUrl: z.string()
})

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  host: z.enum(['electron', 'browser']),
  environments: z.array(environmentSummarySchema),
  selectedEnvironment: z.string()
})
export type AppInfo = z.infer<typeof appInfoSchema>

/** Set when the journal could not be opened because it is damaged: the app then offers to move it aside. */
export const journalProblemSchema = z.object({
  /** The file, as a person would look for it. */
  file: z.string(),
  message: z.string()
})
export type JournalProblem = z.infer<typeof journalProblemSchema>

export const appMethods = {
  'app.info': method(noInput, appInfoSchema),
  'app.ping': method(
    z.object({ message: z.string().max(200).optional() }).strict(),
    z.object({ pong: z.literal(true), echo: z.string().optional(), at: z.string() })
  ),
  /** Null when the journal opened; otherwise every method but these three is refused until it is set aside. */
  'app.journalProblem': method(noInput, journalProblemSchema.nullable()),
  /**
   * Renames the damaged journal to `journal.sqlite.corrupt-<time>` (never deletes it) and starts the app with a
   * new, empty one. Refused when the journal is fine.
   */
  'app.setAsideJournal': method(noInput, z.object({ movedTo: z.string() }))
}

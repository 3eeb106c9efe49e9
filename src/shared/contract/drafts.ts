import { z } from 'zod'
import { noInput } from './app'
import { method } from './define'

/** A draft is what one person typed into one form: 2 MB holds hundreds of items and stops a runaway write. */
export const DRAFT_MAX_BYTES = 2 * 1024 * 1024

const utf8 = new TextEncoder()

/** The draft is opaque to main: the workbench alone knows its layout, and checks it when it reads it back. */
export const draftTextSchema = z
  .string()
  // Cheap first: a string can never be shorter in UTF-8 bytes than in UTF-16 units.
  .max(DRAFT_MAX_BYTES, { error: 'The draft is larger than 2 MB and was not saved.', abort: true })
  .refine(
    (text) => utf8.encode(text).length <= DRAFT_MAX_BYTES,
    'The draft is larger than 2 MB and was not saved.'
  )

export const savedDraftSchema = z.object({
  draft: z.string().nullable(),
  /** ISO-8601; null when there is no draft. */
  savedAt: z.string().nullable()
})
export type SavedDraft = z.infer<typeof savedDraftSchema>

export const draftsMethods = {
  /** The order workbench's unsent form, as last saved. */
  'drafts.get': method(noInput, savedDraftSchema),
  'drafts.save': method(z.object({ draft: draftTextSchema }).strict(), z.object({ savedAt: z.string() })),
  'drafts.clear': method(noInput, z.object({ cleared: z.literal(true) }))
}

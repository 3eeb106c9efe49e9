import { z } from 'zod'
import { orderFormSchema, type OrderForm } from './form-state'

/** "Correct and resend": the journaled operation the new submission replaces, and where it was sent. */
const correctionSchema = z.object({
  environmentId: z.string().min(1),
  supersedes: z.number().int().positive(),
  orderNumber: z.string()
})
export type Correction = z.infer<typeof correctionSchema>

const draftSchema = z.object({
  version: z.literal(1),
  form: orderFormSchema,
  correcting: correctionSchema.nullable()
})

export interface WorkbenchDraft {
  form: OrderForm
  correcting: Correction | null
}

/** The workbench's draft as stored by main (`drafts.save`): opaque text to main, versioned JSON here. */
export function encodeDraft(draft: WorkbenchDraft): string {
  return JSON.stringify({ version: 1, form: draft.form, correcting: draft.correcting })
}

/** Null for text this version cannot use (another layout, a damaged file): the workbench then starts empty. */
export function decodeDraft(text: string): WorkbenchDraft | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = draftSchema.safeParse(json)
  return parsed.success ? { form: parsed.data.form, correcting: parsed.data.correcting } : null
}

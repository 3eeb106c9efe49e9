import { z } from 'zod'
import { AppError } from '../../../../shared/contract/errors'
import { firstMessageByPath } from '../../lib/forms/field-errors'

const issuesDetailsSchema = z.object({
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
})

export interface FormFailure {
  /** One message per form field the problem is about, by field name. */
  fields: Record<string, string>
  /** What to show above the buttons: null when every problem is already shown under its field. */
  message: string | null
}

/** Turns a failed call into messages for a form whose fields are `fieldNames` (contract input names). */
export function formFailure(error: unknown, fieldNames: readonly string[]): FormFailure {
  if (!(error instanceof AppError)) {
    return { fields: {}, message: error instanceof Error ? error.message : String(error) }
  }
  const details = issuesDetailsSchema.safeParse(error.details)
  const byPath = details.success ? firstMessageByPath(details.data.issues) : {}
  const fields = Object.fromEntries(Object.entries(byPath).filter(([path]) => fieldNames.includes(path)))
  const allPlaced =
    Object.keys(fields).length > 0 && Object.keys(byPath).length === Object.keys(fields).length
  return { fields, message: allPlaced ? null : error.message }
}

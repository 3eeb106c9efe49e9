import { z } from 'zod'
import { AppError } from '../../../../shared/contract/errors'
import type { Issue } from './fields'

const issuesDetailsSchema = z.object({
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
})
const confirmationDetailsSchema = z.object({ reason: z.enum(['production', 'missing_token']) })

export type ConfirmationReason = z.infer<typeof confirmationDetailsSchema>['reason']

/**
 * The problems main found in the order (`invalid_input` from `orders.submit`), with paths relative to the
 * order: main reports them under the method's `order` input. Null for any other failure.
 */
export function orderIssuesOf(error: unknown): Issue[] | null {
  if (!(error instanceof AppError) || error.code !== 'invalid_input') return null
  const details = issuesDetailsSchema.safeParse(error.details)
  if (!details.success) return null
  return details.data.issues.map((issue) => ({
    path: issue.path[0] === 'order' ? issue.path.slice(1) : issue.path,
    message: issue.message
  }))
}

/** What main wants confirmed before it sends (`confirmation_required`), or null. */
export function confirmationReasonOf(error: unknown): ConfirmationReason | null {
  if (!(error instanceof AppError) || error.code !== 'confirmation_required') return null
  const details = confirmationDetailsSchema.safeParse(error.details)
  return details.success ? details.data.reason : null
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

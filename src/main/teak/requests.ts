import { z } from 'zod'
import { assumptionFindings, findingText } from '../../shared/teak/assumption-checks'
import type { RuleLevels } from '../../shared/teak/assumptions'
import { costWireSchema, TEXT_MAX, type OrderRequest } from '../../shared/teak/order-request'
import type { FieldErrors } from './errors'
import { invalidRequest } from './failures'
import { addFieldError, fieldKey } from './field-errors'

/** Request bodies the client checks before sending, beyond the create-order body (order-request.ts). */

export interface TeakCredentials {
  publicKey: string
  secretKey: string
}

export const requiredText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(TEXT_MAX, `${label} has at most ${TEXT_MAX} characters.`)

/** One entry of an upgrade / downgrade / exchange (PATCH /api/v2/orders/:id/, contract-notes §5.2). */
export const changeItemSchema = z
  .object({
    name: requiredText('Item name'),
    old_reference_number: requiredText('Old reference number'),
    reference_number: requiredText('New reference number'),
    cost: costWireSchema
  })
  .strict()
export const changeItemsSchema = z.array(changeItemSchema).min(1, 'List at least one item to change.')

export type ChangeItem = z.input<typeof changeItemSchema>

/** The parsed value, or a `validation` TeakApiError (nothing sent) naming each bad field. */
export function checked<S extends z.ZodType>(
  schema: S,
  value: unknown,
  action: string,
  root?: string
): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const fieldErrors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const path = root === undefined ? issue.path : [root, ...issue.path]
    addFieldError(fieldErrors, path.length > 0 ? fieldKey(path) : 'body', issue.message)
  }
  throw invalidRequest(action, fieldErrors)
}

/**
 * The order, or a `validation` TeakApiError (nothing sent) naming each field a rule assumption set to `block`
 * finds fault with. Findings at `warn` are the workbench's and the import preview's to show; they never stop
 * a send here.
 */
export function refuseBlockedAssumptions(
  order: OrderRequest,
  levels: RuleLevels,
  action: string
): OrderRequest {
  const fieldErrors: FieldErrors = {}
  for (const finding of assumptionFindings(order, levels)) {
    if (finding.level === 'block') addFieldError(fieldErrors, fieldKey(finding.path), findingText(finding))
  }
  if (Object.keys(fieldErrors).length > 0) throw invalidRequest(action, fieldErrors)
  return order
}

/** "Public and secret key will never exceed 55 characters in length" (contract-notes §2.1). */
export const KEY_MAX_LENGTH = 55

/** The keys, or a `validation` TeakApiError (nothing sent) naming the missing or over-long one. */
export function checkedCredentials(given: TeakCredentials, action: string): TeakCredentials {
  const fieldErrors: FieldErrors = {}
  const fields = [
    ['publicKey', 'public key'],
    ['secretKey', 'secret key']
  ] as const
  for (const [field, label] of fields) {
    const value = given[field]
    if (value.trim().length === 0) {
      addFieldError(fieldErrors, field, `The ${label} is missing: copy it from the Teak dashboard.`)
    } else if (value.length > KEY_MAX_LENGTH) {
      addFieldError(
        fieldErrors,
        field,
        `The ${label} has ${value.length} characters; Teak keys have at most ${KEY_MAX_LENGTH}.`
      )
    }
  }
  if (Object.keys(fieldErrors).length > 0) throw invalidRequest(action, fieldErrors)
  return given
}

import { z } from 'zod'
import { costAmbiguity } from '../teak/cost'
import { costInputSchema, TEXT_MAX } from '../teak/order-request'
import { method } from './define'
import { operationErrorSchema } from './history'
import { policyRowSchema } from './orders'

const environmentId = z.string().min(1).max(100)
const requiredText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(TEXT_MAX, `${label} has at most ${TEXT_MAX} characters.`)

/** Production changes real policies: the person must have confirmed it (the page asks first). */
export const policyConfirmationsSchema = z.object({ production: z.boolean().default(false) }).strict()

/** Which order, and optionally the in-doubt operation this one sends again (linked in the timeline). */
const target = {
  environmentId,
  orderNumber: requiredText('Order number'),
  confirmations: policyConfirmationsSchema.default({ production: false }),
  supersedes: z.number().int().positive().optional()
}

/**
 * One entry of an upgrade, downgrade or exchange (PATCH orders/:id, contract-notes §5.2): the item whose
 * Issued policy is replaced, and the new item. The cost leaves in canonical dot-decimal form. A cost that
 * reads like thousands ("1,234", "1.234") is refused here: the exchange form has no place to show a warning
 * yet, so the `costLooksLikeThousands` assumption is applied as if set to block.
 */
export const exchangeItemInputSchema = z
  .object({
    old_reference_number: requiredText('Item to replace'),
    name: requiredText('New item name'),
    reference_number: requiredText('New reference number'),
    cost: z
      .string()
      .superRefine((raw, ctx) => {
        const ambiguity = costAmbiguity(raw)
        if (ambiguity) ctx.addIssue({ code: 'custom', message: ambiguity })
      })
      .pipe(costInputSchema)
  })
  .strict()
export type ExchangeItemInput = z.input<typeof exchangeItemInputSchema>

/**
 * - `succeeded`: Teak carried it out;
 * - `rejected`: Teak refused it (its reason is in `error`);
 * - `invalid`: our own check refused it, nothing was sent;
 * - `failed`: no answer and nothing done (refused connection, rate limit outlasting the retries);
 * - `in_doubt`: Teak may or may not have done it (timeout, cut connection, 5xx); History lists it to send again.
 */
export const POLICY_CHANGE_OUTCOMES = ['succeeded', 'rejected', 'invalid', 'failed', 'in_doubt'] as const
export const policyChangeOutcomeSchema = z.enum(POLICY_CHANGE_OUTCOMES)
export type PolicyChangeOutcome = z.infer<typeof policyChangeOutcomeSchema>

export const exchangeResultSchema = z.object({
  outcome: policyChangeOutcomeSchema,
  operationId: z.number().int(),
  /** The items Teak created: a PATCH answer holds only the new items and policies. */
  newItems: z.array(z.object({ name: z.string(), referenceNumber: z.string(), cost: z.string() })),
  newPolicies: z.array(policyRowSchema),
  error: operationErrorSchema.optional(),
  /** Teak answered 2xx, but not as its docs show: what was not understood (the raw answer is in History). */
  note: z.string().optional()
})
export type ExchangeResult = z.infer<typeof exchangeResultSchema>

export const policyStatusResultSchema = z.object({
  outcome: policyChangeOutcomeSchema,
  operationId: z.number().int(),
  /** The policy's status as Teak returned it; only when Teak carried the change out. */
  status: z.string().optional(),
  /** When Teak voided or canceled it (`void_date` / `cancel_date`), if Teak said. */
  date: z.string().optional(),
  error: operationErrorSchema.optional(),
  /** Teak answered 2xx, but not as its docs show: what was not understood (the raw answer is in History). */
  note: z.string().optional()
})
export type PolicyStatusResult = z.infer<typeof policyStatusResultSchema>

const policyChangeInput = z.object({ ...target, policyNumber: requiredText('Policy number') }).strict()
export type PolicyChangeInput = z.output<typeof policyChangeInput>

const exchangeInput = z
  .object({
    ...target,
    items: z.array(exchangeItemInputSchema).min(1, 'Choose at least one item to replace.').max(500)
  })
  .strict()
export type ExchangeInput = z.output<typeof exchangeInput>

export const policiesMethods = {
  /** Upgrade, downgrade or exchange Issued policies by replacing their items; Teak decides which by cost. */
  'policies.exchange': method(exchangeInput, exchangeResultSchema),
  /** Void: the customer is refunded the protection cost; Teak may refuse outside the look period. */
  'policies.void': method(policyChangeInput, policyStatusResultSchema),
  /** Cancel: no refund from Teak; the customer can no longer void or request a refund. */
  'policies.cancel': method(policyChangeInput, policyStatusResultSchema)
}

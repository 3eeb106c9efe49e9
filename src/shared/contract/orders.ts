import { z } from 'zod'
import { orderInputSchema } from '../teak/order-request'
import { decodedQuoteAnswerSchema } from '../teak/responses'
import { method } from './define'
import { operationErrorSchema } from './history'

const environmentId = z.string().min(1).max(100)

/** What the person agreed to before sending: Teak's missing-token rule, and production. */
export const confirmationsSchema = z
  .object({
    /** "No quote token: Teak treats the order as an opt-in" was acknowledged. */
    missingToken: z.boolean().default(false),
    /** Sending to the production environment was confirmed. */
    production: z.boolean().default(false)
  })
  .strict()

/** One row of the policies table the workbench shows after an opt-in. */
export const policyRowSchema = z.object({
  policyNumber: z.string(),
  itemName: z.string().optional(),
  itemReference: z.string(),
  cost: z.string().optional(),
  premium: z.string(),
  coverageAmount: z.string(),
  currency: z.string(),
  status: z.string()
})
export type PolicyRow = z.infer<typeof policyRowSchema>

export const SUBMIT_OUTCOMES = [
  'created',
  'opted_out',
  'already_submitted',
  'invalid',
  'rejected',
  'failed',
  'in_doubt'
] as const

export const submitResultSchema = z.object({
  operationId: z.number().int(),
  environmentId: z.string(),
  orderNumber: z.string(),
  outcome: z.enum(SUBMIT_OUTCOMES),
  teakOrderId: z.string().optional(),
  policies: z.array(policyRowSchema).default([]),
  error: operationErrorSchema.optional(),
  /**
   * Set when Teak answered 2xx (so the order is at Teak) but the answer lacked something we expected, e.g.
   * "Teak's answer was not fully understood (policies[0].premium is missing)". The raw answer is in History.
   */
  note: z.string().optional(),
  /**
   * The earlier confirmed send of the same order number from this computer, when Teak's answer was
   * "already exists" (or the order was already at Teak): its time and the policies Teak returned then.
   */
  earlierSend: z
    .object({ operationId: z.number().int(), sentAt: z.string(), outcome: z.enum(SUBMIT_OUTCOMES) })
    .optional()
})
export type SubmitResult = z.infer<typeof submitResultSchema>

export const ordersMethods = {
  /** Validates (same schemas as the CSV import), journals, sends, journals the answer. */
  'orders.submit': method(
    z
      .object({
        environmentId,
        order: orderInputSchema,
        confirmations: confirmationsSchema.default({ missingToken: false, production: false }),
        /** "Correct and resend": the earlier operation this submission replaces. */
        supersedes: z.number().int().positive().optional()
      })
      .strict(),
    submitResultSchema
  ),
  /** Sends an in-doubt order again, exactly as journaled; a duplicate answer means Teak already has it. */
  'orders.resolveInDoubt': method(
    z
      .object({ operationId: z.number().int().positive(), confirmations: confirmationsSchema.optional() })
      .strict(),
    submitResultSchema
  ),
  /**
   * What the journal holds for this order number in this environment, before a send: a confirmed earlier
   * send (created, opted out or already at Teak) with its time, or an attempt still in doubt; null if never sent.
   */
  'orders.priorSend': method(
    z.object({ environmentId, orderNumber: z.string().trim().min(1).max(255) }).strict(),
    z.object({
      prior: z
        .object({
          outcome: z.enum(SUBMIT_OUTCOMES),
          operationId: z.number().int(),
          sentAt: z.string(),
          policies: z.array(policyRowSchema)
        })
        .nullable()
    })
  ),
  'orders.decodeQuote': method(
    z.object({ environmentId, token: z.string().trim().min(1).max(20_000) }).strict(),
    /** The quote as far as it could be read; `note` says what was not understood. */
    z.object({ quote: decodedQuoteAnswerSchema, note: z.string().optional() })
  ),
  /** Local sandbox only: mints a quote token as Teak's checkout widget would, so the whole flow can be tried. */
  'orders.generateQuoteToken': method(
    z
      .object({
        optIn: z.boolean(),
        currency: z.string().max(3).optional(),
        items: z
          .array(z.object({ reference_number: z.string().max(255), cost: z.string().max(12) }).strict())
          .max(500)
          .default([])
      })
      .strict(),
    z.object({ token: z.string() })
  )
}

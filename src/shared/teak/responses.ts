import { z } from 'zod'

/**
 * Teak's response bodies (contract-notes §2–§5), twice over:
 * - the documented shapes (`…ResponseSchema`), as the examples show them: an answer that fits is fully
 *   understood;
 * - the liberal readings (`…AnswerSchema`) used for every 2xx: Teak documents its responses by example only,
 *   and a 2xx means Teak did it, so a missing or odd field never makes a success look failed. Each field is
 *   taken where present and valid and left out otherwise; a list keeps the elements it can use (a policy
 *   needs its number, an item its reference number, to be shown at all).
 * Both keep every field they do not name (loose objects).
 */

/** Money as Teak writes it: a decimal string ("500.00"). A minus sign is tolerated for refunds/downgrades. */
export const moneySchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'Expected an amount such as "21.25".')

/** Timestamps are ISO-8601 with microseconds and `Z` in every example ("2024-03-14T23:08:11.955044Z"). */
export const timestampSchema = z.iso.datetime({ offset: true })

/** Teak echoes event times as `hh:mm:ss` (requests use `hh:mm`); unset dates and times come back as null. */
export const echoedTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/, 'Expected hh:mm:ss.')
export const echoedDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD.')

export const authTokenResponseSchema = z.looseObject({ token: z.string().min(1) })

export const echoedEventSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().nullish(),
  start_date: echoedDateSchema.nullish(),
  start_time: echoedTimeSchema.nullish(),
  end_date: echoedDateSchema.nullish(),
  end_time: echoedTimeSchema.nullish(),
  location: z.string().nullish()
})

export const echoedCustomerSchema = z.looseObject({
  id: z.string().optional(),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish()
})

export const orderItemResponseSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  reference_number: z.string(),
  cost: moneySchema,
  event: echoedEventSchema.nullish(),
  event_id: z.string().nullish()
})

export const policyResponseSchema = z.looseObject({
  policy_number: z.string().min(1),
  policy_number_new: z.string().min(1),
  currency: z.string(),
  premium: moneySchema,
  coverage_amount: moneySchema,
  /** Absent from the only documented example (§5.2); "Issued", "Voided", … where present. */
  status: z.string().optional(),
  item: z.looseObject({
    id: z.string().optional(),
    name: z.string().optional(),
    reference_number: z.string(),
    cost: moneySchema.optional()
  })
})

/** The order representation (§5.2); assumed to be the opt-in create response too (§4.7, undocumented). */
export const orderResponseSchema = z.looseObject({
  created: timestampSchema,
  updated: timestampSchema,
  order_number: z.string(),
  subtotal: moneySchema,
  currency: z.string(),
  protecht_order_id: z.string().min(1),
  items: z.array(orderItemResponseSchema),
  customer: echoedCustomerSchema.nullable(),
  client: z.string(),
  policies: z.array(policyResponseSchema)
})

export const decodedQuoteSchema = z.looseObject({
  reference_number: z.string(),
  currency: z.string(),
  items: z.array(
    z.looseObject({
      cost: moneySchema,
      premium: moneySchema,
      reference_number: z.string(),
      event: echoedEventSchema.nullish()
    })
  ),
  subtotal: moneySchema
})

export const voidResultSchema = z.looseObject({ status: z.string().min(1), void_date: timestampSchema })

/** Only `status` is known: the documented example is cut off after `{"status": "Ca` (§5.4). */
export const cancelResultSchema = z.looseObject({ status: z.string().min(1) })

/** A field taken when present and valid, absent otherwise. */
const maybe = <S extends z.ZodType>(schema: S) => schema.optional().catch(undefined)

/** The elements of a list that fit `schema`; a non-list reads as empty. */
function eachThatFits<S extends z.ZodType>(schema: S) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((list) =>
      list.flatMap((element) => {
        const parsed = schema.safeParse(element)
        return parsed.success ? [parsed.data as z.output<S>] : []
      })
    )
}

export const orderItemAnswerSchema = z.looseObject({
  id: maybe(z.string()),
  name: maybe(z.string()),
  reference_number: z.string(),
  cost: maybe(moneySchema),
  event: maybe(echoedEventSchema.nullable()),
  event_id: maybe(z.string().nullable())
})

export const policyAnswerSchema = z.looseObject({
  policy_number: z.string().min(1),
  policy_number_new: maybe(z.string().min(1)),
  currency: maybe(z.string()),
  premium: maybe(moneySchema),
  coverage_amount: maybe(moneySchema),
  status: maybe(z.string()),
  item: maybe(
    z.looseObject({
      id: maybe(z.string()),
      name: maybe(z.string()),
      reference_number: maybe(z.string()),
      cost: maybe(moneySchema)
    })
  )
})

export const orderAnswerSchema = z.looseObject({
  created: maybe(z.string()),
  updated: maybe(z.string()),
  order_number: maybe(z.string()),
  subtotal: maybe(moneySchema),
  currency: maybe(z.string()),
  protecht_order_id: maybe(z.string().min(1)),
  items: eachThatFits(orderItemAnswerSchema),
  customer: maybe(echoedCustomerSchema.nullable()),
  client: maybe(z.string()),
  policies: eachThatFits(policyAnswerSchema)
})

export const decodedQuoteAnswerSchema = z.looseObject({
  reference_number: maybe(z.string()),
  currency: maybe(z.string()),
  items: eachThatFits(
    z.looseObject({
      cost: maybe(moneySchema),
      premium: maybe(moneySchema),
      reference_number: maybe(z.string()),
      event: maybe(echoedEventSchema.nullable())
    })
  ),
  subtotal: maybe(moneySchema)
})

export const voidAnswerSchema = z.looseObject({
  status: maybe(z.string().min(1)),
  void_date: maybe(z.string())
})
export const cancelAnswerSchema = z.looseObject({ status: maybe(z.string().min(1)) })

export type AuthTokenResponse = z.output<typeof authTokenResponseSchema>
export type EchoedEvent = z.output<typeof echoedEventSchema>
/** The documented shapes (what the sandbox sends, and what an answer fully understood looks like). */
export type TeakOrderItem = z.output<typeof orderItemResponseSchema>
export type TeakPolicy = z.output<typeof policyResponseSchema>
export type TeakOrder = z.output<typeof orderResponseSchema>
export type DecodedQuote = z.output<typeof decodedQuoteSchema>
export type VoidResult = z.output<typeof voidResultSchema>
export type CancelResult = z.output<typeof cancelResultSchema>

/** The liberal readings: what the app works with after a 2xx. */
export type TeakPolicyAnswer = z.output<typeof policyAnswerSchema>
export type TeakOrderAnswer = z.output<typeof orderAnswerSchema>
export type DecodedQuoteAnswer = z.output<typeof decodedQuoteAnswerSchema>
export type VoidAnswer = z.output<typeof voidAnswerSchema>
export type CancelAnswer = z.output<typeof cancelAnswerSchema>

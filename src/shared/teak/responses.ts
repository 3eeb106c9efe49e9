import { z } from 'zod'

/**
 * Teak's response bodies (contract-notes §2–§5). Each schema checks only the fields our code relies on and
 * keeps every other field (loose objects): Teak documents its responses by example only, so an extra or new
 * field must never make a successful call look failed.
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

export type AuthTokenResponse = z.output<typeof authTokenResponseSchema>
export type EchoedEvent = z.output<typeof echoedEventSchema>
export type TeakOrderItem = z.output<typeof orderItemResponseSchema>
export type TeakPolicy = z.output<typeof policyResponseSchema>
export type TeakOrder = z.output<typeof orderResponseSchema>
export type DecodedQuote = z.output<typeof decodedQuoteSchema>
export type VoidResult = z.output<typeof voidResultSchema>
export type CancelResult = z.output<typeof cancelResultSchema>

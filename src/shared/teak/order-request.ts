import { z } from 'zod'
import { checkCost, COST_MAX_LENGTH } from './cost'
import { CURRENCY_CODES } from './currencies'

/**
 * Teak's create-order request (contract-notes §4), held to what the docs state: sizes, required fields, the
 * cost format, dates and times, the currency list. Rules the docs do not state are assumptions
 * (assumptions.ts, assumption-checks.ts), judged at each environment's level. Two variants share one shape:
 * - `orderInputSchema` holds what a person or a CSV row typed and outputs the wire body with costs in
 *   canonical dot-decimal form;
 * - `orderRequestSchema` is the wire body itself, which the Teak client checks before sending.
 */
export const TEXT_MAX = 255

const text = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(TEXT_MAX, `${label} has at most ${TEXT_MAX} characters.`)
const optionalText = (label: string) =>
  z.string().trim().max(TEXT_MAX, `${label} has at most ${TEXT_MAX} characters.`).optional()

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** A real date written YYYY-MM-DD (checked arithmetically: this runs for every date of a 100k-row import). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1])
}
export const dateSchema = z
  .string()
  .refine(isCalendarDate, 'Use a real date written YYYY-MM-DD (UTC), for example 2027-12-24.')
export const timeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time written hh:mm (UTC), for example 18:30.')

export const eventSchema = z
  .object({
    name: optionalText('Event name'),
    start_date: dateSchema.optional(),
    start_time: timeSchema.optional(),
    end_date: dateSchema.optional(),
    end_time: timeSchema.optional(),
    location: optionalText('Event location')
  })
  .strict()
  .superRefine((event, ctx) => {
    // "Start date or end date is required." (ODET). How times relate to dates is not documented: see the
    // `timeNeedsDate` and `eventEndsAfterStart` assumptions.
    if (!event.start_date && !event.end_date) {
      ctx.addIssue({
        code: 'custom',
        path: ['start_date'],
        message: 'An event needs a start date or an end date.'
      })
    }
  })

/**
 * Teak documents the customer's field names only (contract-notes §4.5, unknown #12): which are required, their
 * sizes and formats are assumptions (assumptions.ts), checked by `assumptionFindings`, not here.
 */
const contactText = z.string().trim().optional()

export const customerSchema = z
  .object({
    first_name: contactText,
    last_name: contactText,
    email: contactText,
    phone: contactText
  })
  .strict()

/** Field names only, as for the customer. A two-letter country is upper-cased ("us" → "US"). */
export const billingAddressSchema = z
  .object({
    address1: contactText,
    address2: contactText,
    city: contactText,
    state: contactText,
    zip_code: contactText,
    country: contactText.transform((c) => (c !== undefined && /^[A-Za-z]{2}$/.test(c) ? c.toUpperCase() : c))
  })
  .strict()

/** PAY: `{"type": "invoice"}`; Invoice is "currently the default", so other types pass (`paymentTypeInvoice`). */
export const paymentSchema = z
  .object({ type: z.string().trim().min(1, 'Payment type is required.') })
  .strict()

export const currencySchema = z.enum(CURRENCY_CODES, {
  error: () => `Choose one of Teak's ${CURRENCY_CODES.length} currencies (${CURRENCY_CODES.join(', ')}).`
})

/**
 * Cost as typed by a person: Teak's rule, output in dot-decimal form ("123,99" → "123.99"). A cost that
 * reads like thousands ("1,234") passes as Teak reads it; the `costLooksLikeThousands` assumption judges it.
 */
export const costInputSchema = z.string().transform((raw, ctx) => {
  const check = checkCost(raw.trim())
  if (check.ok) return check.canonical
  ctx.addIssue({ code: 'custom', message: check.message, params: { costProblem: check.reason } })
  return z.NEVER
})

/** Cost on the wire: canonical dot-decimal only. */
export const costWireSchema = z
  .string()
  .max(COST_MAX_LENGTH, `A cost has at most ${COST_MAX_LENGTH} characters.`)
  .regex(/^\d+(\.\d+)?$/, 'A cost on the wire is digits with an optional "." decimal part.')

function makeOrderSchema<C extends z.ZodType<string, string>>(cost: C) {
  const item = z
    .object({
      // Teak's Adding Items guide gives their size, not that they are required (`itemName`, `itemReference`).
      name: optionalText('Item name'),
      reference_number: optionalText('Reference number'),
      cost,
      event: eventSchema.optional()
    })
    .strict()
  return z
    .object({
      token: z
        .string()
        .trim()
        .min(1, 'The quote token is empty: paste the token from the widget, or leave the field out.')
        .optional(),
      order_number: text('Order number'),
      currency: currencySchema,
      event: eventSchema.optional(),
      items: z.array(item).min(1, 'An order needs at least one item.'),
      customer: customerSchema.optional(),
      billing_address: billingAddressSchema.optional(),
      payment: paymentSchema.optional()
    })
    .strict()
}

export const orderInputSchema = makeOrderSchema(costInputSchema)
export const orderRequestSchema = makeOrderSchema(costWireSchema)

export type OrderInput = z.input<typeof orderInputSchema>
export type OrderRequest = z.output<typeof orderRequestSchema>
export type OrderItem = OrderRequest['items'][number]
export type TeakEvent = z.output<typeof eventSchema>

export interface RequirementIssue {
  path: (string | number)[]
  message: string
}

/**
 * Teak's certification (Submitting Orders) requires an event for each item, the customer and the billing
 * address on opt-in orders; the OPTOUT field table marks them optional, so they are checked only for opt-ins.
 */
export function optInRequirementIssues(order: OrderRequest): RequirementIssue[] {
  const issues: RequirementIssue[] = []
  if (!order.event) {
    order.items.forEach((item, index) => {
      if (!item.event) {
        issues.push({
          path: ['items', index, 'event'],
          message: "Opt-in orders need an event for every item: set the order event or this item's own event."
        })
      }
    })
  }
  if (!order.customer) issues.push({ path: ['customer'], message: 'Opt-in orders need the customer.' })
  if (!order.billing_address) {
    issues.push({ path: ['billing_address'], message: 'Opt-in orders need the billing address.' })
  }
  return issues
}

/** The event that applies to an item: its own if set, else the order's (Adding Items guide). */
export function effectiveEvent(order: Pick<OrderRequest, 'event'>, item: Pick<OrderItem, 'event'>) {
  return item.event ?? order.event
}

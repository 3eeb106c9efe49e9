import { z } from 'zod'

/**
 * The order workbench's form: every field exactly as typed (strings, blanks included), named like the wire
 * fields so a schema issue's path (`items.0.cost`) names its input directly. The schema doubles as the check
 * applied to a draft read back from disk.
 */
const eventFieldsSchema = z.object({
  name: z.string(),
  start_date: z.string(),
  start_time: z.string(),
  end_date: z.string(),
  end_time: z.string(),
  location: z.string()
})

const itemFieldsSchema = z.object({
  /** Stable identity while items are added, removed and duplicated; never sent. */
  key: z.string().min(1),
  name: z.string(),
  reference_number: z.string(),
  cost: z.string(),
  /** Off: the item inherits the order event and is sent without one of its own. */
  ownEvent: z.boolean(),
  event: eventFieldsSchema
})

export const PAYMENT_CHOICES = ['invoice', 'none'] as const

export const orderFormSchema = z.object({
  token: z.string(),
  order_number: z.string(),
  currency: z.string(),
  event: eventFieldsSchema,
  items: z.array(itemFieldsSchema).min(1),
  customer: z.object({ first_name: z.string(), last_name: z.string(), email: z.string(), phone: z.string() }),
  billing_address: z.object({
    address1: z.string(),
    address2: z.string(),
    city: z.string(),
    state: z.string(),
    zip_code: z.string(),
    country: z.string()
  }),
  /** "invoice", Teak's default payment type and the only one it names (contract-notes §4.5); "none" leaves `payment` out. */
  payment: z.enum(PAYMENT_CHOICES)
})

export type EventFields = z.infer<typeof eventFieldsSchema>
export type ItemFields = z.infer<typeof itemFieldsSchema>
export type OrderForm = z.infer<typeof orderFormSchema>
export type CustomerFields = OrderForm['customer']
export type BillingAddressFields = OrderForm['billing_address']

export function emptyEvent(): EventFields {
  return { name: '', start_date: '', start_time: '', end_date: '', end_time: '', location: '' }
}

export function newItemKey(): string {
  return crypto.randomUUID()
}

export function emptyItem(): ItemFields {
  return { key: newItemKey(), name: '', reference_number: '', cost: '', ownEvent: false, event: emptyEvent() }
}

export function emptyOrderForm(): OrderForm {
  return {
    token: '',
    order_number: '',
    currency: '',
    event: emptyEvent(),
    items: [emptyItem()],
    customer: { first_name: '', last_name: '', email: '', phone: '' },
    billing_address: { address1: '', address2: '', city: '', state: '', zip_code: '', country: '' },
    payment: 'invoice'
  }
}

/**
 * The next order for the same customer at the same event: who they are, where they are billed, how they pay,
 * the event and the currency stay; what identifies the order (its number, items and quote token) starts
 * empty.
 */
export function nextOrderForSameCustomer(form: OrderForm): OrderForm {
  return {
    ...emptyOrderForm(),
    currency: form.currency,
    event: { ...form.event },
    customer: { ...form.customer },
    billing_address: { ...form.billing_address },
    payment: form.payment
  }
}

/** Nothing typed yet: clearing the form loses nothing, so it needs no question. */
export function isBlankForm(form: OrderForm): boolean {
  const withoutKeys = (f: OrderForm) =>
    JSON.stringify({ ...f, items: f.items.map(({ key: _, ...rest }) => rest) })
  return withoutKeys(form) === withoutKeys(emptyOrderForm())
}

/** Whether any customer or billing field holds something: an opt-out shows them open then, else folded. */
export function hasCustomerOrBilling(form: Pick<OrderForm, 'customer' | 'billing_address'>): boolean {
  return [...Object.values(form.customer), ...Object.values(form.billing_address)].some(
    (v) => v.trim() !== ''
  )
}

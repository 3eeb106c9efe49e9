import type { z } from 'zod'
import { billingAddressSchema, customerSchema, type OrderInput } from '../../../../shared/teak/order-request'
import type { EventFields, ItemFields, OrderForm } from './form-state'

type Fields = Record<string, string>

/** The fields a group's schema cannot do without, read from the schema so the two never disagree. */
function requiredFieldsOf(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name)
}
const CUSTOMER_REQUIRED = requiredFieldsOf(customerSchema)
const BILLING_REQUIRED = requiredFieldsOf(billingAddressSchema)

/**
 * A group of fields as sent: undefined when every field is blank (the group is left out); otherwise the
 * filled fields, trimmed, plus the blank required ones as '' so the schema names each missing one.
 */
function group<T extends Fields>(fields: T, required: readonly string[] = []): Partial<T> | undefined {
  const trimmed = Object.entries(fields).map(([name, value]) => [name, value.trim()] as const)
  if (trimmed.every(([, value]) => value === '')) return undefined
  return Object.fromEntries(
    trimmed.filter(([name, value]) => value !== '' || required.includes(name))
  ) as Partial<T>
}

function itemInput(item: ItemFields): OrderInput['items'][number] {
  return {
    name: item.name.trim(),
    reference_number: item.reference_number.trim(),
    cost: item.cost.trim(),
    // A switched-on but empty own event is sent as `{}` so the schema says what it lacks, at the item.
    ...(item.ownEvent ? { event: group(item.event) ?? {} } : {})
  }
}

function eventInput(event: EventFields): OrderInput['event'] {
  return group(event)
}

/**
 * What the person typed, as the input `orderInputSchema` checks: blank optional fields and all-blank groups
 * (event, customer, billing address) are absent rather than empty strings, and an item without "own event"
 * has none. The types are asserted, not proven: a half-filled customer or an unknown currency passes through
 * as typed, because reporting exactly those is the schema's job.
 */
export function toOrderInput(form: OrderForm): OrderInput {
  const token = form.token.trim()
  const event = eventInput(form.event)
  const customer = group(form.customer, CUSTOMER_REQUIRED)
  const billing = group(form.billing_address, BILLING_REQUIRED)
  return {
    ...(token ? { token } : {}),
    order_number: form.order_number.trim(),
    currency: form.currency.trim().toUpperCase() as OrderInput['currency'],
    ...(event ? { event } : {}),
    items: form.items.map(itemInput),
    ...(customer ? { customer: customer as OrderInput['customer'] } : {}),
    ...(billing ? { billing_address: billing as OrderInput['billing_address'] } : {}),
    ...(form.payment === 'invoice' ? { payment: { type: 'invoice' } } : {})
  }
}

import type { OrderInput } from '../../../../shared/teak/order-request'
import type { EventFields, ItemFields, OrderForm } from './form-state'

type Fields = Record<string, string>

/**
 * A group of fields as sent: undefined when every field is blank (the group is left out); otherwise the
 * filled fields, trimmed. Which of its fields a group needs is for the rule assumptions to say.
 */
function group<T extends Fields>(fields: T): Partial<T> | undefined {
  const trimmed = Object.entries(fields).map(([name, value]) => [name, value.trim()] as const)
  if (trimmed.every(([, value]) => value === '')) return undefined
  return Object.fromEntries(trimmed.filter(([, value]) => value !== '')) as Partial<T>
}

function itemInput(item: ItemFields): OrderInput['items'][number] {
  const [name, reference] = [item.name.trim(), item.reference_number.trim()]
  return {
    ...(name ? { name } : {}),
    ...(reference ? { reference_number: reference } : {}),
    cost: item.cost.trim(),
    // A switched-on but empty own event is sent as `{}` so the schema says what it lacks, at the item.
    ...(item.ownEvent ? { event: group(item.event) ?? {} } : {})
  }
}

function eventInput(event: EventFields): OrderInput['event'] {
  return group(event)
}

/**
 * What the person typed, as the input `orderInputSchema` checks: blank fields and all-blank groups (event,
 * customer, billing address) are absent rather than empty strings, and an item without "own event" has none.
 * The types are asserted, not proven: an unknown currency passes through as typed, because reporting exactly
 * that is the schema's job.
 */
export function toOrderInput(form: OrderForm): OrderInput {
  const token = form.token.trim()
  const event = eventInput(form.event)
  const customer = group(form.customer)
  const billing = group(form.billing_address)
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

import { emptyEvent, emptyOrderForm, newItemKey, type EventFields, type OrderForm } from './form-state'

type Fields = Record<string, unknown>

function fieldsOf(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {}
}

/** A journaled value as the text a person would have typed; anything else as blank. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

/** Each field of `empty` filled from `source` where it has one. */
function filledFrom<T extends Record<string, string>>(empty: T, source: unknown): T {
  const fields = fieldsOf(source)
  return Object.fromEntries(Object.keys(empty).map((name) => [name, text(fields[name])])) as T
}

const eventFields = (event: unknown): EventFields => filledFrom(emptyEvent(), event)

/**
 * A sent request back into the form ("Correct and resend"). The request is what was journaled and may break
 * the rules (that is why it is being corrected), so it is read field by field, never trusted to be well
 * formed. For a valid request, `toOrderInput` of the result is the request again; an item's own event stays
 * its own even where it equals the order event, so a resend changes only what the person changes.
 */
export function formFromRequest(request: unknown): OrderForm {
  const empty = emptyOrderForm()
  const order = fieldsOf(request)
  const items = Array.isArray(order.items) && order.items.length > 0 ? order.items.map(fieldsOf) : []
  return {
    token: text(order.token),
    order_number: text(order.order_number),
    currency: text(order.currency),
    event: eventFields(order.event),
    items:
      items.length === 0
        ? empty.items
        : items.map((item) => ({
            key: newItemKey(),
            name: text(item.name),
            reference_number: text(item.reference_number),
            cost: text(item.cost),
            ownEvent: item.event !== undefined && item.event !== null,
            event: eventFields(item.event)
          })),
    customer: filledFrom(empty.customer, order.customer),
    billing_address: filledFrom(empty.billing_address, order.billing_address),
    payment: fieldsOf(order.payment).type === 'invoice' ? 'invoice' : 'none'
  }
}

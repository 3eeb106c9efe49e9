/**
 * What the journal indexes from the request bodies it stores. Requests are read leniently, field by field,
 * because invalid ones (refused before sending) are journaled too and still deserve a findable history entry.
 */
export interface ItemFacts {
  referenceNumber: string
  name: string | null
  cost: string | null
}

export interface OrderFacts {
  currency: string | null
  customerName: string | null
  customerEmail: string | null
  items: ItemFacts[]
}

/** One entry of an exchange (PATCH orders/:id, contract-notes §5.2): the new item replacing an old one. */
export interface ItemExchange {
  oldReferenceNumber: string
  item: ItemFacts
}

/** Facts of a create-order body (contract-notes §4). */
export function orderFactsOf(request: unknown): OrderFacts {
  const customer = field(request, 'customer')
  const name = [textOf(customer, 'first_name'), textOf(customer, 'last_name')].filter(Boolean).join(' ')
  return {
    currency: textOf(request, 'currency'),
    customerName: name || null,
    customerEmail: textOf(customer, 'email'),
    items: entriesOf(request).flatMap((entry) => {
      const item = itemFactsOf(entry)
      return item ? [item] : []
    })
  }
}

/** Entries of an exchange body that name both the old and the new item. */
export function exchangesOf(request: unknown): ItemExchange[] {
  return entriesOf(request).flatMap((entry) => {
    const oldReferenceNumber = textOf(entry, 'old_reference_number')
    const item = itemFactsOf(entry)
    return oldReferenceNumber && item ? [{ oldReferenceNumber, item }] : []
  })
}

function itemFactsOf(entry: unknown): ItemFacts | null {
  const referenceNumber = textOf(entry, 'reference_number')
  return referenceNumber
    ? { referenceNumber, name: textOf(entry, 'name'), cost: textOf(entry, 'cost') }
    : null
}

function entriesOf(request: unknown): unknown[] {
  const items = field(request, 'items')
  return Array.isArray(items) ? items : []
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

function textOf(value: unknown, key: string): string | null {
  const text = field(value, key)
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null
}

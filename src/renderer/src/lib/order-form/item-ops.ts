import { emptyItem, newItemKey, type EventFields, type ItemFields } from './form-state'

/** Item list edits for the form. Each returns a new list; the form keeps at least one item. */

export function withItemAdded(items: readonly ItemFields[]): ItemFields[] {
  return [...items, emptyItem()]
}

export function withItemRemoved(items: readonly ItemFields[], index: number): ItemFields[] {
  if (items.length <= 1) return [...items]
  return items.filter((_, i) => i !== index)
}

/**
 * A copy placed right after the original (a second ticket at the same price and event). The reference
 * number is left blank: it identifies one item, and each item gets its own policy.
 */
export function withItemDuplicated(items: readonly ItemFields[], index: number): ItemFields[] {
  const original = items[index]
  const copy: ItemFields = {
    ...original,
    key: newItemKey(),
    reference_number: '',
    event: { ...original.event }
  }
  return [...items.slice(0, index + 1), copy, ...items.slice(index + 1)]
}

const isBlankEvent = (event: EventFields) => Object.values(event).every((value) => value.trim() === '')

/**
 * An item's own event, switched on, starts from a copy of the order event (most items differ in one field,
 * a later start or another room); whatever the item's event already holds is kept.
 */
export function withOwnEventSwitched(item: ItemFields, on: boolean, orderEvent: EventFields): ItemFields {
  const event = on && isBlankEvent(item.event) ? { ...orderEvent } : item.event
  return { ...item, ownEvent: on, event }
}

/** The "Copy order event" action: the item's own event becomes the order event, field for field. */
export function withOrderEventCopied(item: ItemFields, orderEvent: EventFields): ItemFields {
  return { ...item, ownEvent: true, event: { ...orderEvent } }
}

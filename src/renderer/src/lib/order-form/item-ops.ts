import { emptyItem, newItemKey, type ItemFields } from './form-state'

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

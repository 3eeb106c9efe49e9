import { fieldId, pathKey } from '../forms/field-errors'
import type { EventFields, OrderForm } from './form-state'

/**
 * Every input of the order form has a key, its data path (`items.0.cost`), from which its DOM id and its
 * label are derived. Labels are unique on the page ("Item 2 cost"), so a person, a screen reader and a test
 * all find a field by the same name.
 */

const EVENT_FIELDS = ['name', 'start_date', 'start_time', 'end_date', 'end_time', 'location'] as const
const EVENT_LABELS: Record<keyof EventFields, string> = {
  name: 'name',
  start_date: 'start date (UTC)',
  start_time: 'start time (UTC)',
  end_date: 'end date (UTC)',
  end_time: 'end time (UTC)',
  location: 'location'
}
const ITEM_LABELS: Record<string, string> = {
  name: 'name',
  reference_number: 'reference number',
  cost: 'cost'
}
const CUSTOMER_LABELS: Record<keyof OrderForm['customer'], string> = {
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone'
}
const BILLING_LABELS: Record<keyof OrderForm['billing_address'], string> = {
  address1: 'Address line 1',
  address2: 'Address line 2',
  city: 'City',
  state: 'State or region',
  zip_code: 'Zip code',
  country: 'Country code'
}
const TOP_LABELS: Record<string, string> = {
  order_number: 'Order number',
  currency: 'Currency',
  token: 'Quote token',
  payment: 'Payment type'
}

/** The key of an item's "has its own event" checkbox; an item without an event is reported there. */
export const itemEventKey = (index: number): string => `items.${index}.event`

export function orderFieldId(key: string): string {
  return fieldId('order', key)
}

export function fieldLabel(key: string): string {
  const [group, second, third, fourth] = key.split('.')
  if (group in TOP_LABELS && second === undefined) return TOP_LABELS[group]
  if (group === 'event' && second in EVENT_LABELS) return `Event ${EVENT_LABELS[second as keyof EventFields]}`
  if (group === 'customer' && second in CUSTOMER_LABELS)
    return CUSTOMER_LABELS[second as keyof typeof CUSTOMER_LABELS]
  if (group === 'billing_address' && second in BILLING_LABELS)
    return BILLING_LABELS[second as keyof typeof BILLING_LABELS]
  if (group === 'items' && /^\d+$/.test(second)) {
    const item = `Item ${Number(second) + 1}`
    if (third === 'event' && fourth === undefined) return `${item} has its own event`
    if (third === 'event' && fourth in EVENT_LABELS)
      return `${item} event ${EVENT_LABELS[fourth as keyof EventFields]}`
    if (third in ITEM_LABELS && fourth === undefined) return `${item} ${ITEM_LABELS[third]}`
  }
  return key
}

/**
 * How the error summary names a field. An item's missing event is reported at its "has its own event"
 * checkbox, but the problem is the event, not the checkbox.
 */
export function problemLabel(key: string): string {
  const itemEvent = /^items\.(\d+)\.event$/.exec(key)
  return itemEvent ? `Item ${Number(itemEvent[1]) + 1} event` : fieldLabel(key)
}

/** The form's field keys in the order they appear on the page (the order of the error summary). */
export function fieldKeysOf(form: OrderForm): string[] {
  const eventKeys = (prefix: string) => EVENT_FIELDS.map((name) => `${prefix}.${name}`)
  return [
    'order_number',
    'currency',
    'token',
    ...eventKeys('event'),
    ...form.items.flatMap((item, index) => [
      `items.${index}.name`,
      `items.${index}.reference_number`,
      `items.${index}.cost`,
      itemEventKey(index),
      ...(item.ownEvent ? eventKeys(itemEventKey(index)) : [])
    ]),
    ...Object.keys(form.customer).map((name) => `customer.${name}`),
    ...Object.keys(form.billing_address).map((name) => `billing_address.${name}`),
    'payment'
  ]
}

export interface Issue {
  path: readonly (string | number)[]
  message: string
}

export interface PlacedProblems {
  /** The first message for each field, in page order. */
  fields: { key: string; message: string }[]
  /** Problems about something the form has no field for. */
  unplaced: string[]
}

/**
 * Where each problem is shown: the field its path names; for a whole group (`customer`, `items.1`) its first
 * field; for a detail the form does not have, the nearest field above it.
 */
export function placeIssues(issues: readonly Issue[], keys: readonly string[]): PlacedProblems {
  const byKey = new Map<string, string>()
  const unplaced: string[] = []
  for (const issue of issues) {
    const key = anchorKey(issue.path, keys)
    if (key === null) unplaced.push(issue.message)
    else if (!byKey.has(key)) byKey.set(key, issue.message)
  }
  return {
    fields: keys.filter((key) => byKey.has(key)).map((key) => ({ key, message: byKey.get(key) as string })),
    unplaced
  }
}

function anchorKey(path: readonly (string | number)[], keys: readonly string[]): string | null {
  const key = pathKey(path)
  if (key === '') return null
  if (keys.includes(key)) return key
  const firstInside = keys.find((candidate) => candidate.startsWith(`${key}.`))
  if (firstInside) return firstInside
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parent = pathKey(path.slice(0, depth))
    if (keys.includes(parent)) return parent
  }
  return null
}

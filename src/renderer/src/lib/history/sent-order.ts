import type { JournalOperation } from '../../../../shared/contract/history'
import { isSubmission } from '../../../../shared/journal/outcomes'

/** One group of fields of the create-order body (contract-notes §4), as label and value, in body order. */
export interface SentSection {
  title: string
  fields: [label: string, value: string][]
}

export interface SentItem {
  name: string | null
  referenceNumber: string | null
  cost: string | null
  /** The item's own event, when it overrides the order's. */
  event: [label: string, value: string][]
}

export interface SentOrder {
  /** The submission whose body this is. */
  operation: JournalOperation
  sections: SentSection[]
  items: SentItem[]
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  order_number: 'Order number',
  currency: 'Currency',
  token: 'Quote token',
  name: 'Name',
  reference_number: 'Reference number',
  cost: 'Cost',
  start_date: 'Start date (UTC)',
  start_time: 'Start time (UTC)',
  end_date: 'End date (UTC)',
  end_time: 'End time (UTC)',
  location: 'Location',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
  address1: 'Address line 1',
  address2: 'Address line 2',
  city: 'City',
  state: 'State',
  zip_code: 'Zip code',
  country: 'Country',
  type: 'Type'
}

type Fields = Record<string, unknown>

function fieldsOf(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null
}

/** The plain fields of a group, labelled; nested groups are shown apart, and a quote token only as "given". */
function plainFields(group: Fields | null): [string, string][] {
  if (!group) return []
  return Object.entries(group).flatMap(([key, value]): [string, string][] => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return []
    const label = FIELD_LABELS[key] ?? key.replaceAll('_', ' ')
    return [[label, key === 'token' ? 'given (kept in the request below)' : String(value)]]
  })
}

const GROUPS: readonly [key: string, title: string][] = [
  ['event', 'Event'],
  ['customer', 'Customer'],
  ['billing_address', 'Billing address'],
  ['payment', 'Payment']
]

/**
 * What the order's latest submission sent, field by field: the order, its event, items (with their own
 * events), customer, billing address and payment. Null when no submission body was journaled.
 */
export function sentOrderOf(timeline: readonly JournalOperation[]): SentOrder | null {
  const operation = timeline.findLast((candidate) => isSubmission(candidate.kind))
  const body = fieldsOf(operation?.request)
  if (!operation || !body) return null
  const order: SentSection = { title: 'Order', fields: plainFields(body) }
  const groups = GROUPS.flatMap(([key, title]) => {
    const fields = plainFields(fieldsOf(body[key]))
    return fields.length > 0 ? [{ title, fields }] : []
  })
  const items = (Array.isArray(body.items) ? body.items : []).map((entry) => {
    const item = fieldsOf(entry)
    const text = (key: string) => (typeof item?.[key] === 'string' ? (item[key] as string) : null)
    return {
      name: text('name'),
      referenceNumber: text('reference_number'),
      cost: text('cost'),
      event: plainFields(fieldsOf(item?.event))
    }
  })
  return { operation, sections: [order, ...groups], items }
}

import type { AssumptionLevel, RuleLevels, RuleName } from './assumptions'
import { RULE_NAMES } from './assumptions'
import { costAmbiguity } from './cost'
import { TEXT_MAX } from './order-request'
import { textLength } from './text-length'

/**
 * The rule assumptions (assumptions.ts) applied to one order. Runs on the order as typed (the workbench, a CSV
 * row) and on the wire body (the client), so it reads fields loosely: anything may be missing or of the
 * wrong type, which is the documented schemas' business, not this.
 */
export interface AssumptionFinding {
  assumption: RuleName
  level: Exclude<AssumptionLevel, 'off'>
  /** Where in the order body, e.g. `['billing_address', 'zip_code']`. */
  path: (string | number)[]
  message: string
}

type Fields = Record<string, unknown>
interface Problem {
  path: (string | number)[]
  message: string
}

function fieldsOf(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined
}

const textOf = (fields: Fields | undefined, name: string): string => {
  const value = fields?.[name]
  return typeof value === 'string' ? value.trim() : ''
}

function itemsOf(order: Fields): Fields[] {
  return Array.isArray(order.items) ? order.items.map((item) => fieldsOf(item) ?? {}) : []
}

/** Each field of `names` left blank in the group at `group`, when the group is given at all. */
function blanks(order: Fields, group: string, names: readonly [string, string][]): Problem[] {
  const fields = fieldsOf(order[group])
  if (!fields) return []
  return names
    .filter(([name]) => textOf(fields, name) === '')
    .map(([name, label]) => ({ path: [group, name], message: `No ${label} given.` }))
}

/** The order event and each item's own event, with where each sits in the body. */
function eventsOf(order: Fields): { path: (string | number)[]; event: Fields }[] {
  const own = itemsOf(order).flatMap((item, index) => {
    const event = fieldsOf(item.event)
    return event ? [{ path: ['items', index, 'event'], event }] : []
  })
  const event = fieldsOf(order.event)
  return event ? [{ path: ['event'], event }, ...own] : own
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const TWO_LETTERS = /^[A-Za-z]{2}$/

const CHECKS: Record<RuleName, (order: Fields) => Problem[]> = {
  billingZipCode: (order) => blanks(order, 'billing_address', [['zip_code', 'zip code']]),
  billingStreetAndCity: (order) =>
    blanks(order, 'billing_address', [
      ['address1', 'address line 1'],
      ['city', 'city']
    ]),
  billingCountry: (order) => blanks(order, 'billing_address', [['country', 'country']]),
  countryTwoLetters: (order) => {
    const country = textOf(fieldsOf(order.billing_address), 'country')
    return country === '' || TWO_LETTERS.test(country)
      ? []
      : [
          {
            path: ['billing_address', 'country'],
            message: `"${country}" is not a two-letter country code such as US or AE.`
          }
        ]
  },
  customerName: (order) =>
    blanks(order, 'customer', [
      ['first_name', 'first name'],
      ['last_name', 'last name']
    ]),
  customerEmail: (order) => blanks(order, 'customer', [['email', 'email address']]),
  emailFormat: (order) => {
    const email = textOf(fieldsOf(order.customer), 'email')
    return email === '' || EMAIL.test(email)
      ? []
      : [{ path: ['customer', 'email'], message: `"${email}" does not look like name@example.com.` }]
  },
  contactFieldLength: (order) =>
    ['customer', 'billing_address'].flatMap((group) =>
      Object.entries(fieldsOf(order[group]) ?? {}).flatMap(([name, value]) =>
        typeof value === 'string' && textLength(value.trim()) > TEXT_MAX
          ? [
              {
                path: [group, name],
                message: `This has ${textLength(value.trim())} characters; more than ${TEXT_MAX} may be cut or refused.`
              }
            ]
          : []
      )
    ),
  paymentTypeInvoice: (order) => {
    const type = textOf(fieldsOf(order.payment), 'type')
    return type === '' || type === 'invoice'
      ? []
      : [
          {
            path: ['payment', 'type'],
            message: `Payment type "${type}" is not "invoice", the only type Teak's docs show.`
          }
        ]
  },
  itemName: (order) =>
    itemsOf(order).flatMap((item, index) =>
      textOf(item, 'name') === '' ? [{ path: ['items', index, 'name'], message: 'No item name given.' }] : []
    ),
  itemReference: (order) =>
    itemsOf(order).flatMap((item, index) =>
      textOf(item, 'reference_number') === ''
        ? [{ path: ['items', index, 'reference_number'], message: 'No reference number given.' }]
        : []
    ),
  timeNeedsDate: (order) =>
    eventsOf(order).flatMap(({ path, event }) =>
      (['start', 'end'] as const).flatMap((end) =>
        textOf(event, `${end}_time`) !== '' && textOf(event, `${end}_date`) === ''
          ? [
              {
                path: [...path, `${end}_date`],
                message: `A${end === 'end' ? 'n' : ''} ${end} time without its date.`
              }
            ]
          : []
      )
    ),
  eventEndsAfterStart: (order) =>
    eventsOf(order).flatMap(({ path, event }) => {
      const [startDate, endDate] = [textOf(event, 'start_date'), textOf(event, 'end_date')]
      if (startDate === '' || endDate === '') return []
      const start = `${startDate}T${textOf(event, 'start_time') || '00:00'}`
      const end = `${endDate}T${textOf(event, 'end_time') || '23:59'}`
      return end < start ? [{ path: [...path, 'end_date'], message: 'The event ends before it starts.' }] : []
    }),
  costLooksLikeThousands: (order) =>
    itemsOf(order).flatMap((item, index) => {
      const message = costAmbiguity(textOf(item, 'cost'))
      return message ? [{ path: ['items', index, 'cost'], message }] : []
    }),
  missingTokenOptIn: (order) =>
    textOf(order, 'token') === ''
      ? [{ path: ['token'], message: 'no token — Teak treats this as opt-in' }]
      : []
}

/** What the rule assumptions find in `order`, each at its level; rules set to `off` are not run. */
export function assumptionFindings(order: unknown, levels: RuleLevels): AssumptionFinding[] {
  const fields = fieldsOf(order) ?? {}
  return RULE_NAMES.flatMap((assumption) => {
    const level = levels[assumption]
    if (level === 'off') return []
    return CHECKS[assumption](fields).map((problem) => ({ assumption, level, ...problem }))
  })
}

/** A finding as one line for a report or a field: the message, then the assumption that made it. */
export function findingText(finding: AssumptionFinding): string {
  const effect = finding.level === 'block' ? 'set to block' : 'a warning; the order is still sent'
  return `${finding.message} (assumption ${finding.assumption}: ${effect})`
}

import { describe, expect, it } from 'vitest'
import { assumptionFindings, findingText } from '../../../src/shared/teak/assumption-checks'
import {
  RULE_NAMES,
  ruleLevelsOf,
  type RuleLevels,
  type RuleName
} from '../../../src/shared/teak/assumptions'
import { orderRequestSchema } from '../../../src/shared/teak/order-request'

const WARN = ruleLevelsOf({})

/** The full example request of Teak's Opt-Out guide (contract-notes §4.6), with a token. */
const EXAMPLE = {
  token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcHRfaW4iOnRydWV9.c2ln',
  order_number: 'order-number-in-my-system-01',
  currency: 'USD',
  event: {
    name: 'Awesome Event',
    start_date: '2027-12-24',
    start_time: '12:00',
    end_date: '2027-12-25',
    end_time: '16:30',
    location: 'Test Location'
  },
  customer: { first_name: 'John', last_name: 'Doe', email: 'john.doe@example.com', phone: '5555555555' },
  billing_address: {
    address1: '123 Main St',
    address2: 'Ste 1',
    city: 'Phoenix',
    zip_code: '85020',
    state: 'AZ',
    country: 'US'
  },
  items: [
    { name: 'Item 1', reference_number: 'test-item-1', cost: '50' },
    { name: 'Item 2', reference_number: 'test-item-2', cost: '100' }
  ],
  payment: { type: 'invoice' }
}

type Order = Record<string, unknown>
const changed = (change: (order: Order) => void): Order => {
  const order = structuredClone(EXAMPLE) as Order
  change(order)
  return order
}
const billing = (order: Order) => order.billing_address as Record<string, string>
const customer = (order: Order) => order.customer as Record<string, string>
const items = (order: Order) => order.items as Record<string, string>[]
const event = (order: Order) => order.event as Record<string, string>

/** For every rule: an order that breaks it, and where the finding must point. */
const BREAKING: Record<RuleName, [Order, (string | number)[], RegExp]> = {
  billingZipCode: [
    changed((o) => delete billing(o).zip_code),
    ['billing_address', 'zip_code'],
    /^No zip code/
  ],
  billingStreetAndCity: [changed((o) => (billing(o).city = ' ')), ['billing_address', 'city'], /^No city/],
  billingCountry: [changed((o) => delete billing(o).country), ['billing_address', 'country'], /^No country/],
  countryTwoLetters: [
    changed((o) => (billing(o).country = 'United Arab Emirates')),
    ['billing_address', 'country'],
    /not a two-letter country code/
  ],
  customerName: [changed((o) => delete customer(o).last_name), ['customer', 'last_name'], /^No last name/],
  customerEmail: [changed((o) => delete customer(o).email), ['customer', 'email'], /^No email address/],
  emailFormat: [changed((o) => (customer(o).email = 'john@')), ['customer', 'email'], /does not look like/],
  contactFieldLength: [
    changed((o) => (billing(o).address2 = '🎫'.repeat(256))),
    ['billing_address', 'address2'],
    /has 256 characters/
  ],
  paymentTypeInvoice: [changed((o) => (o.payment = { type: 'card' })), ['payment', 'type'], /"card" is not/],
  itemName: [changed((o) => delete items(o)[1].name), ['items', 1, 'name'], /^No item name/],
  itemReference: [
    changed((o) => (items(o)[0].reference_number = '')),
    ['items', 0, 'reference_number'],
    /^No reference number/
  ],
  timeNeedsDate: [
    changed(
      (o) =>
        (items(o)[1] = { ...items(o)[1], event: { end_date: '2027-01-01', start_time: '10:00' } } as never)
    ),
    ['items', 1, 'event', 'start_date'],
    /^A start time without its date/
  ],
  eventEndsAfterStart: [
    changed((o) => (event(o).end_date = '2027-12-23')),
    ['event', 'end_date'],
    /^The event ends before it starts/
  ],
  costLooksLikeThousands: [
    changed((o) => (items(o)[0].cost = '1.234')),
    ['items', 0, 'cost'],
    /Teak reads this as 1\.234, not 1234/
  ],
  missingTokenOptIn: [changed((o) => delete o.token), ['token'], /^no token — Teak treats this as opt-in$/]
}

describe('assumptionFindings', () => {
  it("finds nothing in the docs' own full example", () => {
    expect(assumptionFindings(EXAMPLE, WARN)).toEqual([])
    expect(orderRequestSchema.safeParse(EXAMPLE).success).toBe(true)
  })

  it.each(RULE_NAMES)('%s: finds the breach at its field, at the level set, and nothing when off', (name) => {
    const [order, path, message] = BREAKING[name]
    // Documented rules still hold: every breaking order is one Teak's docs allow.
    expect(orderRequestSchema.safeParse(order).success).toBe(true)
    const findings = assumptionFindings(order, WARN)
    expect(findings).toEqual([
      { assumption: name, level: 'warn', path, message: expect.stringMatching(message) }
    ])
    const blocked = assumptionFindings(order, { ...WARN, [name]: 'block' } as RuleLevels)
    expect(blocked.map((finding) => finding.level)).toEqual(['block'])
    expect(assumptionFindings(order, { ...WARN, [name]: 'off' } as RuleLevels)).toEqual([])
  })

  it('judges the event end with the times when both are given, and each date alone otherwise', () => {
    const sameDay = (start_time: string, end_time: string) =>
      assumptionFindings(
        { ...EXAMPLE, event: { start_date: '2027-01-01', start_time, end_date: '2027-01-01', end_time } },
        WARN
      )
    expect(sameDay('10:00', '09:59')).toHaveLength(1)
    expect(sameDay('10:00', '10:00')).toEqual([])
    expect(
      assumptionFindings({ ...EXAMPLE, event: { start_date: '2027-01-01', end_date: '2027-01-01' } }, WARN)
    ).toEqual([])
  })

  it('reads loosely: anything missing or of the wrong type is the schemas’ business', () => {
    expect(assumptionFindings(null, WARN)).toEqual([
      expect.objectContaining({ assumption: 'missingTokenOptIn' })
    ])
    expect(() => assumptionFindings({ items: 'x', customer: 3, billing_address: [] }, WARN)).not.toThrow()
  })

  it('says which assumption made a finding and what it costs', () => {
    const [finding] = assumptionFindings(BREAKING.billingZipCode[0], WARN)
    expect(findingText(finding)).toBe(
      'No zip code given. (assumption billingZipCode: a warning; the order is still sent)'
    )
    expect(findingText({ ...finding, level: 'block' })).toBe(
      'No zip code given. (assumption billingZipCode: set to block)'
    )
  })
})

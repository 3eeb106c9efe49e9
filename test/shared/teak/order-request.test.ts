import { describe, expect, it } from 'vitest'
import {
  effectiveEvent,
  eventSchema,
  isCalendarDate,
  optInRequirementIssues,
  orderInputSchema,
  orderRequestSchema,
  type OrderRequest
} from '../../../src/shared/teak/order-request'

const ITEM = { name: 'Ticket', reference_number: 'sku-1', cost: '50.00' }
const ORDER = { order_number: 'A-1', currency: 'USD', items: [ITEM] }

const issues = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) => result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? []

describe('orderInputSchema (what a person or a CSV row typed)', () => {
  it.each([
    ['50', '50'],
    [' 123,99 ', '123.99'],
    ['0,500', '0.500'],
    ['1234.99', '1234.99'],
    // As Teak reads it; the costLooksLikeThousands assumption judges whether it was meant.
    ['1,234', '1.234']
  ])('turns the cost %j into the wire form %j', (typed, wire) => {
    const parsed = orderInputSchema.parse({ ...ORDER, items: [{ ...ITEM, cost: typed }] })
    expect(parsed.items[0].cost).toBe(wire)
    expect(orderRequestSchema.safeParse(parsed).success).toBe(true)
  })

  it.each([
    ['1,234.99', /uses a thousands separator/],
    ['', /^Enter a cost/],
    ['-5', /is not a cost/]
  ])('refuses the cost %j at items.0.cost', (typed, message) => {
    const [[path, text]] = issues(orderInputSchema.safeParse({ ...ORDER, items: [{ ...ITEM, cost: typed }] }))
    expect(path).toBe('items.0.cost')
    expect(text).toMatch(message)
  })

  it('trims text, upper-cases the country and keeps the rest as typed', () => {
    const parsed = orderInputSchema.parse({
      ...ORDER,
      order_number: '  A-1  ',
      customer: { first_name: ' Ada ', last_name: 'Lovelace', email: ' ada@example.com ' },
      billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'us' }
    })
    expect(parsed).toMatchObject({
      order_number: 'A-1',
      customer: { first_name: 'Ada', email: 'ada@example.com' },
      billing_address: { country: 'US' }
    })
  })

  it.each([
    ['a blank order number', { order_number: '  ' }, 'order_number', 'Order number is required.'],
    [
      'a 256-character order number',
      { order_number: 'x'.repeat(256) },
      'order_number',
      'Order number has at most 255 characters.'
    ],
    ['no items', { items: [] }, 'items', 'An order needs at least one item.'],
    [
      'an empty quote token',
      { token: ' ' },
      'token',
      'The quote token is empty: paste the token from the widget, or leave the field out.'
    ],
    ['a payment without its type', { payment: { type: ' ' } }, 'payment.type', 'Payment type is required.']
  ])('refuses %s with a message naming the field', (_label, change, path, message) => {
    expect(issues(orderInputSchema.safeParse({ ...ORDER, ...change }))).toEqual([[path, message]])
  })

  // Teak documents these fields' names only: what they need is for the rule assumptions to say.
  it.each([
    ['a bad email', { customer: { first_name: 'a', email: 'ada@' } }],
    ['a three-letter country', { billing_address: { city: 'Dubai', country: 'UAE' } }],
    [
      'a billing address without zip code',
      { billing_address: { address1: 'a', city: 'Dubai', country: 'AE' } }
    ],
    ['another payment type', { payment: { type: 'card' } }],
    ['an item without name or reference', { items: [{ cost: '5' }] }],
    ['a 300-character customer name', { customer: { first_name: 'x'.repeat(300) } }]
  ])('accepts %s', (_label, change) => {
    expect(issues(orderInputSchema.safeParse({ ...ORDER, ...change }))).toEqual([])
  })

  it('counts the 255-character limit in characters as a person sees them (code points)', () => {
    const ticket = '🎫'.repeat(255)
    expect(ticket.length).toBe(510)
    expect(orderInputSchema.safeParse({ ...ORDER, order_number: ticket }).success).toBe(true)
    expect(issues(orderInputSchema.safeParse({ ...ORDER, order_number: `${ticket}x` }))).toEqual([
      ['order_number', 'Order number has at most 255 characters.']
    ])
  })

  it("names Teak's currencies when the currency is unknown", () => {
    const [[path, message]] = issues(orderInputSchema.safeParse({ ...ORDER, currency: 'usd' }))
    expect(path).toBe('currency')
    expect(message).toMatch(/^Choose one of Teak's 25 currencies \(USD, CAD, EUR/)
  })
})

describe('orderRequestSchema (the wire body)', () => {
  it.each([
    ['123,99', 'A cost on the wire is digits with an optional "." decimal part.'],
    ['1234567890.12', 'A cost has at most 12 characters.']
  ])('refuses the cost %j', (cost, message) => {
    expect(issues(orderRequestSchema.safeParse({ ...ORDER, items: [{ ...ITEM, cost }] }))).toEqual([
      ['items.0.cost', message]
    ])
  })

  it('refuses unknown fields rather than sending them', () => {
    expect(orderRequestSchema.safeParse({ ...ORDER, order_nubmer: 'typo' }).success).toBe(false)
  })
})

describe('eventSchema', () => {
  it.each([
    [{ name: 'Show', start_date: '2027-12-24', start_time: '12:00' }, []],
    [{ end_date: '2027-12-25', end_time: '16:30' }, []],
    [{ start_date: '2028-02-29' }, []],
    [{ start_date: '2027-01-01', start_time: '10:00', end_date: '2027-01-01' }, []],
    [{ name: 'Show' }, [['start_date', 'An event needs a start date or an end date.']]],
    [
      { start_date: '2027-02-29' },
      [['start_date', 'Use a real date written YYYY-MM-DD (UTC), for example 2027-12-24.']]
    ],
    [
      { start_date: '2027-01-01', start_time: '24:00' },
      [['start_time', 'Use a 24-hour time written hh:mm (UTC), for example 18:30.']]
    ],
    [
      { start_date: '2027-01-01', start_time: '12:30:00' },
      [['start_time', 'Use a 24-hour time written hh:mm (UTC), for example 18:30.']]
    ],
    // Assumptions, not documented rules (timeNeedsDate, eventEndsAfterStart).
    [{ end_date: '2027-01-01', start_time: '10:00' }, []],
    [{ start_date: '2027-01-01', start_time: '10:00', end_date: '2027-01-01', end_time: '09:59' }, []]
  ])('%j', (event, expected) => {
    expect(issues(eventSchema.safeParse(event))).toEqual(expected)
  })
})

describe('opt-in requirements', () => {
  const order = (change: Partial<OrderRequest>): OrderRequest =>
    orderRequestSchema.parse({ ...ORDER, ...change })
  const details = {
    customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
    billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'US' }
  }

  it('asks for an event per item, the customer and the billing address', () => {
    expect(optInRequirementIssues(order({})).map((issue) => issue.path.join('.'))).toEqual([
      'items.0.event',
      'customer',
      'billing_address'
    ])
  })

  it('is satisfied by an order-level event or one per item', () => {
    const event = { start_date: '2027-12-24' }
    expect(optInRequirementIssues(order({ ...details, event }))).toEqual([])
    expect(optInRequirementIssues(order({ ...details, items: [{ ...ITEM, event }] }))).toEqual([])
  })

  it("lets an item's own event win over the order's", () => {
    const own = { start_date: '2027-01-01' }
    const shared = { start_date: '2027-12-24' }
    expect(effectiveEvent({ event: shared }, { event: own })).toBe(own)
    expect(effectiveEvent({ event: shared }, {})).toBe(shared)
  })
})

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2027-04-30', true],
    ['2027-04-31', false],
    ['2027-12-31', true],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-01-00', false],
    ['2027-1-05', false],
    ['27-01-05', false]
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected)
  })
})

import { describe, expect, it } from 'vitest'
import { checkOrderForm } from '../../../src/renderer/src/lib/order-form/check-order-form'
import {
  fieldKeysOf,
  fieldLabel,
  orderFieldId,
  placeIssues,
  problemLabel
} from '../../../src/renderer/src/lib/order-form/fields'
import { emptyOrderForm, type OrderForm } from '../../../src/renderer/src/lib/order-form/form-state'
import { RULE_NAMES, ruleLevelsOf, type RuleLevels } from '../../../src/shared/teak/assumptions'
import { filledForm, quoteToken } from './support'

/** Every rule assumption at its default (warn), and every one set to block. */
const WARN = ruleLevelsOf({})
const BLOCK = Object.fromEntries(RULE_NAMES.map((name) => [name, 'block'])) as RuleLevels

const byKey = (placed: { fields: { key: string; message: string }[] }) =>
  Object.fromEntries(placed.fields.map((p) => [p.key, p.message]))
const messages = (form: OrderForm, levels: RuleLevels = WARN) => byKey(checkOrderForm(form, levels).problems)
const warnings = (form: OrderForm, levels: RuleLevels = WARN) => byKey(checkOrderForm(form, levels).warnings)

describe('checking the order form with the shared schemas', () => {
  it('turns a complete form into the exact wire body: canonical costs, upper-case codes', () => {
    const check = checkOrderForm(filledForm(), WARN)
    expect(check.problems).toEqual({ fields: [], unplaced: [] })
    expect(check.warnings).toEqual({ fields: [], unplaced: [] })
    expect(check.mode).toEqual({ kind: 'opt_in', claimed: true })
    expect(check.request).toMatchObject({
      order_number: 'A-1001',
      currency: 'USD',
      items: [{ cost: '50' }, { cost: '1234.99', event: { name: 'After party', start_date: '2027-12-25' } }],
      billing_address: { country: 'US' }
    })
  })

  it('reports an invalid cost at the item cost field, and sends nothing', () => {
    const form = filledForm()
    form.items[0].cost = '12.3.4'
    const check = checkOrderForm(form, WARN)
    expect(check.request).toBeNull()
    expect(messages(form)).toEqual({
      'items.0.cost':
        '"12.3.4" is not a cost: use digits with at most one "." or "," as the decimal separator, for example 50.00 or 123,99.'
    })
  })

  it.each(['1,234', '1.234'])(
    "warns about %j with Teak's reading of it, and sends it as Teak reads it",
    (cost) => {
      const form = filledForm()
      form.items[1].cost = cost
      const check = checkOrderForm(form, WARN)
      expect(warnings(form)['items.1.cost']).toContain('Teak reads this as 1.234, not 1234')
      expect(check.problems.fields).toEqual([])
      expect(check.request?.items[1].cost).toBe('1.234')
    }
  )

  it.each(['1,234', '1.234'])('blocks %j when the assumption is set to block', (cost) => {
    const form = filledForm()
    form.items[1].cost = cost
    const check = checkOrderForm(form, { ...WARN, costLooksLikeThousands: 'block' })
    expect(check.request).toBeNull()
    expect(messages(form, { ...WARN, costLooksLikeThousands: 'block' })['items.1.cost']).toContain(
      'Teak reads this as 1.234, not 1234'
    )
  })

  it('sends a billing address without a zip code (the United Arab Emirates has none), with a warning', () => {
    const form = filledForm()
    form.billing_address = { ...form.billing_address, zip_code: '', state: '', city: 'Dubai', country: 'ae' }
    const check = checkOrderForm(form, WARN)
    expect(check.problems.fields).toEqual([])
    expect(warnings(form)).toEqual({ 'billing_address.zip_code': 'No zip code given.' })
    expect(check.request?.billing_address).toEqual({ address1: '123 Main St', city: 'Dubai', country: 'AE' })
  })

  it('refuses it where the environment sets billingZipCode to block, and says nothing where it is off', () => {
    const form = filledForm()
    form.billing_address.zip_code = ''
    const blocked = checkOrderForm(form, { ...WARN, billingZipCode: 'block' })
    expect(blocked.request).toBeNull()
    expect(byKey(blocked.problems)['billing_address.zip_code']).toBe(
      'No zip code given. (assumption billingZipCode: set to block)'
    )
    const off = checkOrderForm(form, { ...WARN, billingZipCode: 'off' })
    expect(off.warnings.fields).toEqual([])
    expect(off.request).not.toBeNull()
  })

  it('asks for the certification fields of an opt-in at every field a missing group needs', () => {
    const form = filledForm({
      event: emptyOrderForm().event,
      customer: emptyOrderForm().customer,
      billing_address: emptyOrderForm().billing_address
    })
    const customer = 'Opt-in orders need the customer.'
    const billing = 'Opt-in orders need the billing address.'
    expect(messages(form, BLOCK)).toEqual({
      'items.0.event':
        "Opt-in orders need an event for every item: set the order event or this item's own event.",
      'customer.first_name': customer,
      'customer.last_name': customer,
      'customer.email': customer,
      'billing_address.address1': billing,
      'billing_address.city': billing,
      'billing_address.zip_code': billing,
      'billing_address.country': billing
    })
  })

  it('marks only the fields whose rules are on, and the first field when every rule is off', () => {
    const form = filledForm({ customer: emptyOrderForm().customer })
    expect(Object.keys(messages(form, { ...WARN, customerEmail: 'off' }))).toEqual([
      'customer.first_name',
      'customer.last_name'
    ])
    expect(Object.keys(messages(form, { ...WARN, customerEmail: 'off', customerName: 'off' }))).toEqual([
      'customer.first_name'
    ])
  })

  it('asks for them without a token too (Teak treats it as an opt-in), but not for an opt-out', () => {
    const bare = filledForm({ customer: emptyOrderForm().customer })
    expect(messages({ ...bare, token: '' })).toHaveProperty('customer.first_name')
    const optOut = { ...bare, token: quoteToken({ opt_in: false }) }
    expect(checkOrderForm(optOut, WARN).mode).toEqual({ kind: 'opt_out' })
    expect(messages(optOut)).toEqual({})
    expect(checkOrderForm(optOut, WARN).request?.customer).toBeUndefined()
  })

  it('labels an empty token "no token — Teak treats this as opt-in", as a warning or a block', () => {
    const form = filledForm({ token: '  ' })
    expect(warnings(form)).toEqual({ token: 'no token — Teak treats this as opt-in' })
    expect(checkOrderForm(form, WARN).request).not.toBeNull()
    expect(messages(form, { ...WARN, missingTokenOptIn: 'block' }).token).toMatch(
      /^no token — Teak treats this as opt-in/
    )
    expect(warnings(form, { ...WARN, missingTokenOptIn: 'off' })).toEqual({})
  })

  it('reports an unreadable token at the token field', () => {
    expect(messages(filledForm({ token: 'not-a-jwt' }))).toEqual({
      token: 'This quote token is incomplete: it should be three parts separated by dots (xxx.yyy.zzz).'
    })
  })

  it("points an event's problems at the event's own inputs", () => {
    const form = filledForm()
    form.event.start_date = ''
    form.event.start_time = ''
    form.items[1].event.start_date = '2027-02-30'
    expect(messages(form)).toEqual({
      'event.start_date': 'An event needs a start date or an end date.',
      'items.1.event.start_date': 'Use a real date written YYYY-MM-DD (UTC), for example 2027-12-24.'
    })
  })

  it('warns about a partly filled customer field by field, even on an opt-out, and sends it', () => {
    const form = filledForm({ token: quoteToken({ opt_in: false }) })
    form.customer = { first_name: 'Jo', last_name: '', email: 'jo@', phone: '' }
    expect(messages(form)).toEqual({})
    expect(warnings(form)).toEqual({
      'customer.last_name': 'No last name given.',
      'customer.email': '"jo@" does not look like name@example.com.'
    })
    expect(checkOrderForm(form, WARN).request?.customer).toEqual({ first_name: 'Jo', email: 'jo@' })
    expect(Object.keys(messages(form, BLOCK))).toEqual(['customer.last_name', 'customer.email'])
  })

  it('lists problems and warnings in page order, for the error summary and the warning list', () => {
    const form = emptyOrderForm()
    const check = checkOrderForm(form, WARN)
    expect(check.problems.fields.map((p) => p.key)).toEqual([
      'order_number',
      'currency',
      'items.0.cost',
      'items.0.event',
      'customer.first_name',
      'customer.last_name',
      'customer.email',
      'billing_address.address1',
      'billing_address.city',
      'billing_address.zip_code',
      'billing_address.country'
    ])
    expect(check.warnings.fields.map((p) => p.key)).toEqual([
      'token',
      'items.0.name',
      'items.0.reference_number'
    ])
  })
})

describe('field keys, labels and placement', () => {
  it('gives every field a unique label and id', () => {
    const keys = fieldKeysOf(filledForm())
    const labels = keys.map(fieldLabel)
    expect(new Set(labels).size).toBe(keys.length)
    expect(new Set(keys.map(orderFieldId)).size).toBe(keys.length)
    expect(labels).toContain('Item 2 cost')
    expect(labels).toContain('Item 2 event start date (UTC)')
    expect(labels).toContain('Item 1 has its own event')
    expect(orderFieldId('items.1.cost')).toBe('order-items-1-cost')
    expect(problemLabel('items.1.event')).toBe('Item 2 event')
    expect(problemLabel('items.1.cost')).toBe('Item 2 cost')
  })

  it("places Teak's field errors at the field, a group at its first field, and the rest apart", () => {
    const keys = fieldKeysOf(filledForm())
    expect(
      placeIssues(
        [
          { path: ['items', 0, 'cost'], message: 'Invalid cost.' },
          { path: ['items', 1], message: 'Bad item.' },
          { path: ['items', 1, 'event', 'start_time'], message: 'Bad time.' },
          { path: ['items', 1, 'event', 'timezone'], message: 'Unknown detail.' },
          { path: ['client'], message: 'Client suspended.' },
          { path: [], message: 'Something else.' }
        ],
        keys
      )
    ).toEqual({
      fields: [
        { key: 'items.0.cost', message: 'Invalid cost.' },
        { key: 'items.1.name', message: 'Bad item.' },
        { key: 'items.1.event', message: 'Unknown detail.' },
        { key: 'items.1.event.start_time', message: 'Bad time.' }
      ],
      unplaced: ['Client suspended.', 'Something else.']
    })
  })
})

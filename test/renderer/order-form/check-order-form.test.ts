import { describe, expect, it } from 'vitest'
import { checkOrderForm } from '../../../src/renderer/src/lib/order-form/check-order-form'
import {
  fieldKeysOf,
  fieldLabel,
  orderFieldId,
  placeIssues,
  problemLabel
} from '../../../src/renderer/src/lib/order-form/fields'
import { emptyOrderForm } from '../../../src/renderer/src/lib/order-form/form-state'
import { filledForm, quoteToken } from './support'

const messages = (form: Parameters<typeof checkOrderForm>[0]) =>
  Object.fromEntries(checkOrderForm(form).problems.fields.map((p) => [p.key, p.message]))

describe('checking the order form with the shared schemas', () => {
  it('turns a complete form into the exact wire body: canonical costs, upper-case codes', () => {
    const check = checkOrderForm(filledForm())
    expect(check.problems).toEqual({ fields: [], unplaced: [] })
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
    const check = checkOrderForm(form)
    expect(check.request).toBeNull()
    expect(messages(form)).toEqual({
      'items.0.cost':
        '"12.3.4" is not a cost: use digits with at most one "." or "," as the decimal separator, for example 50.00 or 123,99.'
    })
  })

  it("explains the ambiguous 1,234 with Teak's reading of it", () => {
    const form = filledForm()
    form.items[1].cost = '1,234'
    expect(messages(form)['items.1.cost']).toContain('Teak reads it as 1.234')
  })

  it('asks for the certification fields of an opt-in where the person will fill them in', () => {
    const form = filledForm({
      event: emptyOrderForm().event,
      customer: emptyOrderForm().customer,
      billing_address: emptyOrderForm().billing_address
    })
    expect(messages(form)).toEqual({
      'items.0.event':
        "Opt-in orders need an event for every item: set the order event or this item's own event.",
      'customer.first_name': 'Opt-in orders need the customer.',
      'billing_address.address1': 'Opt-in orders need the billing address.'
    })
  })

  it('asks for them without a token too (Teak treats it as an opt-in), but not for an opt-out', () => {
    const bare = filledForm({ customer: emptyOrderForm().customer })
    expect(messages({ ...bare, token: '' })).toHaveProperty('customer.first_name')
    const optOut = { ...bare, token: quoteToken({ opt_in: false }) }
    expect(checkOrderForm(optOut).mode).toEqual({ kind: 'opt_out' })
    expect(messages(optOut)).toEqual({})
    expect(checkOrderForm(optOut).request?.customer).toBeUndefined()
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

  it('checks a partly filled customer field by field, even on an opt-out', () => {
    const form = filledForm({ token: quoteToken({ opt_in: false }) })
    form.customer = { first_name: 'Jo', last_name: '', email: 'jo@', phone: '' }
    expect(messages(form)).toEqual({
      'customer.last_name': 'Last name is required.',
      'customer.email': 'Enter an email address like name@example.com.'
    })
  })

  it('lists problems in page order, for the error summary', () => {
    const form = emptyOrderForm()
    expect(checkOrderForm(form).problems.fields.map((p) => p.key)).toEqual([
      'order_number',
      'currency',
      'items.0.name',
      'items.0.reference_number',
      'items.0.cost',
      'items.0.event',
      'customer.first_name',
      'billing_address.address1'
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

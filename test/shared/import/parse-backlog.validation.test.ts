import { describe, expect, it } from 'vitest'
import { parseBacklog } from '../../../src/shared/import/parse-backlog'
import type { BacklogOptions, ParsedOrder } from '../../../src/shared/import/types'
import { backlogCsv, COLUMNS, quoteToken } from './csv-fixtures'

const NO_CUSTOMER = {
  customer_first_name: '',
  customer_last_name: '',
  customer_email: ''
}
const NO_BILLING = { billing_address1: '', billing_city: '', billing_zip_code: '', billing_country: '' }
const NO_EVENT = { event_name: '', event_start_date: '', event_start_time: '' }
const ITEM_EVENT_COLUMNS = ['item_event_name', 'item_event_start_date']

function orders(rows: Record<string, string>[], options?: BacklogOptions, columns?: string[]): ParsedOrder[] {
  const result = parseBacklog(backlogCsv(rows, { columns }), options)
  expect(result.fileErrors).toEqual([])
  return result.orders
}

const only = (rows: Record<string, string>[], options?: BacklogOptions, columns?: string[]) => {
  const parsed = orders(rows, options, columns)
  expect(parsed).toHaveLength(1)
  return parsed[0]
}

describe('parseBacklog validation names row, column, value and reason', () => {
  it.each(['1,234', '1.234'])(
    'warns about the cost %j with the same explanation, and keeps the order',
    (cost) => {
      const order = only([{}, { item_cost: cost, item_reference_number: 'T-2' }])
      expect(order.errors).toEqual([])
      expect(order.warnings).toEqual([
        {
          row: 3,
          column: 'item_cost',
          value: cost,
          message: `"${cost}" is ambiguous: Teak reads this as 1.234, not 1234. Write 1234 if that is what you mean. (assumption costLooksLikeThousands: a warning; the order is still sent)`
        }
      ])
      expect(order.request?.items[1].cost).toBe('1.234')
    }
  )

  it.each(['1,234', '1.234'])('refuses the cost %j where the assumption is set to block', (cost) => {
    const order = only([{ item_cost: cost }], { ruleLevels: { costLooksLikeThousands: 'block' } })
    expect(order.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'item_cost',
        message: expect.stringContaining('Teak reads this as 1.234, not 1234')
      })
    ])
    expect(order.warnings).toEqual([])
    expect(order.request).toBeUndefined()
  })

  it('reads a comma decimal cost as Teak does', () => {
    expect(only([{ item_cost: '123,99' }]).request?.items[0].cost).toBe('123.99')
  })

  it('refuses a date that does not exist', () => {
    const order = only([{ event_start_date: '2027-02-30' }])
    expect(order.errors).toEqual([
      {
        row: 2,
        column: 'event_start_date',
        value: '2027-02-30',
        message: 'Use a real date written YYYY-MM-DD (UTC), for example 2027-12-24.'
      }
    ])
    expect(order.request).toBeUndefined()
  })

  it('refuses an unknown currency', () => {
    expect(only([{ currency: 'XYZ' }]).errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'currency',
        value: 'XYZ',
        message: expect.stringMatching(/^Choose one of Teak's 25 currencies/)
      })
    ])
  })

  it('explains an empty required cell instead of "expected string"', () => {
    expect(only([{}, { item_cost: '', item_reference_number: 'T-2' }]).errors).toEqual([
      { row: 3, column: 'item_cost', value: '', message: 'No item_cost given: it is required.' }
    ])
  })

  it('warns about an empty item name (Teak does not say it is required), or refuses it when told to', () => {
    const row: Record<string, string>[] = [{}, { item_name: '', item_reference_number: 'T-2' }]
    const warned = only(row)
    expect(warned.errors).toEqual([])
    expect(warned.warnings).toEqual([
      {
        row: 3,
        column: 'item_name',
        value: '',
        message: 'No item name given. (assumption itemName: a warning; the order is still sent)'
      }
    ])
    expect(warned.request?.items[1]).toEqual({ reference_number: 'T-2', cost: '50.00' })
    expect(only(row, { ruleLevels: { itemName: 'block' } }).errors).toEqual([
      {
        row: 3,
        column: 'item_name',
        value: '',
        message: 'No item name given. (assumption itemName: set to block)'
      }
    ])
  })

  it('names a column of a partly filled object that the file lacks', () => {
    const columns = COLUMNS.filter((column) => column !== 'billing_city')
    expect(only([{}], {}, columns).warnings).toEqual([
      {
        row: 2,
        column: 'billing_city',
        value: '',
        message: 'No city given. (assumption billingStreetAndCity: a warning; the order is still sent)'
      }
    ])
  })

  it('checks a partly filled object whole', () => {
    expect(only([{ customer_last_name: '' }]).warnings).toEqual([
      {
        row: 2,
        column: 'customer_last_name',
        value: '',
        message: 'No last name given. (assumption customerName: a warning; the order is still sent)'
      }
    ])
  })

  it('sends a billing address without zip code, in a country without postcodes, with a warning', () => {
    const uae = { billing_city: 'Dubai', billing_zip_code: '', billing_country: 'ae' }
    const order = only([uae])
    expect(order.errors).toEqual([])
    expect(order.warnings).toEqual([
      {
        row: 2,
        column: 'billing_zip_code',
        value: '',
        message: 'No zip code given. (assumption billingZipCode: a warning; the order is still sent)'
      }
    ])
    expect(order.request?.billing_address).toEqual({ address1: '123 Main St', city: 'Dubai', country: 'AE' })
    expect(only([uae], { ruleLevels: { billingZipCode: 'off' } }).warnings).toEqual([])
    const blocked = only([uae], { ruleLevels: { billingZipCode: 'block' } })
    expect(blocked.errors.map((e) => e.column)).toEqual(['billing_zip_code'])
    expect(blocked.request).toBeUndefined()
  })

  it('warns about every undocumented rule a row breaks, each on its own cell', () => {
    const order = only([
      {
        customer_email: 'john@',
        billing_country: 'United Arab Emirates',
        event_start_time: '',
        event_start_date: ''
      }
    ])
    expect(order.errors.map((e) => e.column)).toEqual(['event_start_date'])
    expect(order.warnings.map((w) => [w.column, w.message.split(' (')[0]])).toEqual([
      ['billing_country', '"United Arab Emirates" is not a two-letter country code such as US or AE.'],
      ['customer_email', '"john@" does not look like name@example.com.']
    ])
  })

  it('refuses a malformed quote token on its cell', () => {
    expect(only([{ quote_token: 'not-a-token' }]).errors).toEqual([
      {
        row: 2,
        column: 'quote_token',
        value: 'not-a-token',
        message: 'This quote token is incomplete: it should be three parts separated by dots (xxx.yyy.zzz).'
      }
    ])
  })

  it('collects every problem of an order, sorted by row', () => {
    const order = only([
      { item_cost: 'abc', event_start_time: '25:00' },
      { item_reference_number: '', event_start_time: '25:00' }
    ])
    expect(order.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'event_start_time'],
      [2, 'item_cost']
    ])
    expect(order.warnings.map((e) => [e.row, e.column])).toEqual([[3, 'item_reference_number']])
  })
})

describe('parseBacklog quote tokens and opt-in requirements', () => {
  it('refuses an order without a quote token, as Teak would issue policies for it', () => {
    const order = only([{ quote_token: '' }])
    expect(order.errors).toEqual([
      {
        row: 2,
        column: 'quote_token',
        value: '',
        message:
          'This order has no quote token. Teak would process it as an opt-in and issue policies billed to you. Add the token the widget gave, or allow missing tokens as opt-ins for this import.'
      }
    ])
    expect(order.optIn).toBe(true)
  })

  it('accepts an order without a token as an opt-in when told to, labelled as such', () => {
    const order = only([{ quote_token: '' }], { missingTokenAsOptIn: true })
    expect(order.errors).toEqual([])
    expect(order.warnings).toEqual([
      {
        row: 2,
        column: 'quote_token',
        value: '',
        message:
          'no token — Teak treats this as opt-in (assumption missingTokenOptIn: a warning; the order is still sent)'
      }
    ])
    expect(order.optIn).toBe(true)
    expect(order.request?.token).toBeUndefined()
  })

  it('refuses a tokenless order even when told to accept them, where the assumption blocks', () => {
    const order = only([{ quote_token: '' }], {
      missingTokenAsOptIn: true,
      ruleLevels: { missingTokenOptIn: 'block' }
    })
    expect(order.errors.map((e) => [e.column, e.message])).toEqual([
      ['quote_token', 'no token — Teak treats this as opt-in (assumption missingTokenOptIn: set to block)']
    ])
  })

  it('still holds a tokenless opt-in to the opt-in requirements', () => {
    const order = only([{ quote_token: '', ...NO_CUSTOMER }], { missingTokenAsOptIn: true })
    expect(order.errors.map((e) => e.column)).toEqual(['customer_*'])
  })

  it('requires customer, billing address and an event for every item on opt-ins', () => {
    const bare = { ...NO_CUSTOMER, ...NO_BILLING, ...NO_EVENT }
    const order = only([bare, { ...bare, item_reference_number: 'T-2' }])
    expect(order.errors).toEqual([
      {
        row: 2,
        column: 'item_event_*',
        value: '',
        message: "Opt-in orders need an event for every item: set the order event or this item's own event."
      },
      { row: 2, column: 'customer_*', value: '', message: 'Opt-in orders need the customer.' },
      { row: 2, column: 'billing_*', value: '', message: 'Opt-in orders need the billing address.' },
      {
        row: 3,
        column: 'item_event_*',
        value: '',
        message: "Opt-in orders need an event for every item: set the order event or this item's own event."
      }
    ])
  })

  it('accepts item-level events in place of the order event', () => {
    const columns = [...COLUMNS, ...ITEM_EVENT_COLUMNS]
    const order = only(
      [
        { ...NO_EVENT, item_event_name: 'Day 1', item_event_start_date: '2027-07-01' },
        {
          ...NO_EVENT,
          item_event_name: 'Day 2',
          item_event_start_date: '2027-07-02',
          item_reference_number: 'T-2'
        }
      ],
      {},
      columns
    )
    expect(order.errors).toEqual([])
    expect(order.request?.event).toBeUndefined()
    expect(order.request?.items.map((item) => item.event)).toEqual([
      { name: 'Day 1', start_date: '2027-07-01' },
      { name: 'Day 2', start_date: '2027-07-02' }
    ])
  })

  it('lets opt-outs go without customer, billing address or event', () => {
    const order = only([
      { quote_token: quoteToken({ opt_in: false }), ...NO_CUSTOMER, ...NO_BILLING, ...NO_EVENT }
    ])
    expect(order.errors).toEqual([])
    expect(order.optIn).toBe(false)
    expect(order.request).toEqual({
      token: quoteToken({ opt_in: false }),
      order_number: 'A-1',
      currency: 'USD',
      items: [{ name: 'Ticket', reference_number: 'T-1', cost: '50.00' }],
      payment: { type: 'invoice' }
    })
  })

  it('treats a token without an opt_in claim as an opt-in, as Teak does', () => {
    const order = only([{ quote_token: quoteToken({ sub: 'quote' }), ...NO_CUSTOMER }])
    expect(order.optIn).toBe(true)
    expect(order.errors.map((e) => e.column)).toEqual(['customer_*'])
  })
})

describe('parseBacklog grouping', () => {
  it('groups rows of one order wherever they are, in order of first appearance', () => {
    const parsed = orders([
      { order_number: 'A-1', item_reference_number: 'T-1' },
      { order_number: 'B-1', item_reference_number: 'T-2' },
      { order_number: 'C-1', item_reference_number: 'T-3' },
      { order_number: 'A-1', item_reference_number: 'T-4' },
      { order_number: 'B-1', item_reference_number: 'T-5' }
    ])
    expect(parsed.map((o) => [o.orderNumber, o.rows, o.errors.length])).toEqual([
      ['A-1', [2, 5], 0],
      ['B-1', [3, 6], 0],
      ['C-1', [4], 0]
    ])
    expect(parsed[0].request?.items.map((item) => item.reference_number)).toEqual(['T-1', 'T-4'])
  })

  it('reports conflicting order-level values, naming both rows and the column', () => {
    const order = only([{}, {}, { customer_email: 'jane@example.com' }])
    expect(order.errors).toEqual([
      {
        row: 4,
        column: 'customer_email',
        value: 'jane@example.com',
        message:
          'Row 2 gives customer_email "john@example.com" for order A-1, but this row gives "jane@example.com". Rows of one order must agree on order-level columns (or leave them empty).'
      }
    ])
  })

  it('reports a conflict in a scattered order too', () => {
    const parsed = orders([{}, { order_number: 'B-1' }, { currency: 'EUR' }])
    expect(parsed[0].errors).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'currency',
        value: 'EUR',
        message: expect.stringMatching(/^Row 2 gives currency "USD"/)
      })
    ])
    expect(parsed[1].errors).toEqual([])
  })

  it('takes order-level values from whichever row gives them', () => {
    const order = only([
      { customer_email: '', currency: '' },
      { customer_email: 'john@example.com', currency: '' }
    ])
    // The email comes from row 3; the currency is given nowhere, which is reported on the order's first row.
    expect(order.errors).toEqual([expect.objectContaining({ row: 2, column: 'currency', value: '' })])
    const fixed = only([{ customer_email: '' }, { customer_email: 'john@example.com' }])
    expect(fixed.errors).toEqual([])
    expect(fixed.request?.customer?.email).toBe('john@example.com')
  })
})

describe('parseBacklog taxes_and_fees', () => {
  const columns = [...COLUMNS, 'taxes_and_fees']

  it("adds each item's share of the order's taxes and fees to its cost (the guide's example)", () => {
    const order = only(
      [{ taxes_and_fees: '15.00' }, { item_reference_number: 'T-2', taxes_and_fees: '15.00' }],
      {},
      columns
    )
    expect(order.request?.items.map((item) => item.cost)).toEqual(['57.50', '57.50'])
  })

  it('splits in proportion to cost with the documented rounding', () => {
    const order = only(
      [
        { taxes_and_fees: '1', item_cost: '10' },
        { item_reference_number: 'T-2', item_cost: '10' },
        { item_reference_number: 'T-3', item_cost: '10,00' }
      ],
      {},
      columns
    )
    expect(order.request?.items.map((item) => item.cost)).toEqual(['10.34', '10.33', '10.33'])
  })

  it('warns about a total that reads like thousands on its cell, and splits it as Teak would read it', () => {
    const order = only([{ taxes_and_fees: '1,500' }], {}, columns)
    expect(order.warnings).toEqual([
      {
        row: 2,
        column: 'taxes_and_fees',
        value: '1,500',
        message:
          '"1,500" is ambiguous: Teak reads this as 1.500, not 1500. Write 1500 if that is what you mean. (assumption costLooksLikeThousands: a warning; the order is still sent)'
      }
    ])
    expect(order.request?.items[0].cost).toBe('51.500')
    const blocked = only(
      [{ taxes_and_fees: '1.500' }],
      { ruleLevels: { costLooksLikeThousands: 'block' } },
      columns
    )
    expect(blocked.errors.map((e) => e.column)).toEqual(['taxes_and_fees'])
  })

  it('reports an item whose cost would grow past 12 characters', () => {
    const order = only(
      [
        { taxes_and_fees: '0.02', item_cost: '1' },
        { item_reference_number: 'T-2', item_cost: '999999999.99' }
      ],
      {},
      columns
    )
    expect(order.errors).toEqual([
      {
        row: 3,
        column: 'item_cost',
        value: '999999999.99',
        message:
          'With its share of taxes and fees, item 2 would cost 1000000000.01: 13 characters, but Teak accepts at most 12.'
      }
    ])
  })
})

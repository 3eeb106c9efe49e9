import { describe, expect, it } from 'vitest'
import { sentOrderOf } from '../../../src/renderer/src/lib/history/sent-order'
import { operation } from './support'

describe('what an order sent', () => {
  it('lists the latest submission’s order, event, customer, billing, payment and items with their events', () => {
    const request = {
      token: 'a.b.c',
      order_number: 'ORD-1',
      currency: 'USD',
      event: { name: 'Winter concert', start_date: '2027-12-24', start_time: '19:00' },
      items: [
        { name: 'Floor', reference_number: 'floor', cost: '100.00' },
        {
          name: 'Box',
          reference_number: 'box',
          cost: '80.00',
          event: { name: 'Matinee', start_date: '2027-12-25' }
        }
      ],
      customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
      billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'US' },
      payment: { type: 'invoice' }
    }
    const sent = sentOrderOf([
      operation({ id: 1, request: { order_number: 'ORD-1', currency: 'EUR' }, outcome: 'rejected' }),
      operation({ id: 2, request, outcome: 'created' }),
      operation({ id: 3, kind: 'void', request: null })
    ])!
    expect(sent.operation.id).toBe(2)
    expect(sent.sections.map((section) => section.title)).toEqual([
      'Order',
      'Event',
      'Customer',
      'Billing address',
      'Payment'
    ])
    expect(sent.sections[0]!.fields).toEqual([
      ['Quote token', 'given (kept in the request below)'],
      ['Order number', 'ORD-1'],
      ['Currency', 'USD']
    ])
    expect(sent.sections[1]!.fields).toContainEqual(['Start time (UTC)', '19:00'])
    expect(sent.sections[3]!.fields).toContainEqual(['Zip code', '85020'])
    expect(sent.items[0]).toEqual({ name: 'Floor', referenceNumber: 'floor', cost: '100.00', event: [] })
    expect(sent.items[1]!.event).toEqual([
      ['Name', 'Matinee'],
      ['Start date (UTC)', '2027-12-25']
    ])
  })

  it('is null without a journaled submission body', () => {
    expect(sentOrderOf([operation({ id: 1, request: null })])).toBeNull()
    expect(sentOrderOf([])).toBeNull()
  })
})

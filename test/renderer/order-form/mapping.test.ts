import { describe, expect, it } from 'vitest'
import { emptyOrderForm } from '../../../src/renderer/src/lib/order-form/form-state'
import { toOrderInput } from '../../../src/renderer/src/lib/order-form/to-order-input'
import { filledForm, quoteToken } from './support'

describe('form → order input', () => {
  it('leaves blank fields and all-blank groups out, and trims what was typed', () => {
    const form = emptyOrderForm()
    form.order_number = '  A-1 '
    form.items[0].cost = ' 12 '
    form.payment = 'none'
    expect(toOrderInput(form)).toEqual({
      order_number: 'A-1',
      currency: '',
      items: [{ cost: '12' }]
    })
  })

  it('sends only the filled fields of a partly filled group: which it needs is for the assumptions to say', () => {
    const form = emptyOrderForm()
    form.event.name = 'Concert'
    form.customer.email = 'jo@example.com'
    form.billing_address.country = 'US'
    const input = toOrderInput(form)
    expect(input.event).toEqual({ name: 'Concert' })
    expect(input.customer).toEqual({ email: 'jo@example.com' })
    expect(input.billing_address).toEqual({ country: 'US' })
  })

  it('sends no event for an item that inherits the order event, even with leftover event fields', () => {
    const form = filledForm()
    form.items[1].ownEvent = false
    expect(toOrderInput(form).items[1]).toEqual({
      name: 'Ticket 2',
      reference_number: 'T-2',
      cost: '1234,99'
    })
  })

  it('sends an empty own event as {} so the schema reports what it lacks at the item', () => {
    const form = emptyOrderForm()
    form.items[0].ownEvent = true
    expect(toOrderInput(form).items[0].event).toEqual({})
  })

  it('maps the whole form, with the token, the payment type and the item event', () => {
    const token = quoteToken({ opt_in: true })
    expect(toOrderInput(filledForm())).toEqual({
      token,
      order_number: 'A-1001',
      currency: 'USD',
      event: { name: 'Awesome Event', start_date: '2027-12-24', start_time: '12:00', location: 'Phoenix' },
      items: [
        { name: 'Ticket 1', reference_number: 'T-1', cost: '50' },
        {
          name: 'Ticket 2',
          reference_number: 'T-2',
          cost: '1234,99',
          event: { name: 'After party', start_date: '2027-12-25' }
        }
      ],
      customer: { first_name: 'Jo', last_name: 'Doe', email: 'jo@example.com' },
      billing_address: {
        address1: '123 Main St',
        city: 'Phoenix',
        state: 'AZ',
        zip_code: '85020',
        country: 'us'
      },
      payment: { type: 'invoice' }
    })
  })
})

import { emptyOrderForm, type OrderForm } from '../../../src/renderer/src/lib/order-form/form-state'

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** An unsigned compact JWT with these claims: the workbench only reads claims, it never checks signatures. */
export function quoteToken(claims: Record<string, unknown>): string {
  return `${base64Url({ alg: 'HS256', typ: 'JWT' })}.${base64Url(claims)}.c2lnbmF0dXJl`
}

/** A complete opt-in order as a person would type it: two items, the second with its own event. */
export function filledForm(overrides: Partial<OrderForm> = {}): OrderForm {
  const form = emptyOrderForm()
  return {
    ...form,
    token: quoteToken({ opt_in: true }),
    order_number: ' A-1001 ',
    currency: 'usd',
    event: {
      ...form.event,
      name: 'Awesome Event',
      start_date: '2027-12-24',
      start_time: '12:00',
      location: 'Phoenix'
    },
    items: [
      { ...form.items[0], name: 'Ticket 1', reference_number: 'T-1', cost: '50' },
      {
        ...form.items[0],
        key: 'second',
        name: 'Ticket 2',
        reference_number: 'T-2',
        cost: '1234,99',
        ownEvent: true,
        event: { ...form.event, name: 'After party', start_date: '2027-12-25' }
      }
    ],
    customer: { first_name: 'Jo', last_name: 'Doe', email: 'jo@example.com', phone: '' },
    billing_address: {
      address1: '123 Main St',
      address2: '',
      city: 'Phoenix',
      state: 'AZ',
      zip_code: '85020',
      country: 'us'
    },
    ...overrides
  }
}

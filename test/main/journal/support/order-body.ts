import type { OrderRequest } from '../../../../src/shared/teak/order-request'

/** An opt-in order body as the client sends it (contract-notes §4.6), with two items. */
export function orderBody(orderNumber: string, overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    token: 'quote.token.opt-in',
    order_number: orderNumber,
    currency: 'USD',
    event: { name: 'Awesome Event', start_date: '2027-12-24', start_time: '12:00' },
    customer: { first_name: 'Zoë', last_name: 'Quigley', email: 'zoe.quigley@example.org' },
    billing_address: {
      address1: '123 Main St',
      city: 'Phoenix',
      zip_code: '85020',
      state: 'AZ',
      country: 'US'
    },
    items: [
      { name: 'Floor ticket', reference_number: `${orderNumber}-FLOOR`, cost: '57.50' },
      { name: 'Balcony ticket', reference_number: `${orderNumber}-BALCONY`, cost: '42.00' }
    ],
    payment: { type: 'invoice' },
    ...overrides
  }
}

import { describe, expect, it } from 'vitest'
import { decodeDraft, encodeDraft } from '../../../src/renderer/src/lib/order-form/draft'
import { formFromRequest } from '../../../src/renderer/src/lib/order-form/from-request'
import { toOrderInput } from '../../../src/renderer/src/lib/order-form/to-order-input'
import { orderInputSchema, type OrderRequest } from '../../../src/shared/teak/order-request'
import { filledForm, quoteToken } from './support'

const FULL: OrderRequest = orderInputSchema.parse({
  token: quoteToken({ opt_in: true }),
  order_number: 'order-01',
  currency: 'EUR',
  event: {
    name: 'Awesome Event',
    start_date: '2027-12-24',
    start_time: '12:00',
    end_date: '2027-12-25',
    end_time: '16:30',
    location: 'Test Location'
  },
  customer: { first_name: 'John', last_name: 'Doe', email: 'john@example.com', phone: '5555555555' },
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
    {
      name: 'Item 2',
      reference_number: 'test-item-2',
      cost: '100.5',
      event: { name: 'Another Awesome Event', end_date: '2027-01-01' }
    }
  ],
  payment: { type: 'invoice' }
})

const MINIMAL: OrderRequest = orderInputSchema.parse({
  order_number: 'opt-out-7',
  currency: 'JPY',
  items: [{ name: 'Seat', reference_number: 'S-7', cost: '1200' }]
})

describe('prefill from a sent request ("Correct and resend")', () => {
  it.each([
    ['the full example request', FULL],
    ['a request with only the required fields', MINIMAL]
  ])('round-trips %s: form → input → wire body is the request again', (_, request) => {
    expect(orderInputSchema.parse(toOrderInput(formFromRequest(request)))).toEqual(request)
  })

  it('shows which items have their own event', () => {
    const form = formFromRequest(FULL)
    expect(form.items.map((item) => item.ownEvent)).toEqual([false, true])
    expect(form.items[1].event).toMatchObject({
      name: 'Another Awesome Event',
      start_date: '',
      end_date: '2027-01-01'
    })
    expect(formFromRequest(MINIMAL)).toMatchObject({
      token: '',
      payment: 'none',
      customer: { first_name: '' }
    })
  })
})

describe('drafts', () => {
  it('reads back what it wrote, correction included', () => {
    const draft = {
      form: filledForm(),
      correcting: { environmentId: 'local', supersedes: 4, orderNumber: 'A-1001' }
    }
    expect(decodeDraft(encodeDraft(draft))).toEqual(draft)
  })

  it('refuses text it cannot use instead of half-restoring it', () => {
    expect(decodeDraft('{')).toBeNull()
    expect(decodeDraft(JSON.stringify({ version: 2, form: filledForm(), correcting: null }))).toBeNull()
    const noItems = { version: 1, form: { ...filledForm(), items: [] }, correcting: null }
    expect(decodeDraft(JSON.stringify(noItems))).toBeNull()
  })
})

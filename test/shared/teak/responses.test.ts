import { describe, expect, it } from 'vitest'
import {
  authTokenResponseSchema,
  cancelResultSchema,
  decodedQuoteSchema,
  orderResponseSchema,
  voidResultSchema
} from '../../../src/shared/teak/responses'

/** The PATCH response of the Upgrade/Downgrade/Exchange guide (contract-notes §5.2), verbatim. */
const DOCUMENTED_ORDER = {
  created: '2024-03-14T23:08:11.955044Z',
  updated: '2024-03-14T23:08:12.911919Z',
  order_number: 'original-order-id',
  subtotal: '500.00',
  currency: 'USD',
  protecht_order_id: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d',
  items: [
    {
      id: 'itm_166f8BxY',
      name: 'New upgraded item',
      reference_number: 'c199726a-0085-4cf0-a60c-9196707ea384',
      cost: '200.00',
      customer: { id: 'cus_DgLUIwE7', email: 'cool@example.com', first_name: 'cool', last_name: 'guy' },
      event: {
        id: 'evnt_7eFvtQNh',
        name: 'Event 1',
        start_date: '2022-04-30',
        start_time: '00:00:00',
        end_date: null,
        end_time: null,
        location: 'Test Location'
      },
      event_id: 'evnt_7eFvtQNh'
    }
  ],
  customer: { id: 'cus_DgLUIwE7', email: 'cool@example.com', first_name: 'cool', last_name: 'guy' },
  client: 'cl_HX5tUe9m',
  policies: [
    {
      policy_number: 'ORAAS-JOD9XSWD8B',
      policy_number_new: '54474653-0000-0000-046d-169629d235ec',
      currency: 'USD',
      premium: '3.00',
      coverage_amount: '3.00',
      item: {
        id: 'itm_166f8BxY',
        name: 'New upgraded item',
        reference_number: 'c199726a-0085-4cf0-a60c-9196707ea384',
        cost: '300.00'
      }
    }
  ]
}

/** The decode example of "Decoding/Validating the Quote" (contract-notes §3.3), verbatim. */
const DOCUMENTED_QUOTE = {
  reference_number: 'top-level-reference-12345',
  currency: 'USD',
  items: [
    {
      cost: '250.00',
      premium: '21.25',
      reference_number: 'item-level-reference-12345',
      event: { name: 'Event Name', start_date: '2024-09-14', start_time: '12:30:00' }
    },
    {
      cost: '100.00',
      premium: '8.50',
      reference_number: 'item-level-reference-67890',
      event: { name: 'Event Name', start_date: '2024-09-14', start_time: '12:30:00' }
    }
  ],
  subtotal: '29.75'
}

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? []

describe('orderResponseSchema', () => {
  it('accepts the documented order and keeps fields it does not check', () => {
    const parsed = orderResponseSchema.parse(DOCUMENTED_ORDER)
    expect(parsed).toEqual(DOCUMENTED_ORDER)
    expect(parsed.items[0]).toHaveProperty('customer.first_name', 'cool')
  })

  it('keeps unknown fields at every level', () => {
    const withExtras = {
      ...DOCUMENTED_ORDER,
      new_top_level: 1,
      policies: [{ ...DOCUMENTED_ORDER.policies[0], status: 'Issued', claim_url: 'x' }]
    }
    const parsed = orderResponseSchema.parse(withExtras)
    expect(parsed).toHaveProperty('new_top_level', 1)
    expect(parsed.policies[0]).toMatchObject({ status: 'Issued', claim_url: 'x' })
  })

  it('accepts a null customer and items without an event', () => {
    const { event: _event, event_id: _eventId, ...bareItem } = DOCUMENTED_ORDER.items[0]
    expect(
      orderResponseSchema.safeParse({ ...DOCUMENTED_ORDER, customer: null, items: [bareItem] }).success
    ).toBe(true)
  })

  it.each([
    ['order_number', { order_number: undefined }],
    ['protecht_order_id', { protecht_order_id: '' }],
    ['subtotal', { subtotal: 500 }],
    ['subtotal', { subtotal: '1,234.00' }],
    ['created', { created: 'yesterday' }],
    ['policies', { policies: undefined }],
    ['items', { items: {} }]
  ])('refuses a bad %s', (path, change) => {
    expect(issuePaths(orderResponseSchema.safeParse({ ...DOCUMENTED_ORDER, ...change }))).toContain(path)
  })

  it.each([
    ['policies.0.premium', { premium: 'three' }],
    ['policies.0.policy_number', { policy_number: undefined }],
    ['policies.0.policy_number_new', { policy_number_new: undefined }],
    ['policies.0.coverage_amount', { coverage_amount: null }],
    ['policies.0.item.reference_number', { item: { cost: '1.00' } }]
  ])('refuses a policy with a bad field (%s)', (path, change) => {
    const order = { ...DOCUMENTED_ORDER, policies: [{ ...DOCUMENTED_ORDER.policies[0], ...change }] }
    expect(issuePaths(orderResponseSchema.safeParse(order))).toContain(path)
  })

  it.each([
    ['hh:mm:ss', '12:30:00', true],
    ['hh:mm', '12:30', true],
    ['null', null, true],
    ['a 25th hour', '25:00:00', false],
    ['a word', 'noon', false]
  ])('event times: %s', (_label, time, ok) => {
    const item = {
      ...DOCUMENTED_ORDER.items[0],
      event: { ...DOCUMENTED_ORDER.items[0].event, start_time: time }
    }
    expect(orderResponseSchema.safeParse({ ...DOCUMENTED_ORDER, items: [item] }).success).toBe(ok)
  })
})

describe('decodedQuoteSchema', () => {
  it('accepts the documented decode response', () => {
    expect(decodedQuoteSchema.parse(DOCUMENTED_QUOTE)).toEqual(DOCUMENTED_QUOTE)
  })

  it('accepts null echoes and keeps unknown fields', () => {
    const item = {
      ...DOCUMENTED_QUOTE.items[0],
      event: { name: null, start_date: null, end_time: null },
      extra: true
    }
    const parsed = decodedQuoteSchema.parse({ ...DOCUMENTED_QUOTE, items: [item], opt_in: false })
    expect(parsed).toHaveProperty('opt_in', false)
    expect(parsed.items[0]).toHaveProperty('extra', true)
  })

  it('refuses a quote without premiums or subtotal', () => {
    const { premium: _premium, ...noPremium } = DOCUMENTED_QUOTE.items[0]
    expect(issuePaths(decodedQuoteSchema.safeParse({ ...DOCUMENTED_QUOTE, items: [noPremium] }))).toEqual([
      'items.0.premium'
    ])
    expect(issuePaths(decodedQuoteSchema.safeParse({ ...DOCUMENTED_QUOTE, subtotal: undefined }))).toEqual([
      'subtotal'
    ])
  })
})

describe('small responses', () => {
  it('auth: needs a non-empty token', () => {
    expect(authTokenResponseSchema.parse({ token: 'a.b.c', expires: 1 })).toEqual({
      token: 'a.b.c',
      expires: 1
    })
    expect(authTokenResponseSchema.safeParse({ token: '' }).success).toBe(false)
    expect(authTokenResponseSchema.safeParse({ access_token: 'a.b.c' }).success).toBe(false)
  })

  it('void: the documented example', () => {
    const documented = { status: 'Voided', void_date: '2024-03-05T21:30:26.757759Z' }
    expect(voidResultSchema.parse(documented)).toEqual(documented)
    expect(voidResultSchema.safeParse({ status: 'Voided' }).success).toBe(false)
  })

  it('cancel: only status is known, the rest is kept', () => {
    const answer = { status: 'Canceled', cancel_date: '2024-03-05T21:30:26.757759Z' }
    expect(cancelResultSchema.parse(answer)).toEqual(answer)
    expect(cancelResultSchema.safeParse({ cancel_date: 'x' }).success).toBe(false)
  })
})

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  decodedQuoteSchema,
  orderResponseSchema,
  type DecodedQuote,
  type TeakOrder
} from '../../src/shared/teak/responses'
import { DEFAULT_ASSUMPTIONS as WIRE_DEFAULTS } from '../../src/shared/teak/assumptions'
import {
  DEFAULT_ASSUMPTIONS,
  strictAssumptions,
  type RunningSandbox,
  type StoredOrder
} from '../../src/sandbox'
import { errorsOf, exampleOrder, helper, startTestSandbox, type Partner } from './support'

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('creating orders (contract-notes §4, §10)', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  const create = (body: unknown, path = '/api/v2/orders') => partner.call<TeakOrder>('POST', path, body)
  const storedOrders = async () =>
    (await helper<{ orders: StoredOrder[] }>(sandbox, 'GET', '/orders')).body.orders
  const withCosts = (...costs: string[]) => ({
    ...exampleOrder(),
    items: costs.map((cost, i) => ({ name: `Ticket ${i}`, reference_number: `ticket-${i}`, cost }))
  })

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox()))
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  it('answers an opt-in with 201 and the order in the shape of the PATCH example (§5.2)', async () => {
    const token = sandbox.mintQuoteToken({ opt_in: true })
    const reply = await create({ token, ...exampleOrder() })
    expect(reply.status).toBe(201)
    const order = orderResponseSchema.parse(reply.body)
    expect(order.created).toMatch(TIMESTAMP)
    expect(order.updated).toBe(order.created)
    expect(order.protecht_order_id).toMatch(UUID)
    expect(order.client).toMatch(/^cl_[A-Za-z0-9]{8}$/)
    expect(order.customer).toEqual({
      id: expect.stringMatching(/^cus_[A-Za-z0-9]{8}$/),
      email: 'john.doe@example.com',
      first_name: 'John',
      last_name: 'Doe'
    })
    expect(order.subtotal).toBe('150.00')
    expect(order.items[0]).toEqual({
      id: expect.stringMatching(/^itm_[A-Za-z0-9]{8}$/),
      name: 'Item 1',
      reference_number: 'test-item-1',
      cost: '50.00',
      customer: order.customer,
      event: {
        id: order.items[0].event_id,
        name: 'Awesome Event',
        start_date: '2027-12-24',
        start_time: '12:00:00',
        end_date: '2027-12-25',
        end_time: '16:30:00',
        location: 'Test Location'
      },
      event_id: expect.stringMatching(/^evnt_[A-Za-z0-9]{8}$/)
    })
    expect(order.policies).toHaveLength(2)
    order.policies.forEach((policy, i) => {
      expect(policy.policy_number).toMatch(/^[A-Z]{5}-[A-Z0-9]{10}$/)
      expect(policy.policy_number_new).toMatch(UUID)
      expect(policy.status).toBe('Issued')
      expect(policy.currency).toBe('USD')
      expect(policy.item).toEqual({
        id: order.items[i].id,
        name: order.items[i].name,
        reference_number: order.items[i].reference_number,
        cost: order.items[i].cost
      })
    })
    // coverage_amount equals the premium, as in the docs' one example (assumption coverageAmount).
    expect(order.policies.map((p) => [p.premium, p.coverage_amount])).toEqual([
      ['4.25', '4.25'],
      ['8.50', '8.50']
    ])
  })

  it('echoes unset event fields as null', async () => {
    const body = {
      ...exampleOrder(),
      event: { start_date: '2027-12-24' },
      items: [{ name: 'A', reference_number: 'a', cost: '5' }]
    }
    const reply = await create(body)
    expect(reply.body.items[0].event).toMatchObject({
      name: null,
      start_time: null,
      end_date: null,
      end_time: null,
      location: null
    })
  })

  it('answers an opt-out with 204, an empty body and no records at all', async () => {
    const token = sandbox.mintQuoteToken({ opt_in: false })
    const reply = await create({ token, ...exampleOrder() })
    expect(reply.status).toBe(204)
    expect(reply.text).toBe('')
    expect(await storedOrders()).toEqual([])
    expect(JSON.stringify(sandbox.orders())).not.toContain('John')
  })

  it('still validates an opt-out body', async () => {
    const token = sandbox.mintQuoteToken({ opt_in: false })
    const reply = await create({ token, ...exampleOrder(), currency: 'XYZ' })
    expect(reply.status).toBe(400)
  })

  it('processes an order without a quote token as an opt-in (documented)', async () => {
    const reply = await create(exampleOrder())
    expect(reply.status).toBe(201)
    const [stored] = await storedOrders()
    expect(stored.order_number).toBe('order-number-in-my-system-01')
    expect(stored.policies.map((p) => p.status)).toEqual(['Issued', 'Issued'])
  })

  it('refuses a second order with the same order number (409) and keeps the first unchanged', async () => {
    expect((await create(exampleOrder())).status).toBe(201)
    const before = sandbox.orders()
    const duplicate = await create({
      ...exampleOrder(),
      items: [{ name: 'X', reference_number: 'x', cost: '1' }]
    })
    expect(duplicate.status).toBe(409)
    expect(errorsOf(duplicate)).toEqual([
      {
        reason: 'DuplicateOrderNumber',
        field: 'order_number',
        message:
          'Order number "order-number-in-my-system-01" already exists; order numbers must be unique per client.'
      }
    ])
    expect(sandbox.orders()).toEqual(before)
  })

  it('prices each policy at 8.5 % of its cost, rounded half-up to the cent (assumption premiumRate)', async () => {
    const reply = await create(withCosts('1', '0.10', '0.05', '57.50', '99999999.99'))
    expect(reply.body.policies.map((p) => p.premium)).toEqual(['0.09', '0.01', '0.00', '4.89', '8500000.00'])
    expect(reply.body.subtotal).toBe('100000058.64')

    sandbox.setAssumptions({ premiumRate: '0.1', coverageAmount: 'cost' })
    const repriced = await create({ ...withCosts('12.34'), order_number: 'other' })
    expect(repriced.body.policies[0]).toMatchObject({ premium: '1.23', coverage_amount: '12.34' })
  })

  it('tolerates a trailing slash unless trailingSlashOptional is switched off', async () => {
    expect((await create(exampleOrder('a'), '/api/v2/orders/')).status).toBe(201)
    sandbox.setAssumptions({ trailingSlashOptional: false })
    const reply = await create(exampleOrder('b'), '/api/v2/orders/')
    expect(reply.status).toBe(404)
    expect(errorsOf(reply)).toEqual([expect.objectContaining({ reason: 'NotFound' })])
    expect((await create(exampleOrder('b'))).status).toBe(201)
  })

  it.each([
    ['as_documented', '/api/v2/orders', '/api/v2/orders/'],
    ['always', '/api/v2/orders/', '/api/v2/orders'],
    ['never', '/api/v2/orders', '/api/v2/orders/']
  ] as const)(
    'serves only one form of each path when strict: pathSlashes %s',
    async (form, served, refused) => {
      sandbox.setAssumptions(strictAssumptions({ ...WIRE_DEFAULTS, trailingSlash: form }))
      expect((await create(exampleOrder('refused'), refused)).status).toBe(404)
      expect((await create(exampleOrder('served'), served)).status).toBe(201)
    }
  )

  it('counts the 255-character limit in code points, as the client does', async () => {
    const ticket = '🎫'.repeat(255)
    const fits = await create({ ...exampleOrder(ticket) })
    expect(fits.status).toBe(201)
    const refused = await create({ ...exampleOrder(`${ticket}x`) })
    expect(errorsOf(refused)).toEqual([
      expect.objectContaining({
        field: 'order_number',
        reason: 'TooLong',
        message: 'order_number is 256 characters long; at most 255 are allowed.'
      })
    ])
  })

  it('answers with the status chosen by successStatuses.createOrder', async () => {
    sandbox.setAssumptions({ successStatuses: { ...DEFAULT_ASSUMPTIONS.successStatuses, createOrder: 200 } })
    expect((await create(exampleOrder())).status).toBe(200)
  })

  it('requires customer, billing address and item events on opt-ins when requireOptInDetails is on', async () => {
    const bare = {
      order_number: 'bare',
      currency: 'USD',
      items: [{ name: 'A', reference_number: 'a', cost: '5' }]
    }
    expect((await create(bare)).status).toBe(201)
    sandbox.setAssumptions({ requireOptInDetails: true })
    const refused = await create({ ...bare, order_number: 'bare-2' })
    expect(refused.status).toBe(400)
    expect(errorsOf(refused).map((e) => e.field)).toEqual(['customer', 'billing_address', 'items[0].event'])
    const optOut = sandbox.mintQuoteToken({ opt_in: false })
    expect((await create({ ...bare, order_number: 'bare-3', token: optOut })).status).toBe(204)
  })
})

describe('GET /api/v2/quote/decode (contract-notes §3.3)', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  const decode = (token: string) =>
    partner.call<DecodedQuote>('GET', `/api/v2/quote/decode?token=${encodeURIComponent(token)}`)

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox()))
  afterAll(() => sandbox.close())

  it('reproduces the documented example: premiums at 8.5 % and subtotal = Σ premium', async () => {
    const event = { name: 'Event Name', start_date: '2024-09-14', start_time: '12:30' }
    const token = sandbox.mintQuoteToken({
      opt_in: true,
      reference_number: 'top-level-reference-12345',
      currency: 'USD',
      items: [
        { reference_number: 'item-level-reference-12345', cost: '250.00', event },
        { reference_number: 'item-level-reference-67890', cost: '100', event }
      ]
    })
    const reply = await decode(token)
    expect(reply.status).toBe(200)
    const echoed = {
      name: 'Event Name',
      start_date: '2024-09-14',
      start_time: '12:30:00',
      end_date: null,
      end_time: null,
      location: null
    }
    expect(decodedQuoteSchema.parse(reply.body)).toEqual({
      reference_number: 'top-level-reference-12345',
      currency: 'USD',
      items: [
        { cost: '250.00', premium: '21.25', reference_number: 'item-level-reference-12345', event: echoed },
        { cost: '100.00', premium: '8.50', reference_number: 'item-level-reference-67890', event: echoed }
      ],
      subtotal: '29.75'
    })
  })

  it('decodes tokens minted through POST /__sandbox/quote-token, opt-out ones included', async () => {
    const minted = await helper<{ token: string }>(sandbox, 'POST', '/quote-token', {
      opt_in: false,
      items: [{ reference_number: 'r', cost: '123,99' }]
    })
    expect(minted.status).toBe(200)
    const reply = await decode(minted.body.token)
    expect(reply.body).toMatchObject({
      currency: 'USD',
      items: [{ cost: '123.99', premium: '10.54' }],
      subtotal: '10.54'
    })
  })

  it('refuses a malformed or foreign token, and a missing one, with 400', async () => {
    const authToken = await partner.token()
    for (const token of ['not-a-jwt', authToken]) {
      const reply = await decode(token)
      expect(reply.status).toBe(400)
      expect(errorsOf(reply)).toEqual([
        expect.objectContaining({ reason: 'InvalidQuoteToken', field: 'token' })
      ])
    }
    const missing = await partner.call('GET', '/api/v2/quote/decode')
    expect(errorsOf(missing)).toEqual([expect.objectContaining({ reason: 'Required', field: 'token' })])
  })

  it('refuses a bad quote-token request with the field at fault', async () => {
    const reply = await helper(sandbox, 'POST', '/quote-token', {
      opt_in: 'yes',
      items: [{ reference_number: 'r', cost: '1,234.5' }]
    })
    expect(reply.status).toBe(400)
    expect(errorsOf(reply).map((e) => e.field)).toEqual(['opt_in', 'items[0].cost'])
  })
})

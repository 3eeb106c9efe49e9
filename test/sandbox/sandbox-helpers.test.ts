import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TeakOrder } from '../../src/shared/teak/responses'
import {
  DEFAULT_ASSUMPTIONS,
  DEMO_KEYS,
  type RequestLogEntry,
  type RunningSandbox,
  type StoredOrder
} from '../../src/sandbox'
import { errorsOf, exampleOrder, helper, startTestSandbox, type Partner } from './support'

describe('/__sandbox helpers', () => {
  let sandbox: RunningSandbox
  let partner: Partner

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox()))
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  it('logs every Teak call by method, path, status and time, without keys or tokens', async () => {
    const authToken = await partner.token()
    const quoteToken = sandbox.mintQuoteToken({
      opt_in: true,
      items: [{ reference_number: 'r', cost: '10' }]
    })
    await partner.call('GET', `/api/v2/quote/decode?token=${quoteToken}`)
    await partner.call('POST', '/api/v2/orders', { token: quoteToken, ...exampleOrder() })
    await fetch(`${sandbox.url}/api/v2/orders`, {
      method: 'POST',
      headers: { Authorization: `JWT ${authToken}x` }
    })

    const { body } = await helper<{ requests: RequestLogEntry[] }>(sandbox, 'GET', '/requests')
    expect(body.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/api/v2/auth/token/', 200],
      ['POST', '/api/v2/auth/token/', 200],
      ['GET', '/api/v2/quote/decode', 200],
      ['POST', '/api/v2/auth/token/', 200],
      ['POST', '/api/v2/orders', 201],
      ['POST', '/api/v2/orders', 401]
    ])
    expect(body.requests[0]).toEqual({
      method: 'POST',
      path: '/api/v2/auth/token/',
      status: 200,
      fault: null,
      time: expect.stringMatching(/\.\d{6}Z$/),
      durationMs: expect.any(Number)
    })
    const text = JSON.stringify(body)
    for (const secret of [
      DEMO_KEYS.secretKey,
      DEMO_KEYS.publicKey,
      authToken,
      quoteToken,
      authToken.split('.')[2]
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(sandbox.requests()).toEqual(body.requests)
  })

  it('does not log helper calls', async () => {
    await helper(sandbox, 'GET', '/orders')
    await helper(sandbox, 'POST', '/quote-token', { opt_in: true })
    expect(sandbox.requests()).toEqual([])
  })

  it('lists every stored order with its policies', async () => {
    const created = (await partner.call<TeakOrder>('POST', '/api/v2/orders', exampleOrder())).body
    const { body } = await helper<{ orders: StoredOrder[] }>(sandbox, 'GET', '/orders')
    expect(body.orders).toHaveLength(1)
    expect(body.orders[0]).toMatchObject({
      order_number: created.order_number,
      protecht_order_id: created.protecht_order_id
    })
    expect(body.orders[0].policies.map((p) => [p.policy_number, p.status])).toEqual(
      created.policies.map((p) => [p.policy_number, 'Issued'])
    )
    expect(sandbox.orders()).toEqual(body.orders)
  })

  it('hands out copies: changing what orders() returned changes nothing stored', async () => {
    await partner.call('POST', '/api/v2/orders', exampleOrder())
    sandbox.orders()[0].policies[0].status = 'Tampered'
    expect(sandbox.orders()[0].policies[0].status).toBe('Issued')
  })

  it('reads and switches assumptions over HTTP, refusing unknown keys and bad values', async () => {
    expect((await helper(sandbox, 'GET', '/assumptions')).body).toEqual(DEFAULT_ASSUMPTIONS)
    const switched = await helper(sandbox, 'PUT', '/assumptions', {
      lookPeriodDays: 7,
      canceledStatus: 'Cancelled'
    })
    expect(switched.body).toMatchObject({
      lookPeriodDays: 7,
      canceledStatus: 'Cancelled',
      premiumRate: '0.085'
    })
    const refused = await helper(sandbox, 'PUT', '/assumptions', { premiumRate: '8.5%', lookPeriod: 3 })
    expect(refused.status).toBe(400)
    expect(errorsOf(refused).map((e) => e.field)).toEqual(expect.arrayContaining(['premiumRate']))
    expect((await helper(sandbox, 'GET', '/assumptions')).body).toMatchObject({ lookPeriodDays: 7 })
  })

  it('resets orders, request log, clock, faults and assumptions', async () => {
    await partner.call('POST', '/api/v2/orders', exampleOrder())
    sandbox.setAssumptions({ lookPeriodDays: 1 })
    sandbox.setFaults({ latencyMs: 5 })
    sandbox.advanceClock(10 * 24 * 60 * 60 * 1000)
    expect((await helper(sandbox, 'POST', '/reset')).status).toBe(204)
    expect(sandbox.orders()).toEqual([])
    expect(sandbox.requests()).toEqual([])
    expect((await helper(sandbox, 'GET', '/assumptions')).body).toEqual(DEFAULT_ASSUMPTIONS)
    expect((await helper(sandbox, 'GET', '/faults')).body).toMatchObject({ latencyMs: 0 })
    const before = Date.now()
    const { body } = await helper<{ now: string }>(sandbox, 'GET', '/clock')
    expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(body.now)).toBeLessThanOrEqual(Date.now())
    expect((await partner.call('POST', '/api/v2/orders', exampleOrder())).status).toBe(201)
  })

  it('answers 404 for an unknown helper, never touching /api', async () => {
    const reply = await helper(sandbox, 'GET', '/nothing-here')
    expect(reply.status).toBe(404)
    expect(sandbox.requests()).toEqual([])
  })
})

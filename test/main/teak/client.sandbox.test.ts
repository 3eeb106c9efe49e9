import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { clientAssumptions } from '../../../src/main/orders/teak-client-for'
import { policyIdOf } from '../../../src/main/policies/teak-ids'
import {
  createTeakClient,
  type TeakClient,
  type TeakClientOptions,
  type TeakLogEntry
} from '../../../src/main/teak/client'
import { isTeakApiError, type TeakApiError } from '../../../src/main/teak/errors'
import {
  DEFAULT_ASSUMPTIONS,
  DEMO_KEYS,
  startSandbox,
  strictAssumptions,
  type RunningSandbox,
  type SandboxAssumptions
} from '../../../src/sandbox'
import { DEFAULT_ASSUMPTIONS as DEFAULT_SETTINGS } from '../../../src/shared/teak/assumptions'
import type { OrderRequest } from '../../../src/shared/teak/order-request'
import { rateLimitClock } from '../../support/rate-limit-clock'
import { waitFor } from '../../support/wait-for'

/**
 * The client against the local Teak sandbox over real loopback HTTP: every endpoint, every sandbox refusal.
 * The whole suite runs twice: against the lenient sandbox, which accepts either answer to each open question
 * of the wire format, and against the strict one, which accepts only the answer of the default settings
 * (auth path, trailing slashes, order and policy identifiers), as a real server would.
 */

const DAY_MS = 24 * 60 * 60 * 1000
const SANDBOXES: [string, Partial<SandboxAssumptions>][] = [
  ['lenient', {}],
  ['strict', strictAssumptions(DEFAULT_SETTINGS)]
]

const AUTH_PATH = '/api/v2/auth/token/'

/** Resolves once the client has `count` tokens answered (its log hook sees each), such as one minted ahead. */
const minted = (teak: { logs: TeakLogEntry[] }, count: number) =>
  waitFor(
    `${count} tokens minted`,
    () => teak.logs.filter((entry) => entry.path === AUTH_PATH && entry.status === 200).length >= count
  )

describe.each(SANDBOXES)('against the %s sandbox', (kind, startingAssumptions) => {
  let sandbox: RunningSandbox
  const clients: TeakClient[] = []
  const rateClock = rateLimitClock()

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, assumptions: startingAssumptions, rateLimitClock: rateClock.now })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => sandbox.reset())
  afterEach(() => {
    for (const client of clients.splice(0)) client.close()
  })

  function client(options: Partial<TeakClientOptions> = {}): TeakClient & { logs: TeakLogEntry[] } {
    const logs: TeakLogEntry[] = []
    const created = createTeakClient({
      ...clientAssumptions(DEFAULT_SETTINGS),
      baseUrl: sandbox.url,
      credentials: DEMO_KEYS,
      log: (entry) => logs.push(entry),
      ...options
    })
    clients.push(created)
    return Object.assign(created, { logs })
  }

  function order(orderNumber: string, optIn = true): OrderRequest {
    const items = [
      { name: 'Front row', reference_number: `${orderNumber}-1`, cost: '50.00' },
      { name: 'Back row', reference_number: `${orderNumber}-2`, cost: '100' }
    ]
    return {
      token: sandbox.mintQuoteToken({
        opt_in: optIn,
        items: items.map(({ reference_number, cost }) => ({ reference_number, cost }))
      }),
      order_number: orderNumber,
      currency: 'USD',
      event: { name: 'Concert', start_date: '2027-12-24', start_time: '20:00' },
      items,
      customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
      billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'US' },
      payment: { type: 'invoice' }
    }
  }

  async function failure(promise: Promise<unknown>): Promise<TeakApiError> {
    try {
      await promise
    } catch (error) {
      if (isTeakApiError(error)) return error
      throw error
    }
    throw new Error('the call succeeded')
  }

  const calls = (method: string, path: string) =>
    sandbox.requests().filter((entry) => entry.method === method && entry.path === path)

  async function created(teak: TeakClient, orderNumber: string) {
    const result = await teak.createOrder(order(orderNumber))
    if (result.kind !== 'created') throw new Error('expected an opt-in order')
    return result.value
  }

  describe('authentication', () => {
    it('authenticates with the demo keys', async () => {
      await client().authenticate()
      expect(calls('POST', '/api/v2/auth/token/')).toHaveLength(1)
    })

    it('reports wrong keys as an auth error, without the key', async () => {
      const secretKey = 'sk_local_wrong_secret'
      const error = await failure(
        client({ credentials: { publicKey: 'pk_local_demo', secretKey } }).authenticate()
      )
      expect(error).toMatchObject({
        kind: 'auth',
        status: 401,
        requestMayHaveReachedTeak: true,
        outcomeUnknown: false
      })
      expect(error.message).toMatch(/^Could not get an access token from Teak: Teak refused the API keys/)
      expect(JSON.stringify(error)).not.toContain(secretKey)
      expect(calls('POST', '/api/v2/auth/token/')).toHaveLength(1)
    })
  })

  describe('orders', () => {
    it('creates an opt-in order: one policy per item, as the sandbox stored it', async () => {
      const result = await client().createOrder(order('A-100'))
      expect(result.kind).toBe('created')
      if (result.kind !== 'created') return
      expect(result.status).toBe(201)
      // The sandbox answers in the documented shape: fully understood.
      expect(result.problems).toEqual([])
      const [stored] = sandbox.orders()
      expect(result.value).toMatchObject({
        order_number: 'A-100',
        protecht_order_id: stored.protecht_order_id,
        currency: 'USD',
        subtotal: '150.00'
      })
      expect(result.value.policies.map((policy) => [policy.item?.reference_number, policy.status])).toEqual([
        ['A-100-1', 'Issued'],
        ['A-100-2', 'Issued']
      ])
      expect(result.value.items[0].event).toMatchObject({ start_time: '20:00:00', end_date: null })
    })

    it('answers an opt-out with 204 and creates nothing', async () => {
      expect(await client().createOrder(order('A-101', false))).toEqual({ kind: 'opted_out', status: 204 })
      expect(sandbox.orders()).toEqual([])
    })

    it('reports a duplicate order number as a duplicate naming the field', async () => {
      const teak = client()
      await teak.createOrder(order('A-102'))
      const error = await failure(teak.createOrder(order('A-102')))
      expect(error).toMatchObject({ kind: 'duplicate', status: 409, outcomeUnknown: false })
      expect(error.fieldErrors?.order_number?.[0]).toMatch(/already exists/)
      expect(error.message).toMatch(
        /^Could not create order A-102: Teak already has an order with this order number \(409\)/
      )
      expect(sandbox.orders()).toHaveLength(1)
    })

    it.each([400, 422])('reports Teak-side validation (%i) with per-field messages', async (status) => {
      sandbox.setAssumptions({
        requireOptInDetails: true,
        errorStatuses: { ...DEFAULT_ASSUMPTIONS.errorStatuses, validation: status }
      })
      const { customer: _customer, ...withoutCustomer } = order('A-103')
      const error = await failure(client().createOrder(withoutCustomer))
      expect(error).toMatchObject({
        kind: 'validation',
        status,
        requestMayHaveReachedTeak: true,
        outcomeUnknown: false
      })
      expect(Object.keys(error.fieldErrors ?? {})).toContain('customer')
      expect(sandbox.orders()).toEqual([])
    })

    it('refuses an order a rule assumption set to block finds fault with, sending nothing', async () => {
      const { zip_code: _zip, ...withoutZip } = order('A-110').billing_address!
      const body = { ...order('A-110'), billing_address: withoutZip }
      const error = await failure(client({ ruleLevels: { billingZipCode: 'block' } }).createOrder(body))
      expect(error).toMatchObject({ kind: 'validation', requestMayHaveReachedTeak: false })
      expect(error.fieldErrors?.['billing_address.zip_code']).toEqual([
        'No zip code given. (assumption billingZipCode: set to block)'
      ])
      expect(sandbox.requests()).toEqual([])
      // At its default level (warn) the finding is not the client's to act on: the order goes out.
      expect((await client().createOrder(body)).kind).toBe('created')
    })

    it('refuses an invalid body itself, sending nothing', async () => {
      const bad = { ...order('A-104'), currency: 'usd' as 'USD' }
      const error = await failure(client().createOrder(bad))
      expect(error).toMatchObject({ kind: 'validation', requestMayHaveReachedTeak: false })
      expect(error.fieldErrors).toHaveProperty('currency')
      expect(sandbox.requests()).toEqual([])
    })

    it('changes items: the answer holds only the new items and policies', async () => {
      const teak = client()
      const original = await created(teak, 'A-105')
      const { value: changed } = await teak.changeItems(original.protecht_order_id!, [
        { name: 'VIP', old_reference_number: 'A-105-1', reference_number: 'A-105-3', cost: '80.00' }
      ])
      expect(changed.items.map((item) => item.reference_number)).toEqual(['A-105-3'])
      expect(changed.policies.map((policy) => policy.item?.reference_number)).toEqual(['A-105-3'])
      expect(calls('PATCH', `/api/v2/orders/${original.protecht_order_id}/`)).toHaveLength(1)
    })

    it('reports an unknown order as not_found', async () => {
      const error = await failure(
        client().changeItems('NO-SUCH-ORDER', [
          { name: 'x', old_reference_number: 'a', reference_number: 'b', cost: '1' }
        ])
      )
      expect(error).toMatchObject({ kind: 'not_found', status: 404 })
      expect(error.message).toMatch(
        /^Could not change the items of order NO-SUCH-ORDER: Teak does not know it \(404\)/
      )
    })
  })

  describe('quotes', () => {
    it('decodes a quote token', async () => {
      const token = sandbox.mintQuoteToken({
        opt_in: true,
        reference_number: 'cart-1',
        items: [{ reference_number: 'i1', cost: '250.00' }]
      })
      const { value: quote } = await client().decodeQuote(token)
      expect(quote).toMatchObject({ reference_number: 'cart-1', currency: 'USD', subtotal: '21.25' })
      expect(quote.items).toEqual([
        expect.objectContaining({ reference_number: 'i1', cost: '250.00', premium: '21.25' })
      ])
    })

    it('reports a token the sandbox did not sign as a validation error on the token', async () => {
      const genuine = sandbox.mintQuoteToken({ opt_in: true })
      const forged = `${genuine.slice(0, genuine.lastIndexOf('.'))}.Zm9yZ2Vk`
      const error = await failure(client().decodeQuote(forged))
      expect(error).toMatchObject({ kind: 'validation', status: 400 })
      expect(error.fieldErrors).toHaveProperty('token')
    })
  })

  describe('policies', () => {
    it('voids a policy, then refuses a second void as a conflict', async () => {
      const teak = client()
      const [policy] = (await created(teak, 'A-200')).policies
      const { value: voided } = await teak.voidPolicy(policy.policy_number)
      expect(voided.status).toBe('Voided')
      expect(Date.parse(voided.void_date!)).not.toBeNaN()
      const error = await failure(teak.voidPolicy(policy.policy_number))
      expect(error).toMatchObject({ kind: 'conflict', status: 409 })
      expect(error.message).toMatch(
        /current state of the order or policy \(409\)\. Teak said: Policy .* is Voided/
      )
    })

    it('cancels a policy, keeping the fields Teak adds', async () => {
      const teak = client()
      const [, policy] = (await created(teak, 'A-201')).policies
      const id = policyIdOf(
        { policyNumber: policy.policy_number, policyNumberNew: policy.policy_number_new },
        DEFAULT_SETTINGS.policyIdKind
      )
      const { value: canceled } = await teak.cancelPolicy(id)
      expect(canceled.status).toBe('Canceled')
      expect(canceled).toHaveProperty('cancel_date')
    })

    it('reports an unknown policy as not_found', async () => {
      const error = await failure(client().voidPolicy('NOPE-0000000000'))
      expect(error).toMatchObject({ kind: 'not_found', status: 404 })
    })

    it('renews a token that expired in stock, then reports a void outside the look period', async () => {
      const teak = client()
      const [policy] = (await created(teak, 'A-202')).policies
      await minted(teak, 2) // the order's token, and the next one minted ahead...
      sandbox.advanceClock(31 * DAY_MS) // ...which is now long expired for the sandbox
      const error = await failure(teak.voidPolicy(policy.policy_number))
      expect(error).toMatchObject({ kind: 'validation', status: 400 })
      expect(error.message).toMatch(/look period ended/)
      expect(teak.logs.filter((entry) => entry.method === 'PUT').map((entry) => entry.status)).toEqual([
        401, 400
      ])
    })
  })

  describe('faults', () => {
    async function stocked(options: Partial<TeakClientOptions> = {}) {
      const teak = client(options)
      await teak.authenticate()
      await teak.decodeQuote(sandbox.mintQuoteToken({ opt_in: true }))
      await minted(teak, 3)
      return teak
    }

    it('does not resend an order after a 503: it is in doubt', async () => {
      const teak = await stocked()
      sandbox.setFaults({ failRate: 1 })
      const error = await failure(teak.createOrder(order('F-1')))
      expect(error).toMatchObject({ kind: 'server', status: 503, outcomeUnknown: true })
      expect(calls('POST', '/api/v2/orders')).toHaveLength(1)
    })

    it('reports an order whose answer was lost as in doubt, though the sandbox created it', async () => {
      const teak = await stocked()
      sandbox.setFaults({ resetRate: 1, resetTiming: 'after' })
      const error = await failure(teak.createOrder(order('F-2')))
      expect(error).toMatchObject({
        kind: 'network',
        reason: 'reset',
        requestMayHaveReachedTeak: true,
        outcomeUnknown: true
      })
      expect(sandbox.orders().map((stored) => stored.order_number)).toEqual(['F-2'])
      expect(calls('POST', '/api/v2/orders')).toHaveLength(1)
    })

    it('times out a silent sandbox without resending', async () => {
      const teak = await stocked({ timeoutMs: 5_000 })
      sandbox.setFaults({ timeoutRate: 1 })
      const error = await failure(teak.createOrder(order('F-3')))
      expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true })
      expect(calls('POST', '/api/v2/orders')).toHaveLength(1)
    })

    it('retries a GET after a 503', async () => {
      const teak = await stocked()
      sandbox.setFaults({ failRate: 0.5, seed: 7 })
      const { value: quote } = await teak.decodeQuote(sandbox.mintQuoteToken({ opt_in: true }))
      expect(quote.currency).toBe('USD')
    })

    it('waits out a 429 and creates the order exactly once', async () => {
      const teak = await stocked()
      sandbox.setFaults({ rateLimit: 1 })
      rateClock.overflow(1)
      const result = await teak.createOrder(order('F-4'))
      expect(result.kind).toBe('created')
      expect(sandbox.orders()).toHaveLength(1)
      expect(sandbox.requests().some((entry) => entry.status === 429)).toBe(true)
    })
  })

  // How tokens are minted ahead does not depend on the wire format; its timings are measured once.
  describe.runIf(kind === 'lenient')('tokens', () => {
    it('mints a fresh token per call by default, ahead of need', async () => {
      const teak = client()
      for (let i = 0; i < 4; i++) await teak.createOrder(order(`T-${i}`))
      // One minted for the first call, then one ahead per call: four used, one waiting.
      expect(calls('POST', '/api/v2/auth/token/')).toHaveLength(5)
    })

    it('reuses one token with tokenReuse: true', async () => {
      const teak = client({ tokenReuse: true })
      for (let i = 0; i < 4; i++) await teak.createOrder(order(`T-${i}`))
      expect(calls('POST', '/api/v2/auth/token/')).toHaveLength(1)
    })

    it('keeps the token fetch off the critical path: an order after the first costs one round trip', async () => {
      const teak = client()
      await teak.createOrder(order('R-1'))
      for (const [orderNumber, tokens] of [
        ['R-2', 2],
        ['R-3', 3]
      ] as const) {
        await minted(teak, tokens)
        // Teak holds every call: the order reaches it only if its token was at hand, minted while the
        // previous order was on its way.
        const hold = sandbox.hold()
        const sending = teak.createOrder(order(orderNumber))
        await waitFor(`${orderNumber} to reach Teak`, () =>
          hold.held().some((call) => call.path === '/api/v2/orders')
        )
        hold.release()
        expect((await sending).kind).toBe('created')
      }
    })

    it('serves concurrent calls with distinct tokens and bounded extra minting', async () => {
      sandbox.setFaults({ latencyMs: 20 })
      const teak = client()
      const numbers = Array.from({ length: 16 }, (_, i) => `C-${i}`)
      const pending = [...numbers]
      const worker = async () => {
        for (let next = pending.shift(); next; next = pending.shift()) await teak.createOrder(order(next))
      }
      await Promise.all(Array.from({ length: 8 }, worker))
      expect(sandbox.orders()).toHaveLength(16)
      const mints = calls('POST', '/api/v2/auth/token/').length
      expect(mints).toBeGreaterThanOrEqual(16)
      expect(mints).toBeLessThanOrEqual(16 + 8 + 1)
    })
  })
})

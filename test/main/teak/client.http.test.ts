import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createTeakClient,
  type TeakClient,
  type TeakClientOptions,
  type TeakLogEntry
} from '../../../src/main/teak/client'
import { isTeakApiError, TeakApiError } from '../../../src/main/teak/errors'
import type { OrderRequest } from '../../../src/shared/teak/order-request'
import { waitFor } from '../../support/wait-for'
import {
  AUTH_PATH,
  closedPort,
  fakeJwt,
  startFakeTeak,
  type FakeTeak,
  type RecordedRequest,
  type Reply
} from './fake-teak'

/**
 * The client against a hand-made loopback server: every answer the sandbox never gives, and the exact
 * wire format of each call. Sandbox behaviour is covered in client.sandbox.test.ts.
 */

const KEYS = { publicKey: 'pk_test_fake', secretKey: 'sk_test_VERY_SECRET_4242' }
const ORDER: OrderRequest = {
  order_number: 'A-1',
  currency: 'USD',
  items: [{ name: 'Ticket', reference_number: 'i1', cost: '50.00' }]
}
const ORDER_ANSWER = {
  created: '2024-03-14T23:08:11.955044Z',
  updated: '2024-03-14T23:08:11.955044Z',
  order_number: 'A-1',
  subtotal: '50.00',
  currency: 'USD',
  protecht_order_id: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d',
  items: [{ id: 'itm_166f8BxY', name: 'Ticket', reference_number: 'i1', cost: '50.00' }],
  customer: null,
  client: 'cl_HX5tUe9m',
  policies: [
    {
      policy_number: 'ORAAS-JOD9XSWD8B',
      policy_number_new: '54474653-0000-0000-046d-169629d235ec',
      currency: 'USD',
      premium: '4.25',
      coverage_amount: '50.00',
      item: { reference_number: 'i1' }
    }
  ]
}
const QUOTE_ANSWER = { reference_number: 'r', currency: 'USD', items: [], subtotal: '0.00' }

const opened: { close(): unknown }[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((thing) => thing.close()))
})

async function fake(handler: (request: RecordedRequest) => Reply): Promise<FakeTeak> {
  const server = await startFakeTeak(handler)
  opened.push(server)
  return server
}

function client(
  url: string,
  options: Partial<TeakClientOptions> = {}
): TeakClient & { logs: TeakLogEntry[] } {
  const logs: TeakLogEntry[] = []
  const created = createTeakClient({
    baseUrl: url,
    credentials: KEYS,
    log: (entry) => logs.push(entry),
    ...options
  })
  opened.push(created)
  return Object.assign(created, { logs })
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

/** One decode call, after which the client holds a token minted ahead for the next call. */
async function stockUp(teakClient: TeakClient & { logs: TeakLogEntry[] }): Promise<void> {
  await teakClient.decodeQuote(fakeJwt({ opt_in: true }))
  // The decode's own token and the one minted ahead, both answered.
  const minted = () => teakClient.logs.filter((entry) => entry.path === AUTH_PATH && entry.status === 200)
  await waitFor('a token minted ahead', () => minted().length >= 2)
}

const answerOrders = (reply: Reply) => (request: { url: string }) =>
  request.url.startsWith('/api/v2/orders') ? reply : undefined

describe('wire format', () => {
  it('mints a token with the keys, then sends each call with "JWT <token>" to the documented path', async () => {
    const teak = await fake((request) => {
      if (request.url.startsWith('/api/v2/orders')) return { status: 201, body: ORDER_ANSWER }
      if (request.url.startsWith('/api/v2/quote/decode')) return { status: 200, body: QUOTE_ANSWER }
      if (request.url.endsWith('/cancel')) return { status: 200, body: { status: 'Canceled' } }
      if (request.url.startsWith('/api/v2/policies/')) {
        return { status: 200, body: { status: 'Voided', void_date: '2024-03-05T21:30:26.757759Z' } }
      }
      return undefined
    })
    const teakClient = client(teak.url)
    const quoteToken = `${fakeJwt({ opt_in: true })}+/=`
    await teakClient.createOrder(ORDER)
    await teakClient.decodeQuote(quoteToken)
    await teakClient.changeItems('A/1 ?', [
      { name: 'Better', old_reference_number: 'i1', reference_number: 'i2', cost: '80' }
    ])
    await teakClient.voidPolicy('ORAAS-1')
    await teakClient.cancelPolicy('ORAAS-2')

    const auth = teak.requests.find((request) => request.url === AUTH_PATH)!
    expect(auth.method).toBe('POST')
    expect(JSON.parse(auth.body)).toEqual({ public_key: KEYS.publicKey, secret_key: KEYS.secretKey })
    expect(auth.headers.authorization).toBeUndefined()

    const calls = teak.calls()
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST /api/v2/orders',
      `GET /api/v2/quote/decode?token=${encodeURIComponent(quoteToken)}`,
      'PATCH /api/v2/orders/A%2F1%20%3F/',
      'PUT /api/v2/policies/ORAAS-1',
      'PUT /api/v2/policies/ORAAS-2/cancel'
    ])
    expect(new URL(calls[1].url, teak.url).searchParams.get('token')).toBe(quoteToken)
    expect(JSON.parse(calls[0].body)).toEqual(ORDER)
    expect(JSON.parse(calls[2].body)).toEqual({
      items: [{ name: 'Better', old_reference_number: 'i1', reference_number: 'i2', cost: '80' }]
    })
    expect(calls[3].body).toBe('')
    for (const call of calls) {
      expect(call.headers.authorization).toMatch(/^JWT eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
      expect(call.headers.accept).toBe('application/json')
    }
    expect(calls[0].headers['content-type']).toMatch(/^application\/json/)
  })

  it('sends the body as validated: trimmed, country upper-cased', async () => {
    const teak = await fake(answerOrders({ status: 201, body: ORDER_ANSWER }))
    await client(teak.url).createOrder({
      ...ORDER,
      order_number: '  A-1 ',
      billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'us' }
    })
    expect(JSON.parse(teak.calls()[0].body)).toMatchObject({
      order_number: 'A-1',
      billing_address: { country: 'US' }
    })
  })

  it('uses a fresh token for every call by default', async () => {
    const teak = await fake(answerOrders({ status: 201, body: ORDER_ANSWER }))
    const teakClient = client(teak.url)
    for (let i = 0; i < 5; i++) await teakClient.createOrder(ORDER)
    const used = teak.calls().map((call) => call.headers.authorization)
    expect(new Set(used).size).toBe(5)
  })

  it('reuses one token with tokenReuse: true', async () => {
    const teak = await fake(answerOrders({ status: 201, body: ORDER_ANSWER }))
    const teakClient = client(teak.url, { tokenReuse: true })
    await Promise.all([teakClient.createOrder(ORDER), teakClient.createOrder(ORDER)])
    await teakClient.createOrder(ORDER)
    expect(teak.requests.filter((request) => request.url === AUTH_PATH)).toHaveLength(1)
    expect(new Set(teak.calls().map((call) => call.headers.authorization)).size).toBe(1)
  })

  it('reads credentials from the function for every token, so a changed key applies at once', async () => {
    const teak = await fake(() => undefined)
    let secretKey = 'sk_first'
    const teakClient = client(teak.url, { credentials: async () => ({ publicKey: 'pk', secretKey }) })
    await teakClient.authenticate()
    secretKey = 'sk_second'
    await teakClient.authenticate()
    expect(teak.requests.map((request) => JSON.parse(request.body).secret_key)).toEqual([
      'sk_first',
      'sk_second'
    ])
  })

  it('answers createOrder 204 as an opt-out', async () => {
    const teak = await fake(answerOrders({ status: 204 }))
    expect(await client(teak.url).createOrder(ORDER)).toEqual({ kind: 'opted_out', status: 204 })
  })
})

describe('refused before sending', () => {
  it('refuses plain http:// to any host but this computer, at construction', () => {
    let asked = false
    const credentials = async () => {
      asked = true
      return KEYS
    }
    expect(() => createTeakClient({ baseUrl: 'http://api.sandbox.helloteak.com', credentials })).toThrow(
      /^Teak requires HTTPS: api\.sandbox\.helloteak\.com cannot be reached over plain http:\/\//
    )
    expect(() => createTeakClient({ baseUrl: 'http://192.168.1.10:8080', credentials })).toThrow(TeakApiError)
    expect(() =>
      createTeakClient({ baseUrl: 'https://api.sandbox.helloteak.com', credentials }).close()
    ).not.toThrow()
    expect(asked).toBe(false)
  })

  it.each([
    ['an empty secret key', { publicKey: 'pk', secretKey: ' ' }, 'secretKey', /secret key is missing/],
    ['a 56-character public key', { publicKey: 'p'.repeat(56), secretKey: 'sk' }, 'publicKey', /at most 55/]
  ])('refuses %s without calling Teak', async (_label, credentials, field, message) => {
    const teak = await fake(() => undefined)
    const error = await failure(client(teak.url, { credentials }).authenticate())
    expect(error).toMatchObject({ kind: 'validation', requestMayHaveReachedTeak: false })
    expect(error.fieldErrors?.[field]?.[0]).toMatch(message)
    expect(teak.requests).toHaveLength(0)
  })

  it.each([
    [
      'an order with a comma cost',
      (c: TeakClient) => c.createOrder({ ...ORDER, items: [{ ...ORDER.items[0], cost: '1,234' }] }),
      'items[0].cost'
    ],
    ['an order without items', (c: TeakClient) => c.createOrder({ ...ORDER, items: [] }), 'items'],
    [
      'an order with an unknown currency',
      (c: TeakClient) => c.createOrder({ ...ORDER, currency: 'XXX' as 'USD' }),
      'currency'
    ],
    ['a malformed quote token', (c: TeakClient) => c.decodeQuote('not-a-token'), 'token'],
    ['an empty change list', (c: TeakClient) => c.changeItems('A-1', []), 'items'],
    [
      'a change without cost',
      (c: TeakClient) =>
        c.changeItems('A-1', [{ name: 'n', old_reference_number: 'o', reference_number: 'r', cost: '' }]),
      'items[0].cost'
    ],
    [
      'an empty order id',
      (c: TeakClient) =>
        c.changeItems(' ', [{ name: 'n', old_reference_number: 'o', reference_number: 'r', cost: '1' }]),
      'orderId'
    ],
    ['an empty policy id (void)', (c: TeakClient) => c.voidPolicy(''), 'policyId'],
    ['an empty policy id (cancel)', (c: TeakClient) => c.cancelPolicy(''), 'policyId']
  ])('refuses %s with a validation error naming the field', async (_label, call, field) => {
    const teak = await fake(() => ({ status: 500 }))
    const error = await failure(call(client(teak.url)))
    expect(error.kind).toBe('validation')
    expect(error.requestMayHaveReachedTeak).toBe(false)
    expect(error.status).toBeUndefined()
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field)
    expect(error.message).toMatch(/Nothing was sent to Teak\.$/)
    expect(teak.requests).toHaveLength(0)
  })
})

describe('error answers', () => {
  it.each([
    [
      'legacy 400 with fields',
      {
        status: 400,
        body: {
          error: {
            errors: [
              { reason: 'ValidationError', message: 'Ensure this value is valid.', field: 'items[0].cost' }
            ]
          }
        }
      },
      {
        kind: 'validation',
        fieldErrors: { 'items[0].cost': ['Ensure this value is valid.'] },
        outcomeUnknown: false
      },
      /^Could not create order A-1: Teak refused the request as invalid \(400\)\. Teak said: items\[0\]\.cost: Ensure this value is valid\.$/
    ],
    [
      'DRF 422 with nested fields',
      {
        status: 422,
        body: { items: [{ cost: ['A valid number is required.'] }], currency: ['Not supported.'] }
      },
      {
        kind: 'validation',
        fieldErrors: { 'items[0].cost': ['A valid number is required.'], currency: ['Not supported.'] }
      },
      /items\[0\]\.cost: A valid number is required\.; currency: Not supported\./
    ],
    [
      '401',
      { status: 401, body: { detail: 'Signature has expired.' } },
      { kind: 'auth' },
      /Check the public and secret key in Settings\. Teak said: Signature has expired\.$/
    ],
    ['403', { status: 403, body: '' }, { kind: 'auth' }, /refused the API keys or the access token \(403\)/],
    [
      '404',
      { status: 404, body: { detail: 'Not found.' } },
      { kind: 'not_found' },
      /Teak does not know it \(404\)/
    ],
    [
      '409',
      {
        status: 409,
        body: { error: { errors: [{ reason: 'DuplicateOrderNumber', message: 'Order exists.' }] } }
      },
      { kind: 'duplicate', outcomeUnknown: false },
      /^Could not create order A-1: Teak already has an order with this order number \(409\)\. Teak said: Order exists\.$/
    ],
    [
      'DRF 400 saying the order number exists',
      { status: 400, body: { order_number: ['order with this order number already exists.'] } },
      { kind: 'duplicate', outcomeUnknown: false },
      /^Could not create order A-1: Teak already has an order with this order number \(400\)\./
    ],
    [
      'legacy 422 with a duplicate reason',
      {
        status: 422,
        body: { error: { errors: [{ reason: 'ValidationError', message: 'Duplicate order number A-1.' }] } }
      },
      { kind: 'duplicate' },
      /already has an order with this order number \(422\)/
    ],
    [
      '429 asking for a long wait',
      { status: 429, body: '', headers: { 'Retry-After': '3600' } },
      { kind: 'rate_limited', retryAfterMs: 3_600_000 },
      /limiting how often we may call it \(429\); try again in 3600 s\./
    ],
    [
      'plain-text 500',
      { status: 500, body: 'Internal Server Error' },
      { kind: 'server', outcomeUnknown: true, rawBody: 'Internal Server Error' },
      /Teak had a server error \(500\)\. Teak said: Internal Server Error\. Teak may still have carried it out: check before trying again\.$/
    ],
    [
      'HTML 502',
      {
        status: 502,
        body: '<html><title>502 Bad Gateway</title></html>',
        headers: { 'Content-Type': 'text/html' }
      },
      { kind: 'server' },
      /server error \(502\)\. Teak said: 502 Bad Gateway\./
    ],
    [
      'redirect',
      { status: 301, headers: { Location: 'https://elsewhere.example.com/api/v2/orders' } },
      { kind: 'unexpected_response', outcomeUnknown: true },
      /redirected the request to https:\/\/elsewhere\.example\.com\/api\/v2\/orders \(301\); check the Teak address/
    ],
    [
      '418',
      { status: 418, body: "I'm a teapot" },
      { kind: 'unexpected_response' },
      /unexpected status \(418\)/
    ]
  ] as const)('%s', async (_label, reply, expected, message) => {
    const teak = await fake(answerOrders(reply as Reply))
    const teakClient = client(teak.url)
    const error = await failure(teakClient.createOrder(ORDER))
    expect(error).toMatchObject({ status: reply.status, requestMayHaveReachedTeak: true, ...expected })
    expect(error.message).toMatch(message)
    expect(teak.calls()).toHaveLength(1)
    expect(teakClient.logs.filter((entry) => entry.path === '/api/v2/orders')).toEqual([
      expect.objectContaining({ method: 'POST', status: reply.status, attempt: 1, error: expected.kind })
    ])
  })

  it.each([
    ['broken JSON', { status: 201, body: '{"order_number": ' }, ['the body is not JSON'], 0],
    ['an empty body', { status: 200, body: '' }, ['the body is empty'], 0],
    [
      'a premium that is not money',
      {
        status: 201,
        body: { ...ORDER_ANSWER, policies: [{ ...ORDER_ANSWER.policies[0], premium: 'free' }] }
      },
      ['policies[0].premium: Expected an amount such as "21.25".'],
      1
    ],
    [
      'no policy_number_new (only the PATCH example shows it)',
      {
        status: 201,
        body: { ...ORDER_ANSWER, policies: [{ ...ORDER_ANSWER.policies[0], policy_number_new: undefined }] }
      },
      ['policies[0].policy_number_new: Invalid input: expected string, received undefined'],
      1
    ]
  ] as const)(
    'a success with %s is a success, read as far as it goes and never sent again',
    async (_label, reply, problems, policies) => {
      const teak = await fake(answerOrders(reply))
      const result = await client(teak.url).createOrder(ORDER)
      expect(result).toMatchObject({ kind: 'created', status: reply.status, problems })
      if (result.kind !== 'created') return
      expect(result.value.policies).toHaveLength(policies)
      if (policies > 0) expect(result.value.policies[0].policy_number).toBe('ORAAS-JOD9XSWD8B')
      expect(teak.calls()).toHaveLength(1)
    }
  )

  it('keeps the raw answer of a success it could not fully read', async () => {
    const teak = await fake(answerOrders({ status: 201, body: 'Created, thank you' }))
    const result = await client(teak.url).createOrder(ORDER)
    expect(result).toMatchObject({ kind: 'created', raw: 'Created, thank you' })
  })

  it('a 403 to an item change names the integration level, not the keys', async () => {
    const teak = await fake((request) =>
      request.method === 'PATCH' ? { status: 403, body: { detail: 'Not allowed.' } } : undefined
    )
    const error = await failure(
      client(teak.url).changeItems('A-1', [
        { name: 'Better', old_reference_number: 'i1', reference_number: 'i2', cost: '80' }
      ])
    )
    expect(error).toMatchObject({ kind: 'auth', status: 403 })
    expect(error.message).toMatch(
      /^Could not change the items of order A-1: Teak refused it \(403\)\. Teak says upgrades, downgrades and exchanges "may require a certain level of integration": ask Teak to enable them for your account\./
    )
    expect(error.message).not.toMatch(/Check the public and secret key/)
  })

  it('an auth answer without a token is an unexpected_response', async () => {
    const teak = await fake(() => ({ status: 200, body: { access_token: 'x' } }))
    const error = await failure(client(teak.url).authenticate())
    expect(error).toMatchObject({ kind: 'unexpected_response', status: 200 })
    expect(error.message).toMatch(/^Could not get an access token from Teak: .*\(token: /)
  })
})

describe('timeouts and connection failures', () => {
  it('times out a call that never answers, and never resends an order', async () => {
    const teak = await fake(answerOrders('hang'))
    // Long enough that the token call before it, which is answered, never times out on a busy machine.
    const teakClient = client(teak.url, { timeoutMs: 5_000 })
    const error = await failure(teakClient.createOrder(ORDER))
    expect(error).toMatchObject({ kind: 'timeout', requestMayHaveReachedTeak: true, outcomeUnknown: true })
    expect(error.message).toBe(
      'Could not create order A-1: Teak did not answer within 5 s. Teak may still have carried it out: check before trying again.'
    )
    expect(teak.calls()).toHaveLength(1)
  })

  it('times out a body that stops halfway', async () => {
    const teak = await fake((request) =>
      request.url.startsWith('/api/v2/quote') ? { status: 200, body: QUOTE_ANSWER, stall: true } : undefined
    )
    const error = await failure(client(teak.url, { timeoutMs: 5_000 }).decodeQuote(fakeJwt({ opt_in: true })))
    expect(error.kind).toBe('timeout')
    expect(teak.calls()).toHaveLength(1)
  })

  it('does not resend an order after a reset connection: it is in doubt', async () => {
    const teak = await fake(answerOrders('reset'))
    const error = await failure(client(teak.url).createOrder(ORDER))
    expect(error).toMatchObject({
      kind: 'network',
      reason: 'reset',
      requestMayHaveReachedTeak: true,
      outcomeUnknown: true
    })
    expect(error.message).toMatch(
      /the connection to 127\.0\.0\.1:\d+ was cut \(ECONNRESET\)\. Teak may still/
    )
    expect(teak.calls()).toHaveLength(1)
  })

  it('retries a GET after 5xx answers', async () => {
    let answered = 0
    const teak = await fake((request) =>
      request.url.startsWith('/api/v2/quote')
        ? ++answered < 3
          ? { status: 503 }
          : { status: 200, body: QUOTE_ANSWER }
        : undefined
    )
    const teakClient = client(teak.url)
    expect((await teakClient.decodeQuote(fakeJwt({ opt_in: true }))).value).toEqual(QUOTE_ANSWER)
    const gets = teakClient.logs.filter((entry) => entry.method === 'GET')
    expect(gets.map((entry) => [entry.attempt, entry.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200]
    ])
  })

  it('honours Retry-After on a 429, then sends the order once more with the same token', async () => {
    let answered = 0
    const limited = await fake((request) =>
      request.url === '/api/v2/orders'
        ? ++answered === 1
          ? { status: 429, headers: { 'Retry-After': '1' } }
          : { status: 201, body: ORDER_ANSWER }
        : undefined
    )
    const teakClient = client(limited.url)
    const started = Date.now()
    const result = await teakClient.createOrder(ORDER)
    expect(result.kind).toBe('created')
    expect(Date.now() - started).toBeGreaterThanOrEqual(990)
    expect(limited.calls()).toHaveLength(2)
    // Turned away unread, the request's token is still unused and goes out again.
    expect(new Set(limited.calls().map((call) => call.headers.authorization)).size).toBe(1)
  })

  it('retries a refused connection, which certainly sent nothing, then says so', async () => {
    const teakClient = client(await closedPort())
    const error = await failure(teakClient.authenticate())
    expect(error).toMatchObject({
      kind: 'network',
      reason: 'unreachable',
      code: 'ECONNREFUSED',
      requestMayHaveReachedTeak: false,
      outcomeUnknown: false
    })
    expect(error.message).toMatch(
      /^Could not get an access token from Teak: nothing accepted the connection at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check the Teak address and your network\.$/
    )
    expect(teakClient.logs.map((entry) => entry.attempt)).toEqual([1, 2, 3])
    expect(teakClient.logs[0].status).toBeUndefined()
  })

  it('resends an order whose connection was refused: nothing reached Teak', async () => {
    const teak = await fake((request) =>
      request.url.startsWith('/api/v2/quote') ? { status: 200, body: QUOTE_ANSWER } : undefined
    )
    const teakClient = client(teak.url, { maxRetries: 1 })
    await stockUp(teakClient)
    await teak.close()
    // One turn of the event loop lets the client see its kept-alive socket closed (loopback delivers at once).
    await new Promise((resolve) => setTimeout(resolve, 20))
    const error = await failure(teakClient.createOrder(ORDER))
    expect(error).toMatchObject({ kind: 'network', reason: 'unreachable', requestMayHaveReachedTeak: false })
    expect(
      teakClient.logs.filter((entry) => entry.path === '/api/v2/orders').map((entry) => entry.attempt)
    ).toEqual([1, 2])
  })

  it('reports that an order was not sent when no token could be had', async () => {
    const teakClient = client(await closedPort(), { maxRetries: 0 })
    const error = await failure(teakClient.createOrder(ORDER))
    expect(error).toMatchObject({ kind: 'network', requestMayHaveReachedTeak: false })
    expect(error.message).toMatch(
      /^Could not get an access token from Teak: .* \(Needed to create order A-1; this attempt stopped before sending it\.\)$/
    )
  })

  it('reports a TLS failure as such, without retrying it', async () => {
    const teak = await fake(() => undefined)
    const teakClient = client(teak.url.replace('http:', 'https:'))
    const error = await failure(teakClient.authenticate())
    expect(error).toMatchObject({ kind: 'network', reason: 'tls', requestMayHaveReachedTeak: false })
    expect(error.message).toMatch(/the secure connection to 127\.0\.0\.1:\d+ failed \(EPROTO\)/)
    expect(teakClient.logs).toHaveLength(1)
  })
})

describe('expired tokens', () => {
  const ordersRefusedOnce = () => {
    let answered = 0
    return (request: RecordedRequest): Reply => {
      if (request.url.startsWith('/api/v2/quote')) return { status: 200, body: QUOTE_ANSWER }
      if (request.url === '/api/v2/orders')
        return ++answered === 1 ? { status: 401 } : { status: 201, body: ORDER_ANSWER }
      return undefined
    }
  }

  it('replaces a stocked token Teak refuses, once, since a 401 means nothing was done', async () => {
    const teak = await fake(ordersRefusedOnce())
    const teakClient = client(teak.url)
    await stockUp(teakClient)
    expect((await teakClient.createOrder(ORDER)).kind).toBe('created')
    const posts = teak.calls().filter((call) => call.url === '/api/v2/orders')
    expect(posts).toHaveLength(2)
    expect(posts[0].headers.authorization).not.toBe(posts[1].headers.authorization)
  })

  it('does not retry a 401 on a token minted for the call', async () => {
    const teak = await fake(ordersRefusedOnce())
    const error = await failure(client(teak.url).createOrder(ORDER))
    expect(error.kind).toBe('auth')
    expect(teak.calls()).toHaveLength(1)
  })

  it('gives up when the renewed token is refused too', async () => {
    const teak = await fake((request) =>
      request.url === '/api/v2/orders'
        ? { status: 401 }
        : request.url.startsWith('/api/v2/quote')
          ? { status: 200, body: QUOTE_ANSWER }
          : undefined
    )
    const teakClient = client(teak.url)
    await stockUp(teakClient)
    const error = await failure(teakClient.createOrder(ORDER))
    expect(error.kind).toBe('auth')
    expect(teak.calls().filter((call) => call.url === '/api/v2/orders')).toHaveLength(2)
  })
})

describe('secrets', () => {
  /** A server that echoes everything it received, headers included, in its error answers. */
  async function echoingTeak(opaqueTokens: boolean) {
    let minted = 0
    let refusedKeys = false
    return fake((request) => {
      const echo = `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${request.body}`
      if (request.url === AUTH_PATH) {
        if (!refusedKeys && !opaqueTokens) {
          refusedKeys = true
          return { status: 400, body: { secret_key: [`Invalid key: ${echo}`] } }
        }
        minted++
        return {
          status: 200,
          body: { token: opaqueTokens ? `opaque-token-${minted}-xyz` : fakeJwt({ n: minted }) }
        }
      }
      return { status: 500, body: `Crash while handling ${echo}` }
    })
  }

  it.each([
    ['JWT tokens', false],
    ['opaque tokens', true]
  ])(
    'never puts the secret key or a token (%s) in a message, a serialised error or a log entry',
    async (_label, opaque) => {
      const teak = await echoingTeak(opaque)
      const teakClient = client(teak.url, { maxRetries: 0 })
      const errors: TeakApiError[] = []
      if (!opaque) errors.push(await failure(teakClient.authenticate()))
      errors.push(await failure(teakClient.createOrder(ORDER)))
      errors.push(await failure(teakClient.voidPolicy('P-1')))

      const tokens = teak.requests.flatMap((request) => request.headers.authorization?.split(' ')[1] ?? [])
      expect(tokens.length).toBeGreaterThanOrEqual(2)
      expect(errors.some((error) => error.rawBody?.includes('[redacted]'))).toBe(true)
      const exposed = [
        ...errors.flatMap((error) => [
          error.message,
          String(error),
          error.stack ?? '',
          JSON.stringify(error)
        ]),
        JSON.stringify(teakClient.logs)
      ].join('\n')
      for (const secret of [KEYS.secretKey, ...tokens]) expect(exposed).not.toContain(secret)
    }
  )
})

describe('log hook', () => {
  it('logs every attempt with method, path (no query), status, time and attempt number', async () => {
    const teak = await fake((request) =>
      request.url.startsWith('/api/v2/quote') ? { status: 200, body: QUOTE_ANSWER } : undefined
    )
    const teakClient = client(teak.url)
    await teakClient.decodeQuote(fakeJwt({ opt_in: true, secret_claim: 'quote-data' }))
    const decode = teakClient.logs.find((entry) => entry.method === 'GET')
    expect(decode).toEqual({
      method: 'GET',
      path: '/api/v2/quote/decode',
      status: 200,
      ms: expect.any(Number),
      attempt: 1
    })
    expect(Object.keys(teakClient.logs.find((entry) => entry.path === AUTH_PATH)!).sort()).toEqual([
      'attempt',
      'method',
      'ms',
      'path',
      'status'
    ])
  })

  it('a throwing log hook does not fail the call', async () => {
    const teak = await fake(answerOrders({ status: 201, body: ORDER_ANSWER }))
    const teakClient = client(teak.url, {
      log: () => {
        throw new Error('disk full')
      }
    })
    expect((await teakClient.createOrder(ORDER)).kind).toBe('created')
  })
})

describe('loopback hosts', () => {
  it('talks plain http to localhost', async () => {
    const server = createServer((_req, res) => res.writeHead(200).end(JSON.stringify({ token: fakeJwt({}) })))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    opened.push({ close: () => new Promise((resolve) => server.close(resolve)) })
    const { port } = server.address() as AddressInfo
    await expect(client(`http://localhost:${port}`).authenticate()).resolves.toBeUndefined()
  })
})

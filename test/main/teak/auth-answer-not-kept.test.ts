import { afterEach, describe, expect, it } from 'vitest'
import { createTeakClient } from '../../../src/main/teak/client'
import { TeakApiError } from '../../../src/main/teak/errors'
import type { OrderRequest } from '../../../src/shared/teak/order-request'
import { AUTH_PATH, startFakeTeak, type FakeTeak, type Reply } from './fake-teak'

const KEYS = { publicKey: 'pk_test_fake', secretKey: 'sk_test_VERY_SECRET_4242' }
const ORDER: OrderRequest = {
  order_number: 'A-1',
  currency: 'USD',
  items: [{ name: 'Ticket', reference_number: 'i1', cost: '50.00' }]
}

let teak: FakeTeak | undefined
afterEach(async () => {
  await teak?.close()
  teak = undefined
})

async function failureOf(work: Promise<unknown>): Promise<TeakApiError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught
  )
  if (!(error instanceof TeakApiError)) throw new Error(`expected a TeakApiError, got ${String(error)}`)
  return error
}

/**
 * The auth request carries the secret key, and a server may echo it in any encoding redaction does not know:
 * no text the server answers to it reaches an error (and from there the journal, History or Settings).
 */
describe('the answer to the auth call is never kept', () => {
  const scrambled = (body: string) => `${Buffer.from(body).toString('hex')} (server note)`

  it.each<[string, (body: string) => Reply, RegExp]>([
    [
      'a 400 with the request in its body',
      (body) => ({ status: 400, body: { detail: `Malformed: ${scrambled(body)}` } }),
      /^Could not get an access token from Teak: Teak refused the request as invalid \(400\)\.$/
    ],
    [
      'a redirect whose Location holds the request',
      (body) => ({ status: 302, headers: { location: `https://evil.example/${scrambled(body)}` } }),
      /^Could not get an access token from Teak: Teak redirected the request \(302\); check the Teak address in Settings\.$/
    ],
    [
      'a success whose body cannot be read',
      (body) => ({ status: 200, body: `not JSON: ${scrambled(body)}` }),
      /^Could not get an access token from Teak: Teak answered 200 but the answer could not be read \(the body is not JSON\)\.$/
    ]
  ])('%s: no body, no server text', async (_label, answer, message) => {
    teak = await startFakeTeak((request) => (request.url === AUTH_PATH ? answer(request.body) : undefined))
    const client = createTeakClient({ baseUrl: teak.url, credentials: KEYS, maxRetries: 0 })
    for (const error of [
      await failureOf(client.authenticate()),
      await failureOf(client.createOrder(ORDER))
    ]) {
      expect(error.rawBody).toBeUndefined()
      expect(
        error.message.replace(
          / \(Needed to create order A-1; this attempt stopped before sending it\.\)$/,
          ''
        )
      ).toMatch(message)
      expect(JSON.stringify(error)).not.toContain('server note')
    }
    client.close()
  })

  it('keeps the body of other calls, redacted', async () => {
    teak = await startFakeTeak((request) =>
      request.url === AUTH_PATH ? undefined : { status: 500, body: { detail: 'database down' } }
    )
    const client = createTeakClient({ baseUrl: teak.url, credentials: KEYS, maxRetries: 0 })
    const error = await failureOf(client.createOrder(ORDER))
    expect(error.rawBody).toBe('{"detail":"database down"}')
    client.close()
  })
})

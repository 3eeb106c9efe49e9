import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS as WIRE_DEFAULTS } from '../../src/shared/teak/assumptions'
import { DEMO_KEYS, strictAssumptions, type RunningSandbox } from '../../src/sandbox'
import { errorsOf, exampleOrder, Partner, request, startTestSandbox } from './support'

const OTHER_CLIENT = { publicKey: 'pk_local_other', secretKey: 'sk_local_other' }

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))
}

describe('authentication (contract-notes §2)', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  const authUrl = (path = '/api/v2/auth/token/') => `${sandbox.url}${path}`
  const keys = { public_key: DEMO_KEYS.publicKey, secret_key: DEMO_KEYS.secretKey }
  const withHeader = (authorization?: string) =>
    request(
      `${sandbox.url}/api/v2/orders`,
      'POST',
      exampleOrder(),
      authorization ? { Authorization: authorization } : {}
    )

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox({ clients: [OTHER_CLIENT] })))
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  it('issues an HS256 JWT with iat, exp five minutes later and the client id, with or without the trailing slash', async () => {
    for (const path of ['/api/v2/auth/token/', '/api/v2/auth/token']) {
      const reply = await request<{ token: string }>(authUrl(path), 'POST', keys)
      expect(reply.status).toBe(200)
      const [header] = reply.body.token.split('.')
      expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual({
        alg: 'HS256',
        typ: 'JWT'
      })
      const claims = claimsOf(reply.body.token)
      expect(claims.client_id).toMatch(/^cl_[A-Za-z0-9]{8}$/)
      expect(Number(claims.exp) - Number(claims.iat)).toBe(300)
    }
  })

  it.each(['/api/v2/auth/token/', '/api/v2/auth/token'] as const)(
    'serves only %s when strict and told so',
    async (served) => {
      sandbox.setAssumptions(strictAssumptions({ ...WIRE_DEFAULTS, authPath: served }))
      const other = served.endsWith('/') ? served.slice(0, -1) : `${served}/`
      expect((await request(authUrl(served), 'POST', keys)).status).toBe(200)
      const refused = await request(authUrl(other), 'POST', keys)
      expect(refused.status).toBe(404)
      expect(errorsOf(refused)).toEqual([expect.objectContaining({ reason: 'NotFound' })])
    }
  )

  it('refuses wrong keys with 401 and missing or over-long keys with 400, never echoing them', async () => {
    const wrong = await request(authUrl(), 'POST', { ...keys, secret_key: 'sk_wrong_guess' })
    expect(wrong.status).toBe(401)
    expect(errorsOf(wrong)).toEqual([expect.objectContaining({ reason: 'InvalidCredentials' })])
    expect(wrong.text).not.toContain('sk_wrong_guess')
    const crossed = await request(authUrl(), 'POST', { ...keys, secret_key: OTHER_CLIENT.secretKey })
    expect(crossed.status).toBe(401)

    const missing = await request(authUrl(), 'POST', { public_key: keys.public_key })
    expect(missing.status).toBe(400)
    expect(errorsOf(missing)).toEqual([expect.objectContaining({ reason: 'Required', field: 'secret_key' })])
    const tooLong = await request(authUrl(), 'POST', { ...keys, secret_key: 's'.repeat(56) })
    expect(errorsOf(tooLong)).toEqual([expect.objectContaining({ reason: 'TooLong', field: 'secret_key' })])
    expect(tooLong.text).not.toContain('s'.repeat(56))
  })

  it('refuses a call without an Authorization header', async () => {
    const reply = await withHeader()
    expect(reply.status).toBe(401)
    expect(reply.headers.get('www-authenticate')).toBe('JWT')
    expect(errorsOf(reply)).toEqual([expect.objectContaining({ reason: 'NotAuthenticated' })])
    expect(sandbox.orders()).toEqual([])
  })

  it('refuses the Bearer scheme: the documented scheme word is JWT', async () => {
    const reply = await withHeader(`Bearer ${await partner.token()}`)
    expect(reply.status).toBe(401)
    expect(errorsOf(reply)[0].message).toContain('not "Bearer"')
  })

  it('refuses a token that is malformed, tampered with or from another sandbox', async () => {
    const token = await partner.token()
    const [header, payload, signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(token), client_id: 'cl_someone' })).toString(
      'base64url'
    )
    const other = await startTestSandbox()
    try {
      for (const bad of [
        'garbage',
        `${header}.${forged}.${signature}`,
        `${header}.${payload}.`,
        await other.partner.token()
      ]) {
        const reply = await withHeader(`JWT ${bad}`)
        expect(reply.status).toBe(401)
        expect(errorsOf(reply)).toEqual([expect.objectContaining({ reason: 'InvalidToken' })])
        expect(reply.text).not.toContain(bad)
      }
    } finally {
      await other.sandbox.close()
    }
  })

  it('accepts a token until it expires after five minutes (assumption authTokenLifetimeSeconds)', async () => {
    const token = await partner.token()
    sandbox.advanceClock(4 * 60 * 1000)
    expect((await withHeader(`JWT ${token}`)).status).toBe(201)
    sandbox.advanceClock(60 * 1000)
    const expired = await withHeader(`JWT ${token}`)
    expect(expired.status).toBe(401)
    expect(errorsOf(expired)).toEqual([expect.objectContaining({ reason: 'TokenExpired' })])

    sandbox.setAssumptions({ authTokenLifetimeSeconds: 3600 })
    const longLived = await partner.token()
    sandbox.advanceClock(59 * 60 * 1000)
    const quote = sandbox.mintQuoteToken({ opt_in: true })
    const decode = `${sandbox.url}/api/v2/quote/decode?token=${quote}`
    expect((await request(decode, 'GET', undefined, { Authorization: `JWT ${longLived}` })).status).toBe(200)
  })

  it('serves additional clients, each with its own client id and its own order numbers', async () => {
    const other = new Partner(sandbox, OTHER_CLIENT)
    const mine = await partner.call<{ client: string }>(
      'POST',
      '/api/v2/orders',
      exampleOrder('shared-number')
    )
    const theirs = await other.call<{ client: string }>(
      'POST',
      '/api/v2/orders',
      exampleOrder('shared-number')
    )
    expect(mine.status).toBe(201)
    expect(theirs.status).toBe(201)
    expect(theirs.body.client).not.toBe(mine.body.client)
  })
})

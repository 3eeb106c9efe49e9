import { describe, expect, it } from 'vitest'
import { inspectQuoteToken, readJwtClaims } from '../../../src/shared/teak/quote-token'

/** A compact JWT with the given payload; the signature is never checked, so any text will do. */
function jwt(payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part(header)}.${part(payload)}.c2lnbmF0dXJl`
}

describe('inspectQuoteToken', () => {
  it('reads opt_in: true and keeps every other claim', () => {
    const claims = { opt_in: true, reference_number: 'cart-1', iat: 1700000000 }
    expect(inspectQuoteToken(jwt(claims))).toEqual({ ok: true, optIn: true, claims })
  })

  it('reads opt_in: false (an opt-out)', () => {
    expect(inspectQuoteToken(jwt({ opt_in: false }))).toMatchObject({ ok: true, optIn: false })
  })

  it('leaves optIn undefined when the claim is missing or not a boolean', () => {
    // The docs' sample tokens are jwt.io's, with no opt_in claim at all.
    expect(inspectQuoteToken(jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }))).toMatchObject({
      ok: true,
      optIn: undefined
    })
    expect(inspectQuoteToken(jwt({ opt_in: 'false' }))).toMatchObject({ ok: true, optIn: undefined })
  })

  it('decodes UTF-8 claims and base64url characters (- and _) without padding', () => {
    const claims = { name: 'Café ü ✓ >>>??? ~~~', opt_in: true }
    const token = jwt(claims)
    expect(token.split('.')[1]).toMatch(/[-_]/)
    expect(inspectQuoteToken(token)).toEqual({ ok: true, optIn: true, claims })
  })

  it('ignores surrounding whitespace and accepts an empty signature (unsigned token)', () => {
    expect(inspectQuoteToken(`  ${jwt({ opt_in: true }).replace(/\.[^.]*$/, '.')}\n`)).toMatchObject({
      ok: true,
      optIn: true
    })
  })

  it.each([
    [
      'an empty string',
      '',
      'This quote token is incomplete: it should be three parts separated by dots (xxx.yyy.zzz).'
    ],
    ['two parts', 'eyJhbGciOiJIUzI1NiJ9.eyJvcHRfaW4iOnRydWV9', 'incomplete'],
    ['four parts', `${jwt({ opt_in: true })}.extra`, 'incomplete'],
    ['an empty payload', 'eyJhbGciOiJIUzI1NiJ9..sig', 'incomplete'],
    ['non-base64url characters', 'eyJhbGciOiJIUzI1NiJ9.eyJvc+Rf/W4i.sig', 'cannot be decoded'],
    ['an impossible base64 length', 'eyJhbGciOiJIUzI1NiJ9.abcde.sig', 'cannot be decoded'],
    ['a payload that is not JSON', `e30.${Buffer.from('not json').toString('base64url')}.sig`, 'is not JSON'],
    [
      'a payload that is not UTF-8',
      `e30.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.sig`,
      'cannot be decoded'
    ],
    ['a JSON array payload', jwt([1, 2]), 'not a set of claims'],
    ['a JSON string payload', jwt('opt_in'), 'not a set of claims'],
    ['a JSON null payload', jwt(null), 'not a set of claims']
  ])('refuses %s with a message naming the quote token', (_label, token, expected) => {
    const result = inspectQuoteToken(token)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toContain(expected)
    expect(result.ok ? '' : result.message).toMatch(/^This quote token /)
  })
})

describe('readJwtClaims', () => {
  it('reads any token, naming it generically in messages', () => {
    expect(readJwtClaims(jwt({ exp: 2000000000, iat: 1999999700 }))).toEqual({
      ok: true,
      claims: { exp: 2000000000, iat: 1999999700 }
    })
    expect(readJwtClaims('nope')).toEqual({
      ok: false,
      message: 'This token is incomplete: it should be three parts separated by dots (xxx.yyy.zzz).'
    })
  })
})

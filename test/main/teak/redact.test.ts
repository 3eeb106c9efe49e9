import { describe, expect, it } from 'vitest'
import { REDACTED, redact } from '../../../src/main/teak/redact'

/** With characters every encoding treats differently: a quote, a slash, a backslash, +, &, =, ~ and é. */
const SECRET = 'sk_live_Q9"x/é+&z=~w\\8f3b1c9e77d24a05'
const PLAIN_SECRET = 'sk_test_LEAKSCAN_8f3b1c9e77d24a05'

/**
 * Pieces that base64 of any text holding `secret` contains, computed independently of redact.ts: the secret
 * encoded after 0, 1 and 2 other bytes (the three ways it can sit in the 3-byte groups), minus the groups shared
 * with its neighbours.
 */
function base64Pieces(secret: string): string[] {
  return [0, 1, 2].flatMap((shift) => {
    const bytes = Buffer.concat([Buffer.alloc(shift, 'x'), Buffer.from(secret)])
    return [bytes.toString('base64'), bytes.toString('base64url')].map((encoded) => encoded.slice(4, 20))
  })
}

const lowerHex = (url: string) => url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())

/** The secret as written, JSON-escaped (also with \u escapes), URL-encoded (either hex case), and base64 of each. */
function leaks(text: string, secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const url = encodeURIComponent(secret)
  const written = [secret, json, json.replace('é', '\\u00e9'), url, lowerHex(url)]
  const forms = [...written, ...written.flatMap(base64Pieces)]
  return forms.filter((form) => text.includes(form))
}

describe('redact', () => {
  it('the leak check finds every form it looks for before redaction', () => {
    for (const secret of [SECRET, PLAIN_SECRET]) {
      for (const shift of ['', 'a', 'ab']) {
        const echoed = Buffer.from(`${shift}${secret}`).toString('base64')
        expect(leaks(echoed, secret).length).toBeGreaterThan(0)
      }
    }
  })

  it.each([
    ['as written', (s: string) => `bad key ${s}!`],
    ['JSON-escaped', (s: string) => JSON.stringify({ echo: s })],
    ['JSON-escaped with \\u escapes', (s: string) => JSON.stringify(s).replace('é', '\\u00e9')],
    ['URL-encoded', (s: string) => `secret_key=${encodeURIComponent(s)}&x=1`],
    ['URL-encoded, lower-case hex', (s: string) => lowerHex(encodeURIComponent(s))],
    ['base64', (s: string) => `b64: ${Buffer.from(s).toString('base64')}`],
    ['base64url after one byte', (s: string) => Buffer.from(`x${s}`).toString('base64url')],
    ['base64 after two bytes', (s: string) => Buffer.from(`xy${s}`).toString('base64')],
    [
      'base64 of the whole auth request',
      (s: string) =>
        JSON.stringify({
          error: Buffer.from(JSON.stringify({ public_key: 'pk_test_public', secret_key: s })).toString(
            'base64'
          )
        })
    ],
    [
      'base64url of the whole auth request',
      (s: string) => Buffer.from(`{"public_key":"pk_1","secret_key":"${s}"}`).toString('base64url')
    ]
  ])('removes the secret %s', (_label, echo) => {
    for (const secret of [SECRET, PLAIN_SECRET]) {
      const text = echo(secret)
      expect(leaks(text, secret).length).toBeGreaterThan(0)
      const clean = redact(text, [secret])
      expect(clean).toContain(REDACTED)
      expect(leaks(clean, secret)).toEqual([])
    }
  })

  it('leaves the rest of a message alone', () => {
    const text = `{"detail":"Invalid secret key for public key pk_test_public.","echo":"${PLAIN_SECRET}"}`
    expect(redact(text, [PLAIN_SECRET])).toBe(
      `{"detail":"Invalid secret key for public key pk_test_public.","echo":"${REDACTED}"}`
    )
    expect(redact('nothing to hide', ['', 'sk'])).toBe('nothing to hide')
  })

  it('still removes JWT-shaped tokens and Authorization values it was not told about', () => {
    expect(redact('Authorization: JWT abc.def and eyJhbGci.eyJzdWIi.c2ln', [])).toBe(
      `Authorization: JWT ${REDACTED} and ${REDACTED}`
    )
  })
})

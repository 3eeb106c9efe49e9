/**
 * Local, unverified reading of JSON Web Tokens: the quote token from Teak's widget (contract-notes §3.1) and,
 * in the main process, the auth token's `exp`. Nothing here checks a signature — Teak signs these tokens with
 * a key we do not have — so the claims are only a hint for display and planning, never proof.
 * Pure and browser-safe: `atob` and `TextDecoder` exist in browsers and in Node.
 */

export type JwtClaims = Record<string, unknown>

export type JwtReading = { ok: true; claims: JwtClaims } | { ok: false; message: string }

export type QuoteTokenReading =
  { ok: true; optIn: boolean | undefined; claims: JwtClaims } | { ok: false; message: string }

const BASE64URL = /^[A-Za-z0-9_-]+$/

// One decoder for every token: a CSV import inspects one token per order.
const UTF8 = new TextDecoder('utf-8', { fatal: true })

function decodeBase64Url(segment: string): string | null {
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) return null
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  try {
    return UTF8.decode(bytes)
  } catch {
    return null
  }
}

/**
 * The payload claims of a compact JWT (`header.payload.signature`), without any signature check.
 * `label` names the token in messages, e.g. "quote token".
 */
export function readJwtClaims(token: string, label = 'token'): JwtReading {
  const parts = token.trim().split('.')
  if (parts.length !== 3 || parts[0].length === 0 || parts[1].length === 0) {
    return {
      ok: false,
      message: `This ${label} is incomplete: it should be three parts separated by dots (xxx.yyy.zzz).`
    }
  }
  const payload = decodeBase64Url(parts[1])
  if (payload === null) {
    return {
      ok: false,
      message: `This ${label} is damaged: its middle part cannot be decoded (it is not base64url-encoded UTF-8 text).`
    }
  }
  let claims: unknown
  try {
    claims = JSON.parse(payload)
  } catch {
    return { ok: false, message: `This ${label} is damaged: its middle part is not JSON.` }
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return { ok: false, message: `This ${label} is damaged: its middle part is not a set of claims.` }
  }
  return { ok: true, claims: claims as JwtClaims }
}

/**
 * What a widget quote token says about the customer's choice. `optIn` is undefined when the token has no
 * boolean `opt_in` claim; Teak then processes the order as an opt-in (contract-notes §3.1).
 */
export function inspectQuoteToken(token: string): QuoteTokenReading {
  const reading = readJwtClaims(token, 'quote token')
  if (!reading.ok) return reading
  const optIn = reading.claims.opt_in
  return { ok: true, optIn: typeof optIn === 'boolean' ? optIn : undefined, claims: reading.claims }
}

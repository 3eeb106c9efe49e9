import { createHmac, timingSafeEqual } from 'node:crypto'

/** Compact JWTs signed with HMAC-SHA256, the algorithm Teak's tokens name in their header (contract-notes §3). */
export type JwtPayload = Record<string, unknown>

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}

function signature(signingInput: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(signingInput).digest()
}

export function signJwt(payload: JwtPayload, key: Buffer): string {
  const signingInput = `${HEADER}.${base64url(JSON.stringify(payload))}`
  return `${signingInput}.${signature(signingInput, key).toString('base64url')}`
}

/** The payload of a token this key signed, or null for anything else (malformed, foreign, tampered). */
export function verifyJwt(token: string, key: Buffer): JwtPayload | null {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[0] !== HEADER) return null
  const expected = signature(`${parts[0]}.${parts[1]}`, key)
  const given = Buffer.from(parts[2], 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as JwtPayload)
      : null
  } catch {
    return null
  }
}

import { createHash, timingSafeEqual } from 'node:crypto'
import type { SandboxClock } from './clock'
import { isoMicros } from './clock'
import { refuse } from './errors'
import { stableId } from './ids'
import { signJwt, verifyJwt } from './jwt'

export interface ClientKeys {
  publicKey: string
  secretKey: string
}

/** The built-in client. Not secret: it only opens this local sandbox. */
export const DEMO_KEYS: ClientKeys = { publicKey: 'pk_local_demo', secretKey: 'sk_local_demo' }

/** "Public and secret key will never exceed 55 characters in length" (contract-notes §2.1). */
export const KEY_MAX_LENGTH = 55

const SCHEME = 'JWT'
const TOKEN_USE = 'auth'
const GET_A_TOKEN = 'Request a new one from POST /api/v2/auth/token/.'

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** Issues and checks the partner auth tokens: `Authorization: JWT <token>` (contract-notes §2). */
export class Authenticator {
  private readonly clients = new Map<string, { id: string; secretDigest: Buffer }>()

  constructor(
    clients: ClientKeys[],
    private readonly signingKey: Buffer,
    private readonly clock: SandboxClock,
    private readonly lifetimeSeconds: () => number
  ) {
    for (const { publicKey, secretKey } of clients) {
      this.clients.set(publicKey, { id: stableId('cl', publicKey), secretDigest: digest(secretKey) })
    }
  }

  /** A signed token for the client these keys belong to, or null when they match no client. */
  issue(publicKey: string, secretKey: string): string | null {
    const client = this.clients.get(publicKey)
    if (!client || !timingSafeEqual(client.secretDigest, digest(secretKey))) return null
    const iat = Math.floor(this.clock.now() / 1000)
    return signJwt(
      { token_use: TOKEN_USE, client_id: client.id, iat, exp: iat + this.lifetimeSeconds() },
      this.signingKey
    )
  }

  /** The client id behind an Authorization header; refuses (401 by default) anything else. Never echoes the token. */
  clientIdOf(header: string | undefined): string {
    if (!header) {
      throw refuse(
        'unauthorized',
        'NotAuthenticated',
        `This call needs an Authorization header "JWT <token>". ${GET_A_TOKEN}`
      )
    }
    const [scheme, token, ...rest] = header.trim().split(/\s+/)
    if (scheme !== SCHEME || token === undefined || rest.length > 0) {
      const named = /^[A-Za-z]{1,20}$/.test(scheme) && token !== undefined ? `, not "${scheme}"` : ''
      throw refuse(
        'unauthorized',
        'NotAuthenticated',
        `The Authorization header must be the word JWT, a space and the token ("JWT <token>")${named}.`
      )
    }
    const claims = verifyJwt(token, this.signingKey)
    if (
      !claims ||
      claims.token_use !== TOKEN_USE ||
      typeof claims.client_id !== 'string' ||
      typeof claims.exp !== 'number'
    ) {
      throw refuse(
        'unauthorized',
        'InvalidToken',
        `The auth token is not one this sandbox issued. ${GET_A_TOKEN}`
      )
    }
    if (this.clock.now() >= claims.exp * 1000) {
      throw refuse(
        'unauthorized',
        'TokenExpired',
        `The auth token expired at ${isoMicros(claims.exp * 1000)}. ${GET_A_TOKEN}`
      )
    }
    return claims.client_id
  }
}

import { readJwtClaims } from '../../shared/teak/quote-token'

/**
 * Where calls get their `Authorization: JWT <token>` from. Two policies:
 * - fresh (default): Teak recommends a new token for each request (contract-notes §2.1), so each token is
 *   used once. Minting it would double every call's latency, so tokens are minted AHEAD: after each take the
 *   stock is topped up to the number of calls in progress, and a call usually finds a token that was minted
 *   while earlier calls were in flight. Unused tokens are simply left to expire.
 * - reuse: one token shared by all calls until shortly before it expires (what the legacy SDK did).
 */
export interface TokenLease {
  token: string
  /** True when the token was minted before this call asked for it, so Teak may consider it stale. */
  fromStock: boolean
}

export interface TokenSource {
  take(): Promise<TokenLease>
  /** Forget every token held, e.g. after Teak refused one as expired. */
  invalidate(): void
  /** Stop minting ahead and forget every token held. */
  close(): void
}

export type MintToken = () => Promise<string>

interface MintedToken {
  token: string
  usableUntil: number
}

/** ASSUMPTION: Teak documents no token lifetime (§2.2, §11.1); a token without `exp` is kept at most 60 s. */
export const ASSUMED_TOKEN_LIFETIME_MS = 60_000
/** Stop using a token this long before it expires (or half its lifetime, if shorter). */
export const EXPIRY_MARGIN_MS = 30_000
/** Upper bound on tokens minted ahead, whatever the concurrency. */
export const MAX_STOCK = 16

/** The local time until which a token minted at `mintedAt` is safe to send. */
export function usableUntil(token: string, mintedAt: number): number {
  const reading = readJwtClaims(token)
  const { exp, iat } = reading.ok ? reading.claims : {}
  // Measuring the lifetime as exp − iat against our own clock makes clock skew with Teak irrelevant.
  const lifetime =
    typeof exp === 'number' && typeof iat === 'number'
      ? (exp - iat) * 1000
      : typeof exp === 'number'
        ? exp * 1000 - mintedAt
        : ASSUMED_TOKEN_LIFETIME_MS
  return mintedAt + lifetime - Math.min(EXPIRY_MARGIN_MS, lifetime / 2)
}

function minter(mint: MintToken, now: () => number): () => Promise<MintedToken> {
  return async () => {
    const startedAt = now()
    const token = await mint()
    return { token, usableUntil: usableUntil(token, startedAt) }
  }
}

interface Prefetch {
  ready: Promise<MintedToken | null>
  /** Set once settled: the token, or null when minting failed. */
  result?: MintedToken | null
}

export function prefetchingTokenSource(
  mint: MintToken,
  callsInProgress: () => number,
  now: () => number = Date.now
): TokenSource {
  const mintNow = minter(mint, now)
  let stock: Prefetch[] = []
  let closed = false

  function prefetch(): Prefetch {
    // A failed prefetch is old news by the time it is taken: the taker mints again and reports that outcome.
    const entry: Prefetch = { ready: mintNow().catch(() => null) }
    void entry.ready.then((result) => (entry.result = result))
    return entry
  }

  function isUsable(minted: MintedToken | null | undefined): minted is MintedToken {
    return minted !== null && minted !== undefined && minted.usableUntil > now()
  }

  return {
    async take() {
      stock = stock.filter((entry) => entry.result === undefined || isUsable(entry.result))
      const next = stock.shift()
      if (!closed) {
        const target = Math.min(MAX_STOCK, Math.max(1, callsInProgress()))
        while (stock.length < target) stock.push(prefetch())
      }
      const minted = await next?.ready
      if (isUsable(minted)) return { token: minted.token, fromStock: true }
      return { token: (await mintNow()).token, fromStock: false }
    },
    invalidate() {
      stock = []
    },
    close() {
      closed = true
      stock = []
    }
  }
}

export function reusingTokenSource(mint: MintToken, now: () => number = Date.now): TokenSource {
  const mintNow = minter(mint, now)
  let current: Promise<MintedToken> | null = null

  return {
    async take() {
      const shared = current
      if (shared !== null) {
        const minted = await shared.catch(() => null)
        if (minted !== null && minted.usableUntil > now()) return { token: minted.token, fromStock: true }
        if (current === shared) current = null
      }
      current ??= mintNow()
      const mine = current
      try {
        return { token: (await mine).token, fromStock: false }
      } catch (error) {
        if (current === mine) current = null
        throw error
      }
    },
    invalidate() {
      current = null
    },
    close() {
      current = null
    }
  }
}

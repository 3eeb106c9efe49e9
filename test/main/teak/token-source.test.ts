import { describe, expect, it } from 'vitest'
import {
  ASSUMED_TOKEN_LIFETIME_MS,
  MAX_STOCK,
  prefetchingTokenSource,
  reusingTokenSource,
  usableUntil
} from '../../../src/main/teak/token-source'

const jwt = (claims: object) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`

/** A token issuer with a hand-driven clock: tokens live `lifetimeS` seconds; `fail` makes the next mints fail. */
function issuer(lifetimeS = 300) {
  const state = { clock: 1_000_000, minted: 0, fail: false }
  const mint = async () => {
    state.minted++
    if (state.fail) throw new Error('auth down')
    const iat = Math.floor(state.clock / 1000)
    return jwt({ n: state.minted, iat, exp: iat + lifetimeS })
  }
  return { state, mint, now: () => state.clock }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('usableUntil', () => {
  it('uses exp − iat against our own clock, minus 30 s', () => {
    // iat/exp far in the past: a skewed server clock does not matter.
    expect(usableUntil(jwt({ iat: 100, exp: 400 }), 5_000_000)).toBe(5_000_000 + 300_000 - 30_000)
  })

  it('keeps at most half of a short lifetime', () => {
    expect(usableUntil(jwt({ iat: 100, exp: 120 }), 0)).toBe(10_000)
  })

  it('uses exp alone against our clock when iat is missing', () => {
    expect(usableUntil(jwt({ exp: 1_000 }), 900_000)).toBe(1_000_000 - 30_000)
  })

  it(`assumes ${ASSUMED_TOKEN_LIFETIME_MS / 1000} s for a token without exp, or one that is not a JWT`, () => {
    expect(usableUntil(jwt({ sub: 'x' }), 0)).toBe(30_000)
    expect(usableUntil('opaque-token', 0)).toBe(30_000)
  })
})

describe('prefetchingTokenSource (fresh token per request)', () => {
  it('mints the next token as soon as one is taken, so the next call finds it ready', async () => {
    const { state, mint, now } = issuer()
    const tokens = prefetchingTokenSource(mint, () => 1, now)
    const first = await tokens.take()
    expect(first.fromStock).toBe(false)
    expect(state.minted).toBe(2)
    const second = await tokens.take()
    expect(second.fromStock).toBe(true)
    expect(state.minted).toBe(3)
    expect(second.token).not.toBe(first.token)
  })

  it('hands out every token once', async () => {
    const { mint, now } = issuer()
    const tokens = prefetchingTokenSource(mint, () => 3, now)
    const taken = await Promise.all(Array.from({ length: 30 }, () => tokens.take()))
    expect(new Set(taken.map((lease) => lease.token)).size).toBe(30)
  })

  it('keeps as many tokens in stock as calls are in progress, up to the cap', async () => {
    const { state, mint, now } = issuer()
    let inProgress = 8
    const tokens = prefetchingTokenSource(mint, () => inProgress, now)
    await tokens.take()
    expect(state.minted).toBe(1 + 8)
    await tokens.take()
    expect(state.minted).toBe(1 + 8 + 1)
    inProgress = 100
    await tokens.take()
    expect(state.minted).toBe(1 + 8 + 1 + (MAX_STOCK - 7))
  })

  it('drops stock that is about to expire instead of sending it', async () => {
    const { state, mint, now } = issuer(300)
    const tokens = prefetchingTokenSource(mint, () => 1, now)
    await tokens.take()
    await settle()
    state.clock += 271_000 // 29 s before expiry: inside the 30 s margin
    const lease = await tokens.take()
    expect(lease.fromStock).toBe(false)
    const claims = JSON.parse(Buffer.from(lease.token.split('.')[1], 'base64url').toString())
    expect(claims.iat * 1000).toBe(state.clock)
  })

  it('does not report a failed prefetch: the taker mints again', async () => {
    const { state, mint, now } = issuer()
    const tokens = prefetchingTokenSource(mint, () => 1, now)
    state.fail = true
    await expect(tokens.take()).rejects.toThrow('auth down')
    await settle()
    state.fail = false
    const lease = await tokens.take()
    expect(lease.fromStock).toBe(false)
  })

  it('starts over after invalidate()', async () => {
    const { mint, now } = issuer()
    const tokens = prefetchingTokenSource(mint, () => 1, now)
    await tokens.take()
    tokens.invalidate()
    expect((await tokens.take()).fromStock).toBe(false)
    expect((await tokens.take()).fromStock).toBe(true)
  })

  it('mints only on demand after close()', async () => {
    const { state, mint, now } = issuer()
    const tokens = prefetchingTokenSource(mint, () => 4, now)
    await tokens.take()
    tokens.close()
    const before = state.minted
    expect((await tokens.take()).fromStock).toBe(false)
    expect((await tokens.take()).fromStock).toBe(false)
    expect(state.minted).toBe(before + 2)
  })
})

describe('reusingTokenSource (tokenReuse: true)', () => {
  it('shares one token, minted once even for concurrent callers, until shortly before it expires', async () => {
    const { state, mint, now } = issuer(300)
    const tokens = reusingTokenSource(mint, now)
    const leases = await Promise.all([tokens.take(), tokens.take(), tokens.take()])
    expect(new Set(leases.map((lease) => lease.token)).size).toBe(1)
    expect(leases.map((lease) => lease.fromStock)).toEqual([false, true, true])
    expect(state.minted).toBe(1)
    state.clock += 269_000
    expect((await tokens.take()).token).toBe(leases[0].token)
    state.clock += 2_000
    expect((await tokens.take()).token).not.toBe(leases[0].token)
    expect(state.minted).toBe(2)
  })

  it('does not keep a failure: the next take mints again', async () => {
    const { state, mint, now } = issuer()
    const tokens = reusingTokenSource(mint, now)
    state.fail = true
    await expect(tokens.take()).rejects.toThrow('auth down')
    state.fail = false
    expect((await tokens.take()).fromStock).toBe(false)
  })

  it('mints a new token after invalidate()', async () => {
    const { mint, now } = issuer()
    const tokens = reusingTokenSource(mint, now)
    const first = await tokens.take()
    tokens.invalidate()
    expect((await tokens.take()).token).not.toBe(first.token)
  })
})

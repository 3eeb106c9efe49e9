import { describe, expect, it } from 'vitest'
import { TeakApiError, type TeakApiErrorInit } from '../../../src/main/teak/errors'
import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from '../../../src/main/teak/retry'

const error = (init: Partial<TeakApiErrorInit>) =>
  new TeakApiError({ kind: 'server', message: 'x', requestMayHaveReachedTeak: true, ...init })

const refused = error({ kind: 'network', reason: 'unreachable', requestMayHaveReachedTeak: false })
const reset = error({ kind: 'network', reason: 'reset' })
const dns = error({ kind: 'network', reason: 'dns', requestMayHaveReachedTeak: false })
const tls = error({ kind: 'network', reason: 'tls', requestMayHaveReachedTeak: false })

describe('retryDelayMs', () => {
  it.each([
    ['a refused connection', refused, 100, 100],
    ['a 429 without Retry-After', error({ kind: 'rate_limited', status: 429 }), 100, 100],
    ['a 429 with Retry-After', error({ kind: 'rate_limited', status: 429, retryAfterMs: 1500 }), 1500, 1500],
    ['a 5xx', error({ kind: 'server', status: 503 }), null, 100],
    ['a reset connection', reset, null, 100],
    ['a DNS failure', dns, null, 100],
    ['a TLS failure', tls, null, null],
    ['a timeout', error({ kind: 'timeout' }), null, null],
    ['a validation error', error({ kind: 'validation', status: 400 }), null, null],
    ['an auth error', error({ kind: 'auth', status: 401 }), null, null],
    ['a conflict', error({ kind: 'conflict', status: 409 }), null, null],
    ['a not-found', error({ kind: 'not_found', status: 404 }), null, null],
    ['an unreadable answer', error({ kind: 'unexpected_response', status: 200 }), null, null]
  ])('after %s', (_label, failure, once, repeatable) => {
    expect(retryDelayMs(failure, 0, 'once')).toBe(once)
    expect(retryDelayMs(failure, 0, 'repeatable')).toBe(repeatable)
  })

  it('backs off exponentially up to a cap', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => retryDelayMs(refused, n, 'once'))).toEqual([
      100, 200, 400, 800, 1600, 2000, 2000
    ])
  })

  it('gives up on a Retry-After beyond the cap instead of waiting it out', () => {
    const tooLong = error({ kind: 'rate_limited', status: 429, retryAfterMs: MAX_RETRY_AFTER_MS + 1 })
    expect(retryDelayMs(tooLong, 0, 'repeatable')).toBeNull()
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z')
  it.each([
    [null, undefined],
    ['3', 3000],
    [' 0 ', 0],
    ['Wed, 01 Jan 2025 00:00:05 GMT', 5000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
    ['soon', undefined],
    ['2025-01-01', undefined],
    ['-1', undefined]
  ])('%j → %s ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms)
  })
})

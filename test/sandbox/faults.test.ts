import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_KEYS, type RunningSandbox } from '../../src/sandbox'
import { errorsOf, exampleOrder, helper, request, startTestSandbox, type Partner } from './support'

/** Injected faults (latency, 503, reset, 429, hang) decide before anything changes, and replay by seed. */
describe('fault injection', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  const keys = { public_key: DEMO_KEYS.publicKey, secret_key: DEMO_KEYS.secretKey }
  const authCall = (init: { signal?: AbortSignal } = {}) =>
    fetch(`${sandbox.url}/api/v2/auth/token/`, { method: 'POST', body: JSON.stringify(keys), ...init })
  /** Creates an order with a token fetched before the faults are switched on; `giveUpMs` aborts the call. */
  async function createWithFault(faults: Parameters<RunningSandbox['setFaults']>[0], giveUpMs?: number) {
    const token = await partner.token()
    sandbox.setFaults(faults)
    return fetch(`${sandbox.url}/api/v2/orders`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(exampleOrder()),
      signal: giveUpMs === undefined ? undefined : AbortSignal.timeout(giveUpMs)
    })
  }
  const lastLogged = () => sandbox.requests().at(-1)

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox({ seed: 7 })))
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  it('delays each /api answer by latencyMs, but not the helpers', async () => {
    sandbox.setFaults({ latencyMs: 150 })
    let started = performance.now()
    expect((await authCall()).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
    started = performance.now()
    await helper(sandbox, 'GET', '/orders')
    expect(performance.now() - started).toBeLessThan(100)
  })

  it('answers 503 with the legacy error body at failRate 1 and changes nothing', async () => {
    const response = await createWithFault({ failRate: 1 })
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: {
        errors: [{ reason: 'ServiceUnavailable', message: expect.stringContaining('nothing was changed') }]
      }
    })
    expect(sandbox.orders()).toEqual([])
    expect(lastLogged()).toMatchObject({ path: '/api/v2/orders', status: 503, fault: 'fail' })
  })

  it('replays the same failures for the same seed', async () => {
    const run = async () => {
      sandbox.setFaults({ failRate: 0.5, seed: 42 })
      const statuses: number[] = []
      for (let i = 0; i < 16; i++) statuses.push((await authCall()).status)
      return statuses
    }
    const first = await run()
    expect(first).toContain(503)
    expect(first).toContain(200)
    expect(await run()).toEqual(first)
  })

  it('drops the connection before processing at resetRate 1: nothing is stored', async () => {
    await expect(createWithFault({ resetRate: 1 })).rejects.toThrow()
    expect(sandbox.orders()).toEqual([])
    expect(lastLogged()).toMatchObject({ status: null, fault: 'reset' })
  })

  it('drops the connection after processing with resetTiming "after": the order exists but the client never heard (in doubt)', async () => {
    await expect(createWithFault({ resetRate: 1, resetTiming: 'after' })).rejects.toThrow()
    expect(sandbox.orders().map((o) => o.order_number)).toEqual(['order-number-in-my-system-01'])
    expect(lastLogged()).toMatchObject({ status: 201, fault: 'reset' })
  })

  it('limits calls per second with 429 and Retry-After', async () => {
    sandbox.setFaults({ rateLimit: 2 })
    const responses = await Promise.all(Array.from({ length: 6 }, () => authCall()))
    const limited = responses.filter((r) => r.status === 429)
    // Six calls land in one or two one-second windows: at most four pass.
    expect(limited.length).toBeGreaterThanOrEqual(2)
    expect(limited[0].headers.get('retry-after')).toBe('1')
    expect(await limited[0].json()).toEqual({
      error: { errors: [expect.objectContaining({ reason: 'RateLimited' })] }
    })
  })

  it('leaves a call unanswered at timeoutRate 1 until the client gives up, changing nothing', async () => {
    const started = performance.now()
    await expect(createWithFault({ timeoutRate: 1 }, 300)).rejects.toThrow(/timeout|aborted/i)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(sandbox.orders()).toEqual([])
    expect(lastLogged()).toMatchObject({ status: null, fault: 'timeout' })
  })

  it('still processes a call whose client gave up during the latency: the outcome is in doubt', async () => {
    await expect(createWithFault({ latencyMs: 300 }, 100)).rejects.toThrow(/timeout|aborted/i)
    expect(sandbox.orders()).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sandbox.orders()).toHaveLength(1)
    expect(lastLogged()).toMatchObject({ status: 201, fault: null })
  })

  it('switches faults over HTTP and refuses invalid values', async () => {
    const set = await helper(sandbox, 'PUT', '/faults', { failRate: 1 })
    expect(set.body).toMatchObject({ failRate: 1, latencyMs: 0, seed: 7 })
    expect((await authCall()).status).toBe(503)
    const invalid = await helper(sandbox, 'PUT', '/faults', { failRate: 2, bogus: true })
    expect(invalid.status).toBe(400)
    expect(errorsOf(invalid).map((e) => e.field)).toEqual(expect.arrayContaining(['failRate']))
    expect((await helper(sandbox, 'GET', '/faults')).body).toMatchObject({ failRate: 1 })
  })

  it('takes its starting faults from the options and returns to them on reset', async () => {
    const slow = await startTestSandbox({ failRate: 1 })
    try {
      const reply = await request(`${slow.sandbox.url}/api/v2/auth/token/`, 'POST', keys)
      expect(reply.status).toBe(503)
      slow.sandbox.setFaults({ failRate: 0 })
      slow.sandbox.reset()
      expect((await request(`${slow.sandbox.url}/api/v2/auth/token/`, 'POST', keys)).status).toBe(503)
    } finally {
      await slow.sandbox.close()
    }
  })
})

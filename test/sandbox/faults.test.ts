import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_KEYS, type RunningSandbox, type SandboxHold } from '../../src/sandbox'
import { waitFor } from '../support/wait-for'
import { errorsOf, exampleOrder, helper, request, startTestSandbox, type Partner } from './support'

/** Injected faults (latency, 503, reset, 429, hang) decide before anything changes, and replay by seed. */
describe('fault injection', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  const keys = { public_key: DEMO_KEYS.publicKey, secret_key: DEMO_KEYS.secretKey }
  const authCall = () =>
    fetch(`${sandbox.url}/api/v2/auth/token/`, { method: 'POST', body: JSON.stringify(keys) })
  /** Creates an order with a token fetched before `prepare` runs (switching faults on); `signal` aborts it. */
  async function createAfter(prepare: () => void, signal?: AbortSignal) {
    const token = await partner.token()
    prepare()
    return fetch(`${sandbox.url}/api/v2/orders`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(exampleOrder()),
      signal
    })
  }
  const createWithFault = (faults: Parameters<RunningSandbox['setFaults']>[0], signal?: AbortSignal) =>
    createAfter(() => sandbox.setFaults(faults), signal)
  const lastLogged = () => sandbox.requests().at(-1)

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox({ seed: 7 })))
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  it('delays each /api answer by latencyMs, but not the helpers', async () => {
    sandbox.setFaults({ latencyMs: 5_000 })
    const started = performance.now()
    const delayed = authCall().then((response) => ({
      status: response.status,
      ms: performance.now() - started
    }))
    const first = await Promise.race([
      delayed.then(() => 'the /api call'),
      helper(sandbox, 'GET', '/orders').then(() => 'the helper')
    ])
    expect(first).toBe('the helper')
    const { status, ms } = await delayed
    expect(status).toBe(200)
    expect(ms).toBeGreaterThanOrEqual(4_990)
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

  it('limits calls per window with 429 and Retry-After; the next window admits again', async () => {
    // The rate limit's clock, moved by hand: all six calls share a window however long they take to arrive.
    let now = 0
    const limited = await startTestSandbox({ rateLimit: 2, rateLimitClock: () => now })
    try {
      const auth = () => request(`${limited.sandbox.url}/api/v2/auth/token/`, 'POST', keys)
      const responses = await Promise.all(Array.from({ length: 6 }, auth))
      const refused = responses.filter((r) => r.status === 429)
      expect(refused).toHaveLength(4)
      expect(refused[0].headers.get('retry-after')).toBe('1')
      expect(refused[0].body).toEqual({
        error: { errors: [expect.objectContaining({ reason: 'RateLimited' })] }
      })
      expect(limited.sandbox.requests().map((r) => r.fault)).toEqual([
        null,
        null,
        ...Array(4).fill('rate-limit')
      ])
      now = 1_000
      expect((await auth()).status).toBe(200)
    } finally {
      await limited.sandbox.close()
    }
  })

  it('leaves a call unanswered at timeoutRate 1 until the client gives up, changing nothing', async () => {
    const giveUp = new AbortController()
    let settled = false
    const call = createWithFault({ timeoutRate: 1 }, giveUp.signal).finally(() => (settled = true))
    await waitFor('the sandbox to take the call', () => lastLogged()?.fault === 'timeout')
    expect(settled).toBe(false)
    giveUp.abort()
    await expect(call).rejects.toThrow(/abort/i)
    expect(sandbox.orders()).toEqual([])
    expect(lastLogged()).toMatchObject({ status: null, fault: 'timeout' })
  })

  it('still processes a call whose client gave up while it waited: the outcome is in doubt', async () => {
    const giveUp = new AbortController()
    let hold: SandboxHold | undefined
    const call = createAfter(() => (hold = sandbox.hold()), giveUp.signal)
    await waitFor('the sandbox to read and hold the call', () => hold?.held().length === 1)
    giveUp.abort()
    await expect(call).rejects.toThrow(/abort/i)
    expect(sandbox.orders()).toEqual([])
    hold!.release()
    await waitFor('the sandbox to answer the call', () => lastLogged()?.path === '/api/v2/orders')
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

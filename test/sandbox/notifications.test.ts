import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningSandbox, Ticker } from '../../src/sandbox'
import { pythonJsonDumps } from '../../src/shared/notifications/python-json'
import { hmacSignature } from '../../src/shared/notifications/signature'
import type { TeakOrder, TeakPolicy } from '../../src/shared/teak/responses'
import { exampleOrder, helper, Partner, startTestSandbox } from './support'

interface Received {
  body: string
  signature: string | undefined
}

/** A webhook endpoint on loopback that records what arrives and answers with `status()`. */
async function startEndpoint(status: () => number) {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: req.headers['x-protecht-signature'] as string | undefined
      })
      res.writeHead(status()).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** A batch timer stepped by hand: records the interval it was given, ticks when told. */
function manualTicker() {
  const state = { intervalMs: 0, tick: () => Promise.resolve() }
  const ticker: Ticker = (ms, tick) => {
    state.intervalMs = ms
    state.tick = tick
    return () => {}
  }
  return { ticker, state }
}

const SECRET = 'whsec-sandbox'

describe('the sandbox notifies as Teak does', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  let endpoint: Awaited<ReturnType<typeof startEndpoint>>
  let clock: ReturnType<typeof manualTicker>
  let answer: number
  let policies: TeakPolicy[]

  beforeEach(async () => {
    answer = 200
    endpoint = await startEndpoint(() => answer)
    clock = manualTicker()
    ;({ sandbox, partner } = await startTestSandbox({
      notifications: { url: endpoint.url, secret: SECRET },
      notificationTicker: clock.ticker
    }))
    policies = (await partner.call<TeakOrder>('POST', '/api/v2/orders', exampleOrder('NOTE-1'))).body.policies
  })
  afterEach(async () => {
    await sandbox.close()
    await endpoint.close()
  })

  /** One batch, as the timer starts it. */
  const tick = () => clock.state.tick()

  it('batches every minute by default and delivers nothing before the batch', async () => {
    expect(clock.state.intervalMs).toBe(60_000)
    await helper(sandbox, 'POST', `/customer-void/${policies[0].policy_number}`)
    expect(endpoint.received).toEqual([])
    expect(sandbox.notifications.waiting()).toHaveLength(1)
    await tick()
    expect(endpoint.received).toHaveLength(1)
    expect(sandbox.notifications.waiting()).toEqual([])
  })

  it("sends each notification as Python's json.dumps writes it, signed over those bytes", async () => {
    await helper(sandbox, 'POST', `/customer-void/${policies[0].policy_number}`)
    await tick()
    const [{ body, signature }] = endpoint.received
    const payload = JSON.parse(body) as Record<string, unknown>
    expect(body).toBe(pythonJsonDumps(payload))
    expect(signature).toBe(await hmacSignature(SECRET, body))
    expect(payload).toMatchObject({
      event: 'Contract Void',
      order_number: 'NOTE-1',
      policy_number: policies[0].policy_number,
      policy_number_new: policies[0].policy_number_new,
      status: 'Voided',
      currency: 'USD',
      premium: policies[0].premium,
      refund_amount: policies[0].premium
    })
  })

  it('notifies customer voids, downgrades (with the refund when given), holds and partner cancels', async () => {
    const [first, second] = policies
    await helper(sandbox, 'POST', `/customer-downgrade/${first.policy_number}`, { refund_amount: '1.50' })
    await partner.call('PUT', `/api/v2/policies/${second.policy_number}/cancel`)
    const other = (await partner.call<TeakOrder>('POST', '/api/v2/orders', exampleOrder('NOTE-2'))).body
      .policies[0]
    await helper(sandbox, 'POST', `/on-hold/${other.policy_number}`)
    await tick()
    const sent = endpoint.received.map((delivery) => JSON.parse(delivery.body) as Record<string, unknown>)
    expect(sent.map(({ event, status, refund_amount }) => [event, status, refund_amount])).toEqual([
      ['Contract Downgraded', 'Downgraded', '1.50'],
      ['Contract Canceled', 'Canceled', undefined],
      ['Contract On Hold', 'On Hold', undefined]
    ])
  })

  it('keeps what the endpoint refused for the next batch, and sends it again unchanged', async () => {
    await helper(sandbox, 'POST', `/customer-void/${policies[0].policy_number}`)
    answer = 503
    await tick()
    expect(sandbox.notifications.waiting()).toHaveLength(1)
    answer = 200
    await tick()
    expect(endpoint.received).toHaveLength(2)
    expect(endpoint.received[1]).toEqual(endpoint.received[0])
    expect(sandbox.notifications.deliveries().map((attempt) => attempt.status)).toEqual([503, 200])
    await tick()
    expect(endpoint.received).toHaveLength(2)
  })

  it('is configured like the dashboard: URL, secret, and an interval down to a second', async () => {
    const reply = await helper<{ intervalMs: number; signed: boolean }>(sandbox, 'PUT', '/notifications', {
      interval_ms: 1000,
      secret: null
    })
    expect(reply.body).toMatchObject({ intervalMs: 1000, signed: false, url: endpoint.url })
    expect(clock.state.intervalMs).toBe(1000)
    expect((await helper(sandbox, 'PUT', '/notifications', { interval_ms: 10 })).status).toBe(400)
    await helper(sandbox, 'POST', `/customer-void/${policies[0].policy_number}`)
    const flushed = await helper<{ waiting: unknown[] }>(sandbox, 'POST', '/notifications/flush')
    expect(flushed.body.waiting).toEqual([])
    expect(endpoint.received[0].signature).toBeUndefined()
  })

  it('queues nothing without a webhook URL', async () => {
    await helper(sandbox, 'PUT', '/notifications', { url: null })
    await helper(sandbox, 'POST', `/customer-void/${policies[0].policy_number}`)
    expect(sandbox.notifications.waiting()).toEqual([])
  })
})

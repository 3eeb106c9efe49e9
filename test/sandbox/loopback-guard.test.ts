import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../src/sandbox'
import { rawRequest } from '../support/raw-request'
import { exampleOrder, startTestSandbox, type Partner } from './support'

/**
 * A web page can make the browser send requests to 127.0.0.1 (DNS rebinding, or a cross-site request),
 * which could reset the local sandbox or read its orders. It answers only requests addressed to its own
 * loopback name and port, and refuses any Origin but its own.
 */
describe('sandbox loopback guard', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  beforeAll(async () => {
    ;({ sandbox, partner } = await startTestSandbox())
    expect((await partner.call('POST', '/api/v2/orders', exampleOrder('guard-1'))).status).toBe(201)
  })
  afterAll(() => sandbox.close())

  const call = (path: string, headers: Record<string, string>, method = 'GET') =>
    rawRequest(sandbox.port, { method, path, headers })

  it('refuses a foreign Host, for the helpers and for the API, and changes nothing', async () => {
    const logged = sandbox.requests().length
    const orders = sandbox.orders().length
    for (const host of [
      `evil.example:${sandbox.port}`,
      `localhost.evil.example:${sandbox.port}`,
      `127.0.0.1:${sandbox.port}.evil.example`,
      `127.0.0.1:${sandbox.port + 1}`,
      '127.0.0.1'
    ]) {
      const reset = await call('/__sandbox/reset', { host }, 'POST')
      expect(reset.status, host).toBe(403)
      expect(JSON.parse(reset.body).error.errors[0].reason).toBe('Forbidden')
      expect((await call('/__sandbox/orders', { host })).status, host).toBe(403)
      expect((await call('/api/v2/orders/x', { host })).status, host).toBe(403)
    }
    expect(sandbox.orders().length).toBe(orders)
    expect(sandbox.requests().length).toBe(logged)
  })

  it('refuses any Origin but its own, even with its own Host', async () => {
    const host = `127.0.0.1:${sandbox.port}`
    for (const origin of [
      'https://evil.example',
      'null',
      `https://127.0.0.1:${sandbox.port}`,
      `http://localhost:${sandbox.port}`,
      `http://127.0.0.1:${sandbox.port + 1}`
    ]) {
      expect((await call('/__sandbox/orders', { host, origin })).status, origin).toBe(403)
    }
    expect((await call('/__sandbox/orders', { host, origin: `http://${host}` })).status).toBe(200)
  })

  it('answers its loopback names with its port, as clients address it', async () => {
    for (const host of [`127.0.0.1:${sandbox.port}`, `localhost:${sandbox.port}`, `[::1]:${sandbox.port}`]) {
      const reply = await call('/__sandbox/orders', { host })
      expect(reply.status, host).toBe(200)
      expect(JSON.parse(reply.body).orders.length).toBeGreaterThan(0)
    }
  })
})

import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createTcpServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEYS, startSandbox, strictAssumptions } from '../../../src/sandbox/index'
import { DEFAULT_ASSUMPTIONS } from '../../../src/shared/teak/assumptions'
import { testConnection } from '../../../src/main/settings/connection-test'
import { createTeakClient } from '../../../src/main/teak/client'

let sandbox: Awaited<ReturnType<typeof startSandbox>>
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})
afterAll(() => sandbox.close())

const target = (baseUrl: string, secretKey = DEMO_KEYS.secretKey, timeoutMs = 15_000) => ({
  label: 'Test target',
  baseUrl,
  credentials: { publicKey: DEMO_KEYS.publicKey, secretKey },
  timeoutMs
})

/** A port that was free a moment ago: nothing accepts connections there. */
async function closedPort(): Promise<number> {
  const server = createTcpServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Accepts connections and never answers; counts the connections it accepted. */
async function silentServer(): Promise<{ url: string; accepted(): number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  let accepted = 0
  const server = createTcpServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

describe('testConnection against real loopback servers', () => {
  it('succeeds with the demo keys on the local sandbox, and says how long it took', async () => {
    const result = await testConnection(createTeakClient, target(sandbox.url))
    expect(result).toEqual({ ok: true, ms: expect.any(Number), assumptions: expect.any(Array) })
  })

  it('confirms the auth path it minted a token at, and says the other wire assumptions were not checked', async () => {
    const result = await testConnection(createTeakClient, target(sandbox.url))
    expect(result.assumptions).toEqual([
      {
        name: 'authPath',
        value: '/api/v2/auth/token/',
        status: 'confirmed',
        note: 'confirmed: Teak issued a token at /api/v2/auth/token/'
      },
      ...['trailingSlash', 'orderIdKind', 'policyIdKind'].map((name) => ({
        name,
        value: DEFAULT_ASSUMPTIONS[name as 'trailingSlash'],
        status: 'not_checked',
        note: 'not checked: a connection test only asks for a token'
      }))
    ])
  })

  it("reports an auth path the strict sandbox does not serve, and confirms the environment's other choice", async () => {
    const strict = await startSandbox({
      port: 0,
      assumptions: strictAssumptions({ ...DEFAULT_ASSUMPTIONS, authPath: '/api/v2/auth/token' })
    })
    try {
      const refused = await testConnection(createTeakClient, target(strict.url))
      expect(refused).toMatchObject({
        ok: false,
        reason: 'other',
        message: `Test target (${strict.url}) has no auth token endpoint at /api/v2/auth/token/ (404). Check the address, or choose the other auth path under Assumptions.`
      })
      expect(refused.assumptions?.[0]).toMatchObject({ name: 'authPath', status: 'not_confirmed' })
      const wire = { ...DEFAULT_ASSUMPTIONS, authPath: '/api/v2/auth/token' as const }
      const confirmed = await testConnection(createTeakClient, { ...target(strict.url), wire })
      expect(confirmed).toMatchObject({ ok: true })
      expect(confirmed.assumptions?.[0]).toEqual({
        name: 'authPath',
        value: '/api/v2/auth/token',
        status: 'confirmed',
        note: 'confirmed: Teak issued a token at /api/v2/auth/token'
      })
    } finally {
      await strict.close()
    }
  })

  it('reports wrong keys when the sandbox refuses the secret', async () => {
    const result = await testConnection(createTeakClient, target(sandbox.url, 'sk_wrong_secret'))
    expect(result).toEqual({
      ok: false,
      reason: 'wrong_keys',
      message: `Test target (${sandbox.url}) refused the keys. Check the public and secret key in the Teak dashboard (Affiliate Settings) and enter them again.`,
      assumptions: expect.any(Array)
    })
    expect(JSON.stringify(result)).not.toContain('sk_wrong_secret')
  })

  it('reports an address where nothing listens as unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    expect(await testConnection(createTeakClient, target(url))).toEqual({
      ok: false,
      reason: 'unreachable',
      message: `Could not reach Test target (${url}). Check the address and your network connection.`,
      assumptions: expect.any(Array)
    })
  })

  it('reports a server that never answers as a timeout, after one attempt', async () => {
    const silent = await silentServer()
    try {
      // Short, yet safe on a busy machine: nothing ever answers, so nothing can outrun it.
      const result = await testConnection(createTeakClient, target(silent.url, DEMO_KEYS.secretKey, 300))
      expect(result).toEqual({
        ok: false,
        reason: 'timeout',
        message: `Test target (${silent.url}) did not answer within 300 ms. Try again later, or check the address.`,
        assumptions: expect.any(Array)
      })
      expect(silent.accepted()).toBe(1)
    } finally {
      await silent.close()
    }
  })

  it('reports a failed TLS handshake as tls', async () => {
    const plain: Server = createHttpServer((_, res) => res.end('plain http'))
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
    const { port } = plain.address() as AddressInfo
    try {
      const result = await testConnection(createTeakClient, target(`https://127.0.0.1:${port}`))
      expect(result).toMatchObject({ ok: false, reason: 'tls' })
    } finally {
      await new Promise((resolve) => plain.close(resolve))
    }
  })
})

import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createTcpServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEYS, startSandbox } from '../../../src/sandbox/index'
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
    expect(result).toEqual({ ok: true, ms: expect.any(Number) })
  })

  it('reports wrong keys when the sandbox refuses the secret', async () => {
    const result = await testConnection(createTeakClient, target(sandbox.url, 'sk_wrong_secret'))
    expect(result).toEqual({
      ok: false,
      reason: 'wrong_keys',
      message: `Test target (${sandbox.url}) refused the keys. Check the public and secret key in the Teak dashboard (Affiliate Settings) and enter them again.`
    })
    expect(JSON.stringify(result)).not.toContain('sk_wrong_secret')
  })

  it('reports an address where nothing listens as unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    expect(await testConnection(createTeakClient, target(url))).toEqual({
      ok: false,
      reason: 'unreachable',
      message: `Could not reach Test target (${url}). Check the address and your network connection.`
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
        message: `Test target (${silent.url}) did not answer within 300 ms. Try again later, or check the address.`
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

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { exchange, type HttpRequest } from '../../../src/main/teak/transport'
import { closedPort } from './fake-teak'

/**
 * The transport over real loopback sockets: kept-alive connections, and each way an exchange can fail
 * classified as the in-doubt rules need it (a request that may have reached Teak versus one that cannot have).
 */
interface TestServer {
  url: string
  /** Connections accepted so far. */
  connections: number
  /** Requests whose body was read in full. */
  requests: number
}

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  onConnection: (socket: Socket) => void = () => {}
): Promise<TestServer> {
  const state = { url: '', connections: 0, requests: 0 }
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      state.requests++
      handler(req, res)
    })
  })
  server.on('connection', (socket: Socket) => {
    state.connections++
    onConnection(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}

const post = (url: string, timeoutMs = 30_000): HttpRequest => ({
  method: 'POST',
  url: `${url}/api/v2/orders`,
  headers: { Authorization: 'JWT t' },
  json: { order_number: 'A-1' },
  timeoutMs
})

const answer = (res: ServerResponse) => {
  res.writeHead(201, { 'Content-Type': 'application/json', 'Retry-After': '3' })
  res.end('{"ok":true}')
}

describe('connections', () => {
  it('sends the JSON body and reads status, headers and body', async () => {
    let seen: { method?: string; type?: string; accept?: string } = {}
    const server = await serve((req, res) => {
      seen = { method: req.method, type: req.headers['content-type'], accept: req.headers.accept }
      answer(res)
    })
    const outcome = await exchange(post(server.url))
    expect(outcome).toMatchObject({ ok: true, status: 201, text: '{"ok":true}' })
    expect(outcome.ok && outcome.header('retry-after')).toBe('3')
    expect(outcome.ok && outcome.header('location')).toBeNull()
    expect(seen).toEqual({ method: 'POST', type: 'application/json', accept: 'application/json' })
  })

  it('keeps one connection alive for exchanges one after another', async () => {
    const server = await serve((_req, res) => answer(res))
    for (let k = 0; k < 5; k++) expect((await exchange(post(server.url))).ok).toBe(true)
    expect(server.connections).toBe(1)
  })

  it('opens as many connections as exchanges in flight, then reuses them', async () => {
    const held: ServerResponse[] = []
    let release = () => {}
    const allHeld = new Promise<void>((resolve) => (release = resolve))
    const server = await serve((_req, res) => {
      held.push(res)
      if (held.length === 4) release()
    })
    const first = Array.from({ length: 4 }, () => exchange(post(server.url)))
    await allHeld
    held.splice(0).forEach(answer)
    expect((await Promise.all(first)).every((outcome) => outcome.ok)).toBe(true)
    const second = Array.from({ length: 4 }, () => exchange(post(server.url)))
    await expect.poll(() => held.length).toBe(4)
    held.splice(0).forEach(answer)
    expect((await Promise.all(second)).every((outcome) => outcome.ok)).toBe(true)
    expect(server.connections).toBe(4)
  })
})

describe('failures, classified for the in-doubt rules', () => {
  it('a refused connection: unreachable, nothing can have reached Teak', async () => {
    expect(await exchange(post(await closedPort()))).toEqual({
      ok: false,
      failure: {
        kind: 'network',
        reason: 'unreachable',
        code: 'ECONNREFUSED',
        requestMayHaveReachedTeak: false
      }
    })
  })

  it('a connection cut after the request was read: a reset that may have reached Teak', async () => {
    const server = await serve((req) => req.socket.destroy())
    expect(await exchange(post(server.url))).toEqual({
      ok: false,
      failure: { kind: 'network', reason: 'reset', code: 'ECONNRESET', requestMayHaveReachedTeak: true }
    })
    expect(server.requests).toBe(1)
  })

  it('a connection cut before the request was read: still a reset, since bytes may have left', async () => {
    const server = await serve(
      (_req, res) => answer(res),
      (socket) => socket.destroy()
    )
    const outcome = await exchange(post(server.url))
    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'network', reason: 'reset', requestMayHaveReachedTeak: true }
    })
    expect(server.requests).toBe(0)
  })

  it('an answer cut off halfway through its body: a reset, not an answer', async () => {
    const server = await serve((req, res) => {
      res.writeHead(201, { 'Content-Length': '100' })
      res.write('{"ok":')
      setImmediate(() => req.socket.destroy())
    })
    expect(await exchange(post(server.url))).toMatchObject({
      ok: false,
      failure: { kind: 'network', reason: 'reset', requestMayHaveReachedTeak: true }
    })
  })

  it('no answer within the time: a timeout', async () => {
    const server = await serve(() => {})
    expect(await exchange(post(server.url, 200))).toEqual({ ok: false, failure: { kind: 'timeout' } })
    await expect.poll(() => server.requests).toBe(1)
  })

  it('a body that stops coming: a timeout, not a reset', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(201, { 'Content-Length': '100' })
      res.write('{"ok":')
    })
    expect(await exchange(post(server.url, 200))).toEqual({ ok: false, failure: { kind: 'timeout' } })
  })
})

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A hand-made loopback server for the answers the sandbox never gives (plain-text 500s, DRF bodies, broken
 * JSON, hangs, redirects, echoes of the request). Auth calls get a fresh JWT unless the handler answers them.
 */
export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export type Reply =
  /** `stall`: send the headers and half the body, then nothing more. */
  | { status: number; body?: string | object; headers?: Record<string, string>; stall?: boolean }
  | 'hang'
  | 'reset'
  | undefined

export interface FakeTeak {
  url: string
  requests: RecordedRequest[]
  /** Requests other than token minting. */
  calls(): RecordedRequest[]
  close(): Promise<void>
}

export const AUTH_PATH = '/api/v2/auth/token/'

export function fakeJwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`
}

export async function startFakeTeak(handler: (request: RecordedRequest) => Reply): Promise<FakeTeak> {
  const requests: RecordedRequest[] = []
  let minted = 0
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString()
    }
    requests.push(request)
    let reply = handler(request)
    if (reply === undefined && request.url === AUTH_PATH) {
      const iat = Math.floor(Date.now() / 1000)
      reply = { status: 200, body: { token: fakeJwt({ n: ++minted, iat, exp: iat + 300 }) } }
    }
    if (reply === 'hang') return
    if (reply === 'reset') {
      req.socket.destroy()
      return
    }
    const { status, body, headers, stall } = reply ?? { status: 404, body: { detail: 'Not found.' } }
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
    res.writeHead(status, {
      'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json',
      ...headers
    })
    if (stall) res.write(text.slice(0, text.length / 2))
    else res.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    calls: () => requests.filter((request) => request.url !== AUTH_PATH),
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}

/** A loopback port with nothing listening: connections to it are refused. */
export async function closedPort(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { Dispatch } from '../contract/dispatcher'
import type { EventBus } from '../event-bus'
import { checkHostAndOrigin, checkToken, isJsonContentType } from './request-guard'
import { readStaticFile } from './static-files'

export interface BrowserHostOptions {
  dispatch: Dispatch
  events: EventBus
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 or undefined: a free port. */
  port?: number
  /** Injected by tests; otherwise 32 random bytes per launch. */
  token?: string
}

export interface BrowserHost {
  /** Open this in a browser: the token travels in the fragment, which is never sent to any server. */
  url: string
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

export const HOST_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"

const MAX_BODY_BYTES = 64 * 1024 * 1024

/**
 * Serves the built renderer and the same contract as the Electron IPC binding, on 127.0.0.1 only. This is how
 * tests, and people without a working Electron, drive the real UI.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const rendererDir = resolve(options.rendererDir)
  const openStreams = new Set<ServerResponse>()
  let port = 0

  const server = createServer((req, res) => {
    void route(req, res).catch(() => {
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: 'Request failed.' } })
      else res.end()
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = checkHostAndOrigin(req, port)
    if (!origin.ok)
      return send(res, origin.status, { ok: false, error: { code: 'forbidden', message: origin.message } })
    const path = new URL(req.url ?? '/', 'http://localhost').pathname

    if (path.startsWith('/api/')) {
      const auth = checkToken(req, token)
      if (!auth.ok)
        return send(res, auth.status, { ok: false, error: { code: 'forbidden', message: auth.message } })
      if (path === '/api/invoke' && req.method === 'POST') return invoke(req, res)
      if (path === '/api/events' && req.method === 'GET') return streamEvents(req, res)
      return send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such endpoint.' } })
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, { ok: false, error: { code: 'forbidden', message: 'Method not allowed.' } })
    }
    const file = await readStaticFile(rendererDir, path)
    if (!file) return send(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } })
    res.writeHead(200, { 'content-type': file.type, ...securityHeaders() })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  /** Calls dispatched and not yet answered. */
  const inFlight = new Set<Promise<unknown>>()

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req)
    if (!body.ok)
      return send(res, body.status, { ok: false, error: { code: 'invalid_input', message: body.message } })
    const { method, input } = (body.value ?? {}) as { method?: unknown; input?: unknown }
    const call = options.dispatch(typeof method === 'string' ? method : '', input)
    inFlight.add(call)
    try {
      send(res, 200, await call)
    } finally {
      inFlight.delete(call)
    }
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      connection: 'keep-alive',
      ...securityHeaders()
    })
    res.write(': connected\n\n')
    openStreams.add(res)
    const unsubscribe = options.events.subscribe((message) =>
      res.write(`data: ${JSON.stringify(message)}\n\n`)
    )
    req.on('close', () => {
      unsubscribe()
      openStreams.delete(res)
    })
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  const originUrl = `http://127.0.0.1:${port}`
  return {
    url: `${originUrl}/#token=${token}`,
    origin: originUrl,
    port,
    token,
    // A call already under way (a draft being saved) finishes before close resolves: the services behind it
    // are closed next, and nothing may write into the data directory after that.
    close: async () => {
      await new Promise<void>((resolveClose) => {
        for (const stream of openStreams) stream.end()
        server.closeAllConnections()
        server.close(() => resolveClose())
      })
      await Promise.allSettled([...inFlight])
    }
  }
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': HOST_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin'
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...securityHeaders() })
  res.end(JSON.stringify(body))
}

async function readJson(
  req: IncomingMessage
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  if (!isJsonContentType(req.headers['content-type'])) {
    return { ok: false, status: 415, message: 'Contract calls are JSON (Content-Type: application/json).' }
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'The request is too large.' }
    chunks.push(chunk as Buffer)
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' }
  }
}

import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { NetworkReason } from './errors'

/**
 * One HTTP exchange, nothing more: no retries (the client decides those per method) and a timeout that
 * covers the whole exchange including the body. Redirects are not followed: they would carry the
 * Authorization header to wherever Teak points.
 *
 * node:http rather than fetch: an import makes two exchanges per order, and fetch's web streams, abort
 * signals and Request/Response objects cost about five times the CPU of a plain request on a kept-alive
 * socket (see README, Benchmarks).
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT'
  url: string
  headers: Record<string, string>
  json?: unknown
  timeoutMs: number
}

export type HttpOutcome =
  | { ok: true; status: number; header: (name: string) => string | null; text: string }
  | { ok: false; failure: TransportFailure }

export type TransportFailure =
  | { kind: 'timeout' }
  | { kind: 'network'; reason: NetworkReason; code: string | undefined; requestMayHaveReachedTeak: boolean }

/**
 * One keep-alive connection pool per Teak origin. It grows to the exchanges in flight at once (an import's
 * concurrency plus the tokens minted ahead) and keeps those sockets open between exchanges; idle ones are
 * closed by the server's Keep-Alive hint and never keep the process alive.
 */
const pools = new Map<string, HttpAgent>()

function poolFor(url: URL): HttpAgent {
  let pool = pools.get(url.origin)
  if (pool === undefined) {
    const options = { keepAlive: true, maxFreeSockets: 64 }
    pool = url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options)
    pools.set(url.origin, pool)
  }
  return pool
}

export function exchange(request: HttpRequest): Promise<HttpOutcome> {
  const url = new URL(request.url)
  const body = request.json === undefined ? undefined : JSON.stringify(request.json)
  const headers: Record<string, string | number> = { Accept: 'application/json', ...request.headers }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    headers['Content-Length'] = Buffer.byteLength(body)
  }
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const outgoing = send(url, { method: request.method, headers, agent: poolFor(url) })
    // The first of timeout, failure and answer settles the exchange; what the others report later is moot.
    const settle = (outcome: HttpOutcome) => {
      clearTimeout(timer)
      resolve(outcome)
    }
    const timer = setTimeout(() => {
      settle({ ok: false, failure: { kind: 'timeout' } })
      outgoing.destroy()
    }, request.timeoutMs)
    const fail = (error: Error) => settle({ ok: false, failure: transportFailureOf(error) })
    outgoing.on('error', fail)
    outgoing.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', fail)
      // A body cut short by a closed connection ends as 'aborted' and an error, never as 'end'.
      response.on('end', () =>
        settle({
          ok: true,
          status: response.statusCode ?? 0,
          header: (name) => headerText(response.headers[name.toLowerCase()]),
          text: Buffer.concat(chunks).toString('utf8')
        })
      )
    })
    outgoing.end(body)
  })
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null
  return Array.isArray(value) ? value.join(', ') : value
}

/** Connection-level failures by system error code. */
export function transportFailureOf(error: unknown): TransportFailure {
  const code = systemCodeOf(error)
  const reason = networkReasonOf(code)
  // Refused, unresolvable or failed-handshake connections end before a request byte is written.
  return { kind: 'network', reason, code, requestMayHaveReachedTeak: reason === 'reset' }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN'])
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'])
const TLS =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_)|^(EPROTO|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)$/

/**
 * Anything unrecognised counts as a reset: the connection may have died after the request left, which is
 * the cautious reading for an order.
 */
export function networkReasonOf(code: string | undefined): NetworkReason {
  if (code === undefined) return 'reset'
  if (UNREACHABLE.has(code)) return 'unreachable'
  if (DNS.has(code)) return 'dns'
  if (TLS.test(code)) return 'tls'
  return 'reset'
}

/** The system error code, also when it is nested (an AggregateError holds one per address tried). */
function systemCodeOf(cause: unknown, depth = 0): string | undefined {
  if (typeof cause !== 'object' || cause === null || depth > 4) return undefined
  const { code, errors, cause: inner } = cause as { code?: unknown; errors?: unknown; cause?: unknown }
  if (typeof code === 'string') return code
  if (Array.isArray(errors)) {
    for (const each of errors) {
      const found = systemCodeOf(each, depth + 1)
      if (found !== undefined) return found
    }
  }
  return systemCodeOf(inner, depth + 1)
}

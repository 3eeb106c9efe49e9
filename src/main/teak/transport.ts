import ky from 'ky'
import type { NetworkReason } from './errors'

/**
 * One HTTP exchange, nothing more: no retries (the client decides those per method) and a timeout that
 * covers the whole exchange including the body (ky's own timeout stops at the response headers).
 * Redirects are not followed: they would carry the Authorization header to wherever Teak points.
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT'
  url: string
  headers: Record<string, string>
  json?: unknown
  timeoutMs: number
}

export type HttpOutcome =
  { ok: true; status: number; headers: Headers; text: string } | { ok: false; failure: TransportFailure }

export type TransportFailure =
  | { kind: 'timeout' }
  | { kind: 'network'; reason: NetworkReason; code: string | undefined; requestMayHaveReachedTeak: boolean }

export async function exchange(request: HttpRequest): Promise<HttpOutcome> {
  try {
    const response = await ky(request.url, {
      method: request.method,
      headers: { Accept: 'application/json', ...request.headers },
      json: request.json,
      signal: AbortSignal.timeout(request.timeoutMs),
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      redirect: 'manual'
    })
    return { ok: true, status: response.status, headers: response.headers, text: await response.text() }
  } catch (error) {
    const failure = transportFailureOf(error)
    if (failure === null) throw error
    return { ok: false, failure }
  }
}

/** Connection-level failures by system error code; null for anything that is not a transport failure. */
export function transportFailureOf(error: unknown): TransportFailure | null {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'timeout' }
  }
  if (!(error instanceof TypeError)) return null
  const code = systemCodeOf(error.cause)
  const reason = networkReasonOf(code)
  // Refused, unresolvable or failed-handshake connections end before a request byte is written.
  return { kind: 'network', reason, code, requestMayHaveReachedTeak: reason === 'reset' }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT'
])
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

/** undici nests the system error (sometimes in an AggregateError, one per address tried). */
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

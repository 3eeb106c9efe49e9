import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string }

/**
 * DNS rebinding and cross-site requests: only our own Host and Origin are served. A page on another site
 * can make the browser send requests to 127.0.0.1, but it cannot make them carry our Host or Origin.
 */
export function checkHostAndOrigin(req: IncomingMessage, port: number): GuardVerdict {
  const own = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  if (!req.headers.host || !own.has(req.headers.host)) {
    return { ok: false, status: 403, message: 'Requests must be addressed to this Teak Desk host.' }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !own.has(origin.replace(/^http:\/\//, ''))) {
    return { ok: false, status: 403, message: 'Requests from other sites are refused.' }
  }
  return { ok: true }
}

/** Every contract call carries the per-launch token; missing is 401, wrong is 403. */
export function checkToken(req: IncomingMessage, token: string): GuardVerdict {
  const header = req.headers.authorization
  if (!header) return { ok: false, status: 401, message: 'This request carries no Teak Desk session token.' }
  const presented = Buffer.from(header.replace(/^Bearer\s+/i, ''))
  const expected = Buffer.from(token)
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return { ok: false, status: 403, message: 'The Teak Desk session token is not valid.' }
  }
  return { ok: true }
}

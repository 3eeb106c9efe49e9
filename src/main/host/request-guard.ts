import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { loopbackRefusal } from '../../shared/http/loopback-guard'

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string }

const REFUSALS = {
  host: 'Requests must be addressed to this Teak Desk host.',
  origin: 'Requests from other sites are refused.'
}

/** DNS rebinding and cross-site requests: only our own Host and Origin are served (the shared loopback guard). */
export function checkHostAndOrigin(req: IncomingMessage, port: number): GuardVerdict {
  const refusal = loopbackRefusal(req.headers, port)
  return refusal ? { ok: false, status: 403, message: REFUSALS[refusal] } : { ok: true }
}

/** RFC 6750: the scheme (any case), then the token; nothing else is taken for one. */
const BEARER = /^Bearer +(\S+)$/i

/** Every contract call carries the per-launch token as a Bearer token; missing is 401, wrong is 403. */
export function checkToken(req: IncomingMessage, token: string): GuardVerdict {
  const header = req.headers.authorization
  if (!header) return { ok: false, status: 401, message: 'This request carries no Teak Desk session token.' }
  const bearer = BEARER.exec(header)
  if (!bearer) {
    return {
      ok: false,
      status: 401,
      message: 'The Teak Desk session token goes in the Authorization header as "Bearer <token>".'
    }
  }
  const presented = Buffer.from(bearer[1])
  const expected = Buffer.from(token)
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return { ok: false, status: 403, message: 'The Teak Desk session token is not valid.' }
  }
  return { ok: true }
}

/**
 * Contract calls are JSON: `application/json`, with at most a UTF-8 charset (the body is read as UTF-8).
 * Lookalikes such as `application/jsonp` or `application/json-seq` are refused.
 */
export function isJsonContentType(header: string | undefined): boolean {
  const [type, ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json' || parameters.length > 1) return false
  return parameters.every((parameter) => /^charset\s*=\s*(utf-8|"utf-8")$/.test(parameter))
}

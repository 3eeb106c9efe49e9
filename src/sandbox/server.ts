import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { loopbackRefusal } from '../shared/http/loopback-guard'
import { DEFAULT_ASSUMPTIONS, type SandboxAssumptions } from './assumptions'
import { isoMicros } from './clock'
import { errorBody, TeakError } from './errors'
import type { FaultDecision, FaultKind } from './faults'
import { readBody, send, type ApiResponse } from './http'
import { apiPath } from '../shared/teak/api-paths'
import { createRouter, type Match, type PathForm } from './router'
import { authTokenRoute } from './routes/auth-token'
import { changeOrderRoute, createOrderRoute } from './routes/orders'
import { cancelPolicyRoute, voidPolicyRoute } from './routes/policies'
import { decodeQuoteRoute } from './routes/quote-decode'
import { notificationRoutes } from './routes/notification-helpers'
import { helperRoutes } from './routes/sandbox-helpers'
import type { SandboxState } from './sandbox-state'

const matchApi = createRouter([
  authTokenRoute,
  createOrderRoute,
  changeOrderRoute,
  decodeQuoteRoute,
  voidPolicyRoute,
  cancelPolicyRoute
])
const matchHelper = createRouter([...helperRoutes, ...notificationRoutes])

const HELPER_PREFIX = '/__sandbox/'

function errorResponse(
  error: unknown,
  statuses: SandboxAssumptions['errorStatuses'],
  withField: boolean
): ApiResponse {
  if (error instanceof TeakError) {
    return {
      status: statuses[error.kind],
      body: errorBody(error.entries, withField),
      headers: error.kind === 'unauthorized' ? { 'WWW-Authenticate': 'JWT' } : undefined
    }
  }
  console.error('Teak sandbox: unexpected error', error)
  return {
    status: 500,
    body: errorBody([{ reason: 'InternalError', message: 'The sandbox failed unexpectedly.' }])
  }
}

function run(match: Match | null, state: SandboxState, req: IncomingMessage, url: URL, body: string) {
  if (!match) {
    throw new TeakError('notFound', [
      { reason: 'NotFound', message: `${req.method} ${url.pathname} is not an endpoint of this sandbox.` }
    ])
  }
  const call = {
    params: match.params,
    query: url.searchParams,
    body,
    authorization: req.headers.authorization
  }
  return match.route.handle(state, call)
}

async function answerHelper(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL) {
  const body = await readBody(req)
  if (body === null) return
  try {
    send(res, await run(matchHelper(req.method ?? '', url.pathname, asWritten), state, req, url, body))
  } catch (error) {
    // Helpers are not Teak: their refusals keep the default statuses whatever the assumptions say.
    send(res, errorResponse(error, DEFAULT_ASSUMPTIONS.errorStatuses, true))
  }
}

/** The answer an injected fault gives in place of the route's, if any. */
function faultAnswer(fault: FaultDecision, rateLimit: number): ApiResponse | null {
  if (fault.kind === 'rate-limit') {
    const message = `Too many requests: at most ${rateLimit} per second. Retry after ${fault.retryAfterSeconds} s.`
    return {
      status: 429,
      headers: { 'Retry-After': String(fault.retryAfterSeconds) },
      body: errorBody([{ reason: 'RateLimited', message }])
    }
  }
  if (fault.kind === 'fail') {
    const message = 'The sandbox is simulating an outage (failRate); nothing was changed. Try again.'
    return { status: 503, body: errorBody([{ reason: 'ServiceUnavailable', message }]) }
  }
  return null
}

/** Helper paths are the sandbox's own: served exactly as written. */
const asWritten = (path: string) => path

/** Which forms of the API paths are served: either slash, or the strict sandbox's one form per path. */
function pathForm(assumptions: SandboxAssumptions): PathForm {
  if (assumptions.trailingSlashOptional) return null
  return (documented) =>
    documented === authTokenRoute.path
      ? assumptions.authTokenPath
      : apiPath(documented, assumptions.pathSlashes)
}

/** What Teak would answer: the route's response, or its refusal rendered with the current assumptions. */
async function routeAnswer(state: SandboxState, req: IncomingMessage, url: URL, body: string) {
  const assumptions = state.assumptions
  try {
    return await run(matchApi(req.method ?? '', url.pathname, pathForm(assumptions)), state, req, url, body)
  } catch (error) {
    return errorResponse(error, assumptions.errorStatuses, assumptions.errorFieldInBody)
  }
}

/**
 * One `/api` call: decide its fault first (so a failed call changes nothing), pass the gate (closed only by
 * tests) and wait the latency, then answer, drop the connection, or stay silent — and log it without
 * headers, query or body.
 */
async function answerApi(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
): Promise<void> {
  const started = performance.now()
  const time = isoMicros(state.clock.now())
  const log = (status: number | null, fault: FaultKind | null) =>
    state.log.add({
      method: req.method ?? '',
      path: url.pathname,
      status,
      fault,
      time,
      durationMs: Math.round(performance.now() - started)
    })

  const fault = state.faults.decide(url.pathname)
  if (fault.kind === 'timeout') return log(null, 'timeout')
  // Read before the latency: a client that gives up while waiting has still sent its call, which is then
  // processed all the same — a real server would too, and that is how in-doubt outcomes arise.
  const body = await readBody(req)
  if (body === null) return log(null, null)
  await state.gate.pass({ method: req.method ?? '', path: url.pathname })
  const { latencyMs, rateLimit } = state.faults.current()
  if (latencyMs > 0) await delay(latencyMs)

  if (fault.kind === 'reset' && fault.timing === 'before') {
    req.socket.destroy()
    return log(null, 'reset')
  }
  const response = faultAnswer(fault, rateLimit) ?? (await routeAnswer(state, req, url, body))
  if (fault.kind === 'reset') {
    req.socket.destroy()
    return log(response.status, 'reset')
  }
  send(res, response)
  log(response.status, fault.kind === 'none' ? null : fault.kind)
}

const LOOPBACK_REFUSALS = {
  host: 'This sandbox answers only requests addressed to 127.0.0.1, localhost or [::1] with its port.',
  origin: 'This sandbox refuses requests from web pages of other origins.'
}

export function createSandboxServer(state: SandboxState): Server {
  return createServer((req, res) => {
    // A web page must not reach the sandbox through DNS rebinding or a cross-site request (it could reset
    // it or read its orders): the guard of the browser host. Refused before anything is read or logged.
    const refusal = loopbackRefusal(req.headers, req.socket.localPort ?? 0)
    if (refusal) {
      const message = LOOPBACK_REFUSALS[refusal]
      return send(res, { status: 403, body: errorBody([{ reason: 'Forbidden', message }]) })
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    // Everything outside /__sandbox/ counts as a call to Teak, so a wrong path shows up in the request log.
    const answer = url.pathname.startsWith(HELPER_PREFIX) ? answerHelper : answerApi
    answer(state, req, res, url).catch((error) =>
      send(res, errorResponse(error, DEFAULT_ASSUMPTIONS.errorStatuses, true))
    )
  })
}

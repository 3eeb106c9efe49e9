import { setTimeout as sleep } from 'node:timers/promises'
import type { z } from 'zod'
import { apiPath } from '../../shared/teak/api-paths'
import {
  ruleLevelsOf,
  WIRE_ASSUMPTIONS,
  type RuleLevels,
  type TrailingSlash
} from '../../shared/teak/assumptions'
import { orderRequestSchema, type OrderRequest } from '../../shared/teak/order-request'
import { inspectQuoteToken } from '../../shared/teak/quote-token'
import {
  authTokenResponseSchema,
  cancelAnswerSchema,
  cancelResultSchema,
  decodedQuoteAnswerSchema,
  decodedQuoteSchema,
  orderAnswerSchema,
  orderResponseSchema,
  voidAnswerSchema,
  voidResultSchema,
  type CancelAnswer,
  type DecodedQuoteAnswer,
  type TeakOrderAnswer,
  type VoidAnswer
} from '../../shared/teak/responses'
import { readAnswer, type TeakAnswer } from './answer'
import { parseTeakBaseUrl } from './base-url'
import { TeakApiError, type TeakErrorKind } from './errors'
import {
  failureFromResponse,
  failureFromTransport,
  invalidRequest,
  unreadableSuccess,
  type CallContext
} from './failures'
import { fieldKey } from './field-errors'
import {
  changeItemsSchema,
  checked,
  checkedCredentials,
  refuseBlockedAssumptions,
  requiredText,
  type ChangeItem,
  type TeakCredentials
} from './requests'
import { parseRetryAfter, retryDelayMs, type RetryClass } from './retry'
import { prefetchingTokenSource, reusingTokenSource, type TokenLease } from './token-source'
import { exchange, type HttpRequest } from './transport'

export type { ChangeItem, TeakCredentials } from './requests'
export type { TeakAnswer } from './answer'

/** One line per HTTP attempt. Never carries headers, bodies or query strings (they hold tokens and keys). */
export interface TeakLogEntry {
  method: HttpRequest['method']
  path: string
  /** Absent when no HTTP answer arrived (timeout, connection failure). */
  status?: number
  ms: number
  attempt: number
  error?: TeakErrorKind
}

export interface TeakClientOptions {
  baseUrl: string
  /** A function is called for every token minted, so a key changed in Settings applies at once. */
  credentials: TeakCredentials | (() => Promise<TeakCredentials>)
  timeoutMs?: number
  /** Reuse one token until shortly before it expires, instead of Teak's recommended fresh token per request. */
  tokenReuse?: boolean
  maxRetries?: number
  log?: (entry: TeakLogEntry) => void
  /** ASSUMPTION `authPath` (contract-notes §2.2): the legacy SDK's path unless the environment says otherwise. */
  authPath?: string
  /** ASSUMPTION `trailingSlash`: every other path as documented, or all with or all without a final slash. */
  trailingSlash?: TrailingSlash
  /**
   * The environment's levels of the rule assumptions: an order a `block` rule finds fault with is refused
   * before sending, like a documented rule. Missing ones are at their default (warn), which never refuses.
   */
  ruleLevels?: Partial<RuleLevels>
}

/**
 * 204 No Content is Teak's documented answer to an opt-out (nothing created, contract-notes §4.7); any other
 * 2xx means Teak took the order, whatever its body says.
 */
export type CreateOrderResult =
  ({ kind: 'created' } & TeakAnswer<TeakOrderAnswer>) | { kind: 'opted_out'; status: 204 }

/**
 * Every call either resolves with Teak's 2xx answer (never resent, whatever its body) or rejects with a
 * TeakApiError.
 */
export interface TeakClient {
  /** Mints a token: proves the address, the connection and the keys (Settings → Test connection). */
  authenticate(): Promise<void>
  createOrder(body: OrderRequest): Promise<CreateOrderResult>
  decodeQuote(token: string): Promise<TeakAnswer<DecodedQuoteAnswer>>
  changeItems(orderId: string, items: ChangeItem[]): Promise<TeakAnswer<TeakOrderAnswer>>
  voidPolicy(id: string): Promise<TeakAnswer<VoidAnswer>>
  cancelPolicy(id: string): Promise<TeakAnswer<CancelAnswer>>
  /** Stops minting tokens ahead; the client stays usable. */
  close(): void
}

export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_RETRIES = 2
export const DEFAULT_AUTH_PATH: string = WIRE_ASSUMPTIONS.authPath.default
const MINT_ACTION = 'get an access token from Teak'

const ORDER = { documented: orderResponseSchema, liberal: orderAnswerSchema }
const QUOTE = { documented: decodedQuoteSchema, liberal: decodedQuoteAnswerSchema }
const VOID = { documented: voidResultSchema, liberal: voidAnswerSchema }
const CANCEL = { documented: cancelResultSchema, liberal: cancelAnswerSchema }

type Reading<T> = { ok: true; value: T } | { ok: false; problem: string }
type Attempt<T> = { ok: true; status: number; value: T } | { ok: false; failure: TeakApiError }

interface Call<T> {
  method: HttpRequest['method']
  path: string
  query?: Record<string, string>
  json?: unknown
  retryClass: RetryClass
  authorized: boolean
  action: string
  changesTeak: boolean
  createsOrder?: boolean
  /** Teak ties this call to the integration level (PATCH orders, contract-notes §5.2): a 403 says so. */
  needsIntegrationLevel?: boolean
  /**
   * The request carries the secret key (the auth call): nothing the server answers to it, neither body nor
   * Location, is kept in an error, since it may echo the request in any encoding.
   */
  sendsSecret?: boolean
  /** Reads a 2xx body; only a call whose next step needs something from it (the auth token) may refuse it. */
  read: (status: number, text: string, secrets: readonly string[]) => Reading<T>
}

export function createTeakClient(options: TeakClientOptions): TeakClient {
  const base = parseTeakBaseUrl(options.baseUrl)
  const host = new URL(base).host
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
  const authPath = options.authPath ?? DEFAULT_AUTH_PATH
  const trailingSlash = options.trailingSlash ?? WIRE_ASSUMPTIONS.trailingSlash.default
  const ruleLevels = ruleLevelsOf(options.ruleLevels ?? {})
  /** Known to the redaction of server texts, whichever credentials the last token was minted with. */
  let lastSecretKey = ''
  let callsInProgress = 0

  const tokens = options.tokenReuse
    ? reusingTokenSource(mintToken)
    : prefetchingTokenSource(mintToken, () => callsInProgress)

  async function credentials(): Promise<TeakCredentials> {
    const given =
      typeof options.credentials === 'function' ? await options.credentials() : options.credentials
    lastSecretKey = given.secretKey
    return checkedCredentials(given, MINT_ACTION)
  }

  async function mintToken(): Promise<string> {
    const { publicKey, secretKey } = await credentials()
    return send({
      method: 'POST',
      path: authPath,
      json: { public_key: publicKey, secret_key: secretKey },
      retryClass: 'repeatable',
      authorized: false,
      action: MINT_ACTION,
      changesTeak: false,
      sendsSecret: true,
      read: (_status, text) => {
        const reading = readJson(authTokenResponseSchema, text)
        return reading.ok ? { ok: true, value: reading.value.token } : reading
      }
    })
  }

  /** A token for a call; a failure to get one means the call itself was never sent. */
  async function lease(action: string): Promise<TokenLease> {
    try {
      return await tokens.take()
    } catch (error) {
      if (!(error instanceof TeakApiError)) throw error
      // The status and body were the token call's: the call itself got no answer.
      throw new TeakApiError({
        ...error.toJSON(),
        status: undefined,
        rawBody: undefined,
        message: `${error.message} (Needed to ${action}; this attempt stopped before sending it.)`,
        requestMayHaveReachedTeak: false
      })
    }
  }

  /** One call with its retries: see retry.ts for what is retried, and token-source.ts for the tokens. */
  async function send<T>(call: Call<T>): Promise<T> {
    const url = `${base}${call.path}${call.query ? `?${new URLSearchParams(call.query)}` : ''}`
    let retries = 0
    let renewedToken = false
    let token: TokenLease | undefined
    for (let attempt = 1; ; attempt++) {
      if (call.authorized && token === undefined) token = await lease(call.action)
      const startedAt = performance.now()
      const result = await sendOnce(call, url, token)
      report(call, attempt, startedAt, result)
      if (result.ok) return result.value
      const { failure } = result
      const tokenUsed = token
      // A token Teak never saw (refused connection) or turned away unread (429) goes out again.
      if (failure.requestMayHaveReachedTeak && failure.kind !== 'rate_limited') token = undefined

      // Teak refuses an expired token before acting on the request, so one retry with a new token is safe.
      if (failure.kind === 'auth' && tokenUsed?.fromStock && !renewedToken) {
        renewedToken = true
        tokens.invalidate()
        continue
      }
      const delay = retries < maxRetries ? retryDelayMs(failure, retries, call.retryClass) : null
      if (delay === null) throw failure
      retries++
      await sleep(delay)
    }
  }

  async function sendOnce<T>(call: Call<T>, url: string, token: TokenLease | undefined): Promise<Attempt<T>> {
    const context: CallContext = {
      action: call.action,
      changesTeak: call.changesTeak,
      createsOrder: call.createsOrder,
      needsIntegrationLevel: call.needsIntegrationLevel,
      host,
      timeoutMs,
      secrets: token ? [lastSecretKey, token.token] : [lastSecretKey]
    }
    const outcome = await exchange({
      method: call.method,
      url,
      headers: token ? { Authorization: `JWT ${token.token}` } : {},
      json: call.json,
      timeoutMs
    })
    if (!outcome.ok) return { ok: false, failure: failureFromTransport(context, outcome.failure) }
    const { status, text, header } = outcome
    const kept = call.sendsSecret ? { text: '', location: null } : { text, location: header('location') }
    if (status < 200 || status > 299) {
      const failure = failureFromResponse(context, {
        status,
        text: kept.text,
        location: kept.location,
        retryAfterMs: parseRetryAfter(header('retry-after'), Date.now())
      })
      return { ok: false, failure }
    }
    const reading = call.read(status, text, context.secrets)
    return reading.ok
      ? { ok: true, status, value: reading.value }
      : { ok: false, failure: unreadableSuccess(context, status, kept.text, reading.problem) }
  }

  function report(call: Call<unknown>, attempt: number, startedAt: number, result: Attempt<unknown>) {
    if (!options.log) return
    const status = result.ok ? result.status : result.failure.status
    const entry: TeakLogEntry = {
      method: call.method,
      path: call.path,
      ms: Math.round(performance.now() - startedAt),
      attempt
    }
    if (status !== undefined) entry.status = status
    if (!result.ok) entry.error = result.failure.kind
    try {
      options.log(entry)
    } catch {
      // A broken log hook must not turn a finished Teak call into a failure.
    }
  }

  async function tracked<T>(work: () => Promise<T>): Promise<T> {
    callsInProgress++
    try {
      return await work()
    } finally {
      callsInProgress--
    }
  }

  return {
    async authenticate() {
      await mintToken()
    },

    async createOrder(body) {
      const orderNumber = typeof body?.order_number === 'string' ? body.order_number.trim() : ''
      const action = orderNumber ? `create order ${orderNumber}` : 'create the order'
      const order = refuseBlockedAssumptions(checked(orderRequestSchema, body, action), ruleLevels, action)
      return tracked(() =>
        send<CreateOrderResult>({
          method: 'POST',
          path: apiPath('/api/v2/orders', trailingSlash),
          json: order,
          retryClass: 'once',
          authorized: true,
          action,
          changesTeak: true,
          createsOrder: true,
          read: (status, text, secrets) =>
            status === 204
              ? { ok: true, value: { kind: 'opted_out', status: 204 } }
              : { ok: true, value: { kind: 'created', ...readAnswer(status, text, ORDER, secrets) } }
        })
      )
    },

    async decodeQuote(token) {
      const action = 'decode the quote token'
      const text = typeof token === 'string' ? token.trim() : ''
      const inspection = inspectQuoteToken(text)
      if (!inspection.ok) throw invalidRequest(action, { token: [inspection.message] })
      return tracked(() =>
        send({
          method: 'GET',
          path: apiPath('/api/v2/quote/decode', trailingSlash),
          query: { token: text },
          retryClass: 'repeatable',
          authorized: true,
          action,
          changesTeak: false,
          read: (status, body, secrets) => ({ ok: true, value: readAnswer(status, body, QUOTE, secrets) })
        })
      )
    },

    async changeItems(orderId, items) {
      const id = checked(requiredText('Order id'), orderId, 'change the items of the order', 'orderId')
      const action = `change the items of order ${id}`
      const body = { items: checked(changeItemsSchema, items, action, 'items') }
      return tracked(() =>
        send({
          method: 'PATCH',
          path: apiPath(`/api/v2/orders/${encodeURIComponent(id)}/`, trailingSlash),
          json: body,
          retryClass: 'once',
          authorized: true,
          action,
          changesTeak: true,
          needsIntegrationLevel: true,
          read: (status, text, secrets) => ({ ok: true, value: readAnswer(status, text, ORDER, secrets) })
        })
      )
    },

    async voidPolicy(policyId) {
      const id = checked(requiredText('Policy id'), policyId, 'void the policy', 'policyId')
      return tracked(() =>
        send({
          method: 'PUT',
          path: apiPath(`/api/v2/policies/${encodeURIComponent(id)}`, trailingSlash),
          retryClass: 'once',
          authorized: true,
          action: `void policy ${id}`,
          changesTeak: true,
          read: (status, text, secrets) => ({ ok: true, value: readAnswer(status, text, VOID, secrets) })
        })
      )
    },

    async cancelPolicy(policyId) {
      const id = checked(requiredText('Policy id'), policyId, 'cancel the policy', 'policyId')
      return tracked(() =>
        send({
          method: 'PUT',
          path: apiPath(`/api/v2/policies/${encodeURIComponent(id)}/cancel`, trailingSlash),
          retryClass: 'once',
          authorized: true,
          action: `cancel policy ${id}`,
          changesTeak: true,
          read: (status, text, secrets) => ({ ok: true, value: readAnswer(status, text, CANCEL, secrets) })
        })
      )
    },

    close() {
      tokens.close()
    }
  }
}

/** A success body parsed as JSON and checked against the response schema. */
function readJson<S extends z.ZodType>(schema: S, text: string): Reading<z.output<S>> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problem: text.trim().length === 0 ? 'the body is empty' : 'the body is not JSON' }
  }
  const result = schema.safeParse(json)
  if (result.success) return { ok: true, value: result.data }
  const issue = result.error.issues[0]
  const where = issue.path.length > 0 ? `${fieldKey(issue.path)}: ` : ''
  return { ok: false, problem: `${where}${issue.message}` }
}

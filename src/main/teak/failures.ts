import { isDuplicateOrderAnswer } from './duplicate-answer'
import { parseErrorBody } from './error-body'
import { isOutcomeUnknown, TeakApiError, type FieldErrors, type TeakErrorKind } from './errors'
import { summariseFieldErrors } from './field-errors'
import { redact } from './redact'
import type { TransportFailure } from './transport'

/**
 * Turns a failed exchange into a TeakApiError with a sentence for a support agent:
 * "Could not <action>: <what happened>. <what to do>". Every text that came from the server is redacted.
 */
export interface CallContext {
  /** What we were doing, completing "Could not …", e.g. "void policy ORAAS-JOD9XSWD8B". */
  action: string
  /** Whether the call changes something at Teak (then an unknown outcome is worth a warning). */
  changesTeak: boolean
  host: string
  timeoutMs: number
  /** A new order: a refusal that says its order number exists is a `duplicate` (duplicate-answer.ts). */
  createsOrder?: boolean
  /** Teak allows this call only at some integration levels (PATCH orders, contract-notes §5.2). */
  needsIntegrationLevel?: boolean
  /** Secrets that must not appear in an error (the secret key, the token used). */
  secrets: readonly string[]
}

const RAW_BODY_MAX = 4_000

export function kindOfStatus(status: number): TeakErrorKind {
  if (status === 400 || status === 422) return 'validation'
  if (status === 401 || status === 403) return 'auth'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limited'
  if (status >= 500 && status <= 599) return 'server'
  return 'unexpected_response'
}

export function failureFromResponse(
  context: CallContext,
  response: { status: number; text: string; location?: string | null; retryAfterMs?: number }
): TeakApiError {
  const { status } = response
  const body = parseErrorBody(redact(response.text, context.secrets))
  const kind =
    context.createsOrder && isDuplicateOrderAnswer(status, body) ? 'duplicate' : kindOfStatus(status)
  const said = [
    ...body.messages.slice(0, 3),
    ...(body.fieldErrors ? [summariseFieldErrors(body.fieldErrors)] : [])
  ]
  const teakSaid = said.length > 0 ? ` Teak said: ${said.map(sentence).join(' ')}` : ''
  const retryAfterMs = kind === 'rate_limited' ? response.retryAfterMs : undefined
  return new TeakApiError({
    kind,
    status,
    message: `Could not ${context.action}: ${statusExplanation(kind, status, context, response.location, retryAfterMs)}${teakSaid}${doubtNote(kind, true, context)}`,
    fieldErrors: body.fieldErrors,
    rawBody: rawBodyOf(response.text, context),
    retryAfterMs,
    requestMayHaveReachedTeak: true
  })
}

/** A success status whose body is not what Teak documents (bad JSON, missing fields). */
export function unreadableSuccess(
  context: CallContext,
  status: number,
  text: string,
  problem: string
): TeakApiError {
  return new TeakApiError({
    kind: 'unexpected_response',
    status,
    message: `Could not ${context.action}: Teak answered ${status} but the answer could not be read (${problem}).${doubtNote('unexpected_response', true, context)}`,
    rawBody: rawBodyOf(text, context),
    requestMayHaveReachedTeak: true
  })
}

export function failureFromTransport(context: CallContext, failure: TransportFailure): TeakApiError {
  if (failure.kind === 'timeout') {
    return new TeakApiError({
      kind: 'timeout',
      message: `Could not ${context.action}: Teak did not answer within ${seconds(context.timeoutMs)}.${doubtNote('timeout', true, context)}`,
      requestMayHaveReachedTeak: true
    })
  }
  const code = failure.code ? ` (${failure.code})` : ''
  const what = {
    unreachable: `nothing accepted the connection at ${context.host}${code}. Check the Teak address and your network.`,
    dns: `the server name ${context.host} could not be found${code}. Check the Teak address and your network.`,
    tls: `the secure connection to ${context.host} failed${code}: its certificate or TLS setup was not accepted.`,
    reset: `the connection to ${context.host} was cut${code}.`
  }[failure.reason]
  return new TeakApiError({
    kind: 'network',
    reason: failure.reason,
    code: failure.code,
    message: `Could not ${context.action}: ${what}${doubtNote('network', failure.requestMayHaveReachedTeak, context)}`,
    requestMayHaveReachedTeak: failure.requestMayHaveReachedTeak
  })
}

/** A request we refused to send because its content breaks Teak's rules. */
export function invalidRequest(action: string, fieldErrors: FieldErrors): TeakApiError {
  return new TeakApiError({
    kind: 'validation',
    message: `Could not ${action}: ${sentence(summariseFieldErrors(fieldErrors))} Nothing was sent to Teak.`,
    fieldErrors,
    requestMayHaveReachedTeak: false
  })
}

function statusExplanation(
  kind: TeakErrorKind,
  status: number,
  context: CallContext,
  location: string | null | undefined,
  retryAfterMs: number | undefined
): string {
  switch (kind) {
    case 'validation':
      return `Teak refused the request as invalid (${status}).`
    case 'auth':
      return status === 403 && context.needsIntegrationLevel
        ? `Teak refused it (403). Teak says upgrades, downgrades and exchanges "may require a certain level of integration": ask Teak to enable them for your account.`
        : `Teak refused the API keys or the access token (${status}). Check the public and secret key in Settings.`
    case 'not_found':
      return `Teak does not know it (404).`
    case 'conflict':
      return `Teak refused it in the current state of the order or policy (409).`
    case 'duplicate':
      return `Teak already has an order with this order number (${status}).`
    case 'rate_limited':
      return `Teak is limiting how often we may call it (429); try again${retryAfterMs === undefined ? ' shortly' : ` in ${seconds(retryAfterMs)}`}.`
    case 'server':
      return `Teak had a server error (${status}).`
    default:
      return status >= 300 && status < 400
        ? `Teak redirected the request${location ? ` to ${location}` : ''} (${status}); check the Teak address in Settings.`
        : `Teak answered with an unexpected status (${status}).`
  }
}

function doubtNote(kind: TeakErrorKind, requestMayHaveReachedTeak: boolean, context: CallContext): string {
  return context.changesTeak && isOutcomeUnknown(kind, requestMayHaveReachedTeak)
    ? ' Teak may still have carried it out: check before trying again.'
    : ''
}

function sentence(text: string): string {
  return /[.!?…)]$/.test(text) ? text : `${text}.`
}

function rawBodyOf(text: string, context: CallContext): string | undefined {
  if (text.length === 0) return undefined
  const clean = redact(text, context.secrets)
  return clean.length > RAW_BODY_MAX ? `${clean.slice(0, RAW_BODY_MAX)}…` : clean
}

function seconds(ms: number): string {
  const s = ms / 1000
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`
}

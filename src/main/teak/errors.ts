/**
 * The one error type every Teak call rejects with. `kind` is what a program branches on; `message` is a
 * sentence for a support agent. Nothing here ever holds the secret key or an auth token: server texts are
 * redacted before they reach an error (see redact.ts), and no low-level error (whose request would carry
 * the Authorization header) is kept as a cause.
 */
export const TEAK_ERROR_KINDS = [
  'validation',
  'auth',
  'not_found',
  'conflict',
  /** Teak refused a new order because its order number already exists (see duplicate-answer.ts). */
  'duplicate',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'unexpected_response'
] as const
export type TeakErrorKind = (typeof TEAK_ERROR_KINDS)[number]

/** Why a connection failed, so "Test connection" can say exactly what to fix. */
export type NetworkReason = 'unreachable' | 'tls' | 'reset' | 'dns'

export type FieldErrors = Record<string, string[]>

export interface TeakApiErrorInit {
  kind: TeakErrorKind
  message: string
  /** False only when we know no byte of the request reached Teak (refused connection, DNS, TLS, local check). */
  requestMayHaveReachedTeak: boolean
  status?: number
  fieldErrors?: FieldErrors
  rawBody?: string
  reason?: NetworkReason
  /** The system error code behind a network failure, e.g. ECONNREFUSED. */
  code?: string
  retryAfterMs?: number
}

const OUTCOME_UNKNOWN_KINDS: ReadonlySet<TeakErrorKind> = new Set([
  'timeout',
  'network',
  'server',
  'unexpected_response'
])

/** Whether a request that failed this way may still have taken effect at Teak. */
export function isOutcomeUnknown(kind: TeakErrorKind, requestMayHaveReachedTeak: boolean): boolean {
  return requestMayHaveReachedTeak && OUTCOME_UNKNOWN_KINDS.has(kind)
}

export class TeakApiError extends Error {
  readonly kind: TeakErrorKind
  readonly requestMayHaveReachedTeak: boolean
  /**
   * True when Teak may have carried the request out although we saw no success: a timeout or cut connection
   * after sending, a 5xx, or an answer we could not read. For an order this is the "in doubt" state that the
   * journal must resolve before resending.
   */
  readonly outcomeUnknown: boolean
  readonly status?: number
  readonly fieldErrors?: FieldErrors
  readonly rawBody?: string
  readonly reason?: NetworkReason
  readonly code?: string
  readonly retryAfterMs?: number

  constructor(init: TeakApiErrorInit) {
    super(init.message)
    this.name = 'TeakApiError'
    this.kind = init.kind
    this.requestMayHaveReachedTeak = init.requestMayHaveReachedTeak
    this.outcomeUnknown = isOutcomeUnknown(init.kind, init.requestMayHaveReachedTeak)
    this.status = init.status
    this.fieldErrors = init.fieldErrors
    this.rawBody = init.rawBody
    this.reason = init.reason
    this.code = init.code
    this.retryAfterMs = init.retryAfterMs
  }

  toJSON(): TeakApiErrorInit & { name: string; outcomeUnknown: boolean } {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      requestMayHaveReachedTeak: this.requestMayHaveReachedTeak,
      outcomeUnknown: this.outcomeUnknown,
      status: this.status,
      fieldErrors: this.fieldErrors,
      rawBody: this.rawBody,
      reason: this.reason,
      code: this.code,
      retryAfterMs: this.retryAfterMs
    }
  }
}

export function isTeakApiError(value: unknown): value is TeakApiError {
  return value instanceof TeakApiError
}

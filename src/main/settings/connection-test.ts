import type {
  AssumptionCheck,
  ConnectionFailureReason,
  ConnectionTestResult
} from '../../shared/contract/settings'
import { DEFAULT_ASSUMPTIONS, type WireSettings } from '../../shared/teak/assumptions'
import type { KeyPair } from '../secrets/secret-store'
import { TeakApiError } from '../teak/errors'

/** The part of the Teak client a connection test needs; `createTeakClient` satisfies it. */
export type AuthenticatingClientFactory = (options: {
  baseUrl: string
  credentials: KeyPair
  timeoutMs: number
  maxRetries: number
  authPath: string
}) => { authenticate(): Promise<unknown>; close(): void }

export interface ConnectionTarget {
  /** How the person knows the environment, for the messages. */
  label: string
  baseUrl: string
  credentials: KeyPair
  timeoutMs: number
  /** The environment's wire assumptions; the defaults when not given. */
  wire?: WireSettings
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000

/**
 * Asks Teak for a token with the environment's keys: the cheapest call that proves both that the address answers
 * and that the keys are accepted. Failures become a reason the page can explain; anything that is not a Teak
 * error is a bug and is thrown.
 */
export async function testConnection(
  createClient: AuthenticatingClientFactory,
  target: ConnectionTarget,
  clock: () => number = () => performance.now()
): Promise<ConnectionTestResult> {
  const started = clock()
  const wire = target.wire ?? DEFAULT_ASSUMPTIONS
  try {
    // One attempt: the person is waiting on the button, and retries would hide how the connection really is.
    const { baseUrl, credentials, timeoutMs } = target
    const client = createClient({ baseUrl, credentials, timeoutMs, maxRetries: 0, authPath: wire.authPath })
    try {
      await client.authenticate()
    } finally {
      client.close()
    }
    return {
      ok: true,
      ms: Math.max(0, Math.round(clock() - started)),
      assumptions: assumptionChecks(wire, null)
    }
  } catch (error) {
    if (!(error instanceof TeakApiError)) throw error
    const reason = failureReason(error)
    return {
      ok: false,
      reason,
      message: failureMessage(reason, target, error, wire.authPath),
      assumptions: assumptionChecks(wire, error)
    }
  }
}

const NOT_CALLED = 'not checked: a connection test only asks for a token'

/**
 * What minting one token tells about the wire assumptions: the auth path is confirmed when Teak issued a
 * token there; the paths and identifiers of the other calls are not exercised, so they are not checked.
 */
export function assumptionChecks(wire: WireSettings, failure: TeakApiError | null): AssumptionCheck[] {
  const authNote =
    failure === null
      ? `confirmed: Teak issued a token at ${wire.authPath}`
      : failure.kind === 'not_found'
        ? `not confirmed: nothing answers at ${wire.authPath}; try the other choice`
        : `not confirmed: no token was issued (${failure.kind})`
  return [
    {
      name: 'authPath',
      value: wire.authPath,
      status: failure ? 'not_confirmed' : 'confirmed',
      note: authNote
    },
    { name: 'trailingSlash', value: wire.trailingSlash, status: 'not_checked', note: NOT_CALLED },
    { name: 'orderIdKind', value: wire.orderIdKind, status: 'not_checked', note: NOT_CALLED },
    { name: 'policyIdKind', value: wire.policyIdKind, status: 'not_checked', note: NOT_CALLED }
  ]
}

export function failureReason(error: TeakApiError): ConnectionFailureReason {
  if (error.kind === 'auth') return 'wrong_keys'
  if (error.kind === 'timeout') return 'timeout'
  if (error.kind === 'network') return error.reason === 'tls' ? 'tls' : 'unreachable'
  return 'other'
}

function failureMessage(
  reason: ConnectionFailureReason,
  target: ConnectionTarget,
  error: TeakApiError,
  authPath: string
): string {
  const where = `${target.label} (${target.baseUrl})`
  switch (reason) {
    case 'wrong_keys':
      return `${where} refused the keys. Check the public and secret key in the Teak dashboard (Affiliate Settings) and enter them again.`
    case 'timeout':
      return `${where} did not answer within ${describeDuration(target.timeoutMs)}. Try again later, or check the address.`
    case 'tls':
      return `The secure connection to ${where} failed: its certificate was not accepted. Check the address; behind a company proxy, ask your IT team.`
    case 'unreachable':
      return `Could not reach ${where}. Check the address and your network connection.`
    default:
      return error.kind === 'not_found'
        ? `${where} has no auth token endpoint at ${authPath} (404). Check the address, or choose the other auth path under Assumptions.`
        : `The connection test with ${where} failed: ${error.message}`
  }
}

function describeDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} seconds`
}

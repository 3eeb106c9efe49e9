import type { OperationError, PolicySnapshot } from '../../shared/contract/history'
import { isAtTeak, type OperationSource } from '../../shared/journal/outcomes'
import type { OrderRequest } from '../../shared/teak/order-request'
import type { TeakOrder } from '../../shared/teak/responses'
import type { Journal } from '../journal/journal'
import type { TeakClient } from '../teak/client'
import { isTeakApiError, type TeakApiError } from '../teak/errors'
import { operationErrorOf, outcomeOfFailure, policySnapshotsOf } from './teak-results'

export interface SendOrderInput {
  journal: Journal
  client: TeakClient
  environment: string
  request: OrderRequest
  /** From the quote token: false sends an opt-out; true (or no token, by Teak's rule) an opt-in. */
  optIn: boolean
  source: OperationSource
  importRunId?: number
  csvRows?: readonly number[]
  /** The earlier operation this one retries or corrects. */
  supersedes?: number
}

export type SendOrderResult =
  | {
      settled: true
      operationId: number
      outcome: 'created' | 'opted_out' | 'already_submitted' | 'invalid' | 'rejected' | 'failed'
      /** Teak's HTTP status, when Teak answered. */
      httpStatus?: number
      order?: TeakOrder
      policies?: PolicySnapshot[]
      error?: OperationError
      /** Set when Teak refused the request itself and a retry might succeed later (429). */
      retryAfterMs?: number
    }
  | {
      /** Teak may or may not have the order (timeout, dropped connection, 5xx): the intent stays open. */
      settled: false
      operationId: number
      error: OperationError
      retryAfterMs?: number
    }

/**
 * Sends one order exactly once, as far as the journal can tell: the intent is committed before the request
 * leaves and the outcome after. When an earlier attempt may have reached Teak (in doubt, or failed after a
 * timeout) or the journal already holds it as sent, Teak's duplicate-order-number answer means the order
 * is already there: `already_submitted`.
 */
export async function sendOrderOnce(input: SendOrderInput): Promise<SendOrderResult> {
  const { journal, environment, request } = input
  const before = journal.latestOutcomeFor(environment, request.order_number)
  const earlierAttemptMayHaveLanded = before === 'in_doubt' || before === 'failed' || isAtTeak(before)
  const operationId = journal.recordIntent({
    kind: input.optIn ? 'order' : 'opt_out',
    source: input.source,
    environment,
    orderNumber: request.order_number,
    request,
    importRunId: input.importRunId,
    csvRows: input.csvRows,
    supersedes: input.supersedes
  })

  let result: Awaited<ReturnType<TeakClient['createOrder']>>
  try {
    result = await input.client.createOrder(request)
  } catch (error) {
    if (!isTeakApiError(error)) throw error
    return settleFailure(journal, operationId, error, earlierAttemptMayHaveLanded)
  }
  if (result.kind === 'opted_out') {
    journal.recordOutcome(operationId, { outcome: 'opted_out', httpStatus: result.status })
    return { settled: true, operationId, outcome: 'opted_out', httpStatus: result.status }
  }
  const policies = policySnapshotsOf(result.order)
  journal.recordOutcome(operationId, {
    outcome: 'created',
    httpStatus: result.status,
    response: result.order,
    teakOrderId: result.order.protecht_order_id,
    policies
  })
  return {
    settled: true,
    operationId,
    outcome: 'created',
    httpStatus: result.status,
    order: result.order,
    policies
  }
}

function settleFailure(
  journal: Journal,
  operationId: number,
  error: TeakApiError,
  earlierAttemptMayHaveLanded: boolean
): SendOrderResult {
  const operationError = operationErrorOf(error)
  const response = error.rawBody
  if (error.kind === 'conflict' && earlierAttemptMayHaveLanded) {
    journal.recordOutcome(operationId, { outcome: 'already_submitted', httpStatus: error.status, response })
    return { settled: true, operationId, outcome: 'already_submitted', httpStatus: error.status }
  }
  const outcome = outcomeOfFailure(error)
  if (outcome === null) {
    return { settled: false, operationId, error: operationError, retryAfterMs: error.retryAfterMs }
  }
  journal.recordOutcome(operationId, { outcome, httpStatus: error.status, response, error: operationError })
  return {
    settled: true,
    operationId,
    outcome,
    httpStatus: error.status,
    error: operationError,
    ...(error.kind === 'rate_limited' ? { retryAfterMs: error.retryAfterMs } : {})
  }
}

/** Ends an in-doubt attempt as `failed` once the caller stops retrying; a later resend resolves it safely. */
export function giveUp(journal: Journal, operationId: number, error: OperationError): void {
  journal.recordOutcome(operationId, { outcome: 'failed', error })
}

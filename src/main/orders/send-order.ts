import type { OperationError, OrderDetail, PolicySnapshot } from '../../shared/contract/history'
import type { SubmissionOutcome } from '../../shared/journal/order-outcome'
import {
  IN_DOUBT,
  isSubmission,
  type OperationSource,
  type OrderOutcome
} from '../../shared/journal/outcomes'
import type { OrderRequest } from '../../shared/teak/order-request'
import type { TeakOrderAnswer } from '../../shared/teak/responses'
import { utcText } from '../../shared/time/utc-text'
import type { Journal } from '../journal/journal'
import { answerNote } from '../teak/answer'
import type { CreateOrderResult, TeakClient } from '../teak/client'
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
  /** The sender (journal claims) sending it; the journal refuses while another live sender holds the order. */
  senderId?: number
}

/** The confirmed earlier send of the order (Teak answered 2xx), as the journal holds it. */
export interface EarlierSend {
  operationId: number
  sentAt: string
  outcome: 'created' | 'opted_out'
}

export interface SendOrderResult {
  operationId: number
  /** What came of this attempt; null when its answer was lost, so it may or may not have reached Teak. */
  attempt: SubmissionOutcome | null
  /** Where the order stands after it, from all its attempts (order-outcome.ts): what to show and report. */
  standing: OrderOutcome
  /** Teak's HTTP status, when Teak answered. */
  httpStatus?: number
  /** The order as Teak returned it, when this attempt created it. */
  order?: TeakOrderAnswer
  /** The order's policies: as Teak returned them now, or (already at Teak) as the journal last has them. */
  policies?: PolicySnapshot[]
  error?: OperationError
  /** Teak answered 2xx, but not quite as documented: what was not understood. */
  note?: string
  /** When Teak said the order number exists and this journal holds a confirmed earlier send of it. */
  earlierSend?: EarlierSend
  /** Teak turned the request away unread and said when to try again (429). */
  retryAfterMs?: number
}

/**
 * Sends one order as far as the journal allows: the intent is committed (and the order claimed for the
 * sender) before the request leaves, and the outcome after. A 2xx is final, whatever its body looks like.
 * Teak's answer that the order number exists means Teak holds the order: `already_submitted`, never a
 * refusal. The order's standing comes from all its attempts, so an attempt that may have reached Teak keeps
 * it in doubt until an answer settles it.
 */
export async function sendOrderOnce(input: SendOrderInput): Promise<SendOrderResult> {
  const { journal, environment, request } = input
  const operationId = journal.recordIntent({
    kind: input.optIn ? 'order' : 'opt_out',
    source: input.source,
    environment,
    orderNumber: request.order_number,
    request,
    importRunId: input.importRunId,
    csvRows: input.csvRows,
    supersedes: input.supersedes,
    senderId: input.senderId
  })
  const settle = (result: Omit<SendOrderResult, 'operationId' | 'standing'>): SendOrderResult => {
    const standing = journal.latestOutcomeFor(environment, request.order_number) ?? IN_DOUBT
    const { error } = result
    // Never "nothing was sent" or "rejected" for an order an earlier attempt may have delivered.
    const earlierDoubt = standing === IN_DOUBT && result.attempt !== null && error !== undefined
    return {
      ...result,
      ...(earlierDoubt ? { error: { ...error, message: inDoubtMessage(error.message) } } : {}),
      operationId,
      standing
    }
  }

  let answer: CreateOrderResult
  try {
    answer = await input.client.createOrder(request)
  } catch (error) {
    if (!isTeakApiError(error)) throw error
    return settle(recordFailure(journal, environment, request.order_number, operationId, error))
  }
  if (answer.kind === 'opted_out') {
    const note = input.optIn
      ? 'Teak answered 204 No Content, its answer to an opt-out: it issued no policies for this order.'
      : undefined
    journal.recordOutcome(operationId, { outcome: 'opted_out', httpStatus: answer.status, note })
    return settle({ attempt: 'opted_out', httpStatus: answer.status, note })
  }
  const policies = policySnapshotsOf(answer.value)
  const note = [
    answerNote(answer.problems),
    input.optIn ? undefined : 'Teak answered with an order, although the quote token was an opt-out.'
  ]
    .filter(Boolean)
    .join(' ')
  journal.recordOutcome(operationId, {
    outcome: 'created',
    httpStatus: answer.status,
    response: answer.raw,
    teakOrderId: answer.value.protecht_order_id,
    policies,
    ...(note ? { note } : {})
  })
  return settle({
    attempt: 'created',
    httpStatus: answer.status,
    order: answer.value,
    policies,
    ...(note ? { note } : {})
  })
}

function recordFailure(
  journal: Journal,
  environment: string,
  orderNumber: string,
  operationId: number,
  error: TeakApiError
): Omit<SendOrderResult, 'operationId' | 'standing'> {
  const response = error.rawBody
  if (error.kind === 'duplicate') {
    const detail = journal.orderDetail(environment, orderNumber)
    const earlierSend = detail ? earlierSendOf(detail) : undefined
    const duplicate: OperationError = {
      kind: 'duplicate',
      message: earlierSend
        ? `Already sent from this computer on ${utcText(earlierSend.sentAt)}; its policies are in History. (${error.message})`
        : error.message
    }
    journal.recordOutcome(operationId, {
      outcome: 'already_submitted',
      httpStatus: error.status,
      response,
      error: duplicate
    })
    return {
      attempt: 'already_submitted',
      httpStatus: error.status,
      error: duplicate,
      policies: detail ? currentPolicies(detail) : [],
      ...(earlierSend ? { earlierSend } : {})
    }
  }
  const operationError = operationErrorOf(error)
  const outcome = outcomeOfFailure(error)
  // The answer was lost: the intent stays open, and the order in doubt until an answer settles it.
  if (outcome === null) return { attempt: null, error: operationError, retryAfterMs: error.retryAfterMs }
  journal.recordOutcome(operationId, { outcome, httpStatus: error.status, response, error: operationError })
  return {
    attempt: outcome,
    httpStatus: error.status,
    error: operationError,
    ...(error.kind === 'rate_limited' ? { retryAfterMs: error.retryAfterMs } : {})
  }
}

/** The latest submission Teak confirmed with a 2xx, if the journal holds one. */
export function earlierSendOf(detail: OrderDetail): EarlierSend | undefined {
  const confirmed = detail.timeline.findLast(
    (op) => isSubmission(op.kind) && (op.outcome === 'created' || op.outcome === 'opted_out')
  )
  if (!confirmed) return undefined
  return {
    operationId: confirmed.id,
    sentAt: confirmed.requestedAt,
    outcome: confirmed.outcome as EarlierSend['outcome']
  }
}

/** The order's policies as the journal last has them (not replaced by an exchange). */
export function currentPolicies(detail: OrderDetail): PolicySnapshot[] {
  return detail.policies
    .filter((policy) => policy.replacedBy === null)
    .map((policy) => ({
      policyNumber: policy.policyNumber,
      ...(policy.policyNumberNew ? { policyNumberNew: policy.policyNumberNew } : {}),
      ...(policy.itemReference ? { itemReference: policy.itemReference } : {}),
      ...(policy.status ? { status: policy.status } : {}),
      ...(policy.premium ? { premium: policy.premium } : {}),
      ...(policy.coverageAmount ? { coverageAmount: policy.coverageAmount } : {}),
      ...(policy.currency ? { currency: policy.currency } : {})
    }))
}

/**
 * The message for an order whose standing is in doubt although this attempt got an answer (a refusal, or a
 * failure before sending): the earlier attempt's answer was lost, so Teak may have the order.
 */
function inDoubtMessage(attemptMessage: string): string {
  return (
    'An earlier attempt may have reached Teak (its answer was lost), so the order is in doubt until Teak ' +
    `answers for it: resend it to find out. The last attempt: ${attemptMessage}`
  )
}

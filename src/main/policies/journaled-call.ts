import type { OperationError } from '../../shared/contract/history'
import type { PolicyChangeOutcome } from '../../shared/contract/policies'
import type { Journal } from '../journal/journal'
import type { IntentInput, OutcomeInput } from '../journal/operation-writer'
import { operationErrorOf, outcomeOfFailure } from '../orders/teak-results'
import { answerNote, type TeakAnswer } from '../teak/answer'
import { isTeakApiError } from '../teak/errors'

export type JournaledCallResult<T> =
  | { outcome: 'succeeded'; operationId: number; value: T; note?: string }
  | { outcome: Exclude<PolicyChangeOutcome, 'succeeded'>; operationId: number; error: OperationError }

/**
 * One change to an order at Teak, journaled around the call: the intent is committed before the request
 * leaves, and the outcome after — Teak's answer on success (a 2xx succeeded, whatever its body; what was
 * not understood becomes a note), its refusal (body verbatim) on failure.
 */
export async function journaledCall<T>(
  journal: Journal,
  intent: IntentInput,
  send: () => Promise<TeakAnswer<T>>,
  settle: (value: T) => Pick<OutcomeInput, 'teakOrderId' | 'policies'>
): Promise<JournaledCallResult<T>> {
  const operationId = journal.recordIntent(intent)
  let answer: TeakAnswer<T>
  try {
    answer = await send()
  } catch (failure) {
    if (!isTeakApiError(failure)) throw failure
    const error = operationErrorOf(failure)
    const outcome = outcomeOfFailure(failure)
    if (outcome === null) return { outcome: 'in_doubt', operationId, error }
    journal.recordOutcome(operationId, {
      outcome,
      httpStatus: failure.status,
      response: failure.rawBody,
      error
    })
    return { outcome, operationId, error }
  }
  const note = answerNote(answer.problems)
  journal.recordOutcome(operationId, {
    outcome: 'succeeded',
    httpStatus: answer.status,
    response: answer.raw,
    ...(note ? { note } : {}),
    ...settle(answer.value)
  })
  return { outcome: 'succeeded', operationId, value: answer.value, ...(note ? { note } : {}) }
}

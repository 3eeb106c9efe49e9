import { IN_DOUBT, type OrderOutcome } from './outcomes'

/** What a submission can end as (an exchange, void or cancel `succeeded`; a submission never does). */
export type SubmissionOutcome = Exclude<OrderOutcome, typeof IN_DOUBT>

/** One submission of an order (POST orders), as the journal holds it. */
export interface SubmissionAttempt {
  operationId: number
  /** Null while the attempt awaits its outcome: it may or may not have reached Teak. */
  outcome: SubmissionOutcome | null
}

/** Where an order stands, and the submission that put it there. */
export interface OrderStanding {
  outcome: OrderOutcome
  operationId: number
}

/**
 * Where an order stands, from all its submissions (oldest first). The one rule the workbench, History, the
 * import engine and its report all follow:
 * 1. Teak's own account of the order (created, opted out) from the latest attempt that got one;
 * 2. else `already_submitted` when Teak ever answered that the order number exists;
 * 3. else `in_doubt` while any attempt may have reached Teak without an answer: a later refusal, or a later
 *    attempt that failed before sending, says nothing about whether the earlier one landed;
 * 4. else the latest attempt's refusal (invalid, rejected, failed): Teak does not hold the order.
 * Null when the order has no submission.
 */
export function orderStandingOf(attempts: readonly SubmissionAttempt[]): OrderStanding | null {
  const latest = (test: (outcome: SubmissionOutcome | null) => boolean): OrderStanding | null => {
    const found = attempts.findLast((attempt) => test(attempt.outcome))
    return found ? { outcome: found.outcome ?? IN_DOUBT, operationId: found.operationId } : null
  }
  return (
    latest((outcome) => outcome === 'created' || outcome === 'opted_out') ??
    latest((outcome) => outcome === 'already_submitted') ??
    latest((outcome) => outcome === null) ??
    latest(() => true)
  )
}

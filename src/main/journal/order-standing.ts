import { IN_DOUBT, isAtTeak, type OrderOutcome } from '../../shared/journal/outcomes'

/** Where an order stands, and the submission (operation id) that put it there. */
export interface OrderStanding {
  outcome: OrderOutcome
  operationId: number | null
}

export type SubmissionOutcome = Exclude<OrderOutcome, typeof IN_DOUBT>

/**
 * A new submission puts the order in doubt until its outcome is known, unless Teak already holds the order:
 * sending it again cannot undo that. Returns null when the standing does not change.
 */
export function standingAfterIntent(
  current: OrderStanding | undefined,
  operationId: number
): OrderStanding | null {
  return current && isAtTeak(current.outcome) ? null : { outcome: IN_DOUBT, operationId }
}

/** The standing once a submission's outcome is known; null when it does not change. */
export function standingAfterOutcome(
  current: OrderStanding,
  operationId: number,
  outcome: SubmissionOutcome
): OrderStanding | null {
  const taken = { outcome, operationId }
  // Teak's own account of the order is the most informative there is.
  if (outcome === 'created' || outcome === 'opted_out') return taken
  // A refusal or a duplicate notice on a later attempt never hides that Teak holds the order.
  if (isAtTeak(current.outcome)) return null
  if (outcome === 'already_submitted' || current.operationId === operationId) return taken
  // An older attempt settling while a newer one is what the order shows.
  return null
}

/**
 * The vocabulary of the local journal: what was asked of Teak (kind), where the request came from (source),
 * and what came of it (outcome). Shared so the History page and the import speak the same words.
 */
export const OPERATION_KINDS = ['order', 'opt_out', 'exchange', 'void', 'cancel'] as const
export type OperationKind = (typeof OPERATION_KINDS)[number]

export const OPERATION_SOURCES = ['form', 'import', 'resend'] as const
export type OperationSource = (typeof OPERATION_SOURCES)[number]

/**
 * - `created` / `opted_out`: Teak accepted the opt-in / opt-out order;
 * - `already_submitted`: Teak already had this order number (recognised on a resend), so the order is there;
 * - `succeeded`: Teak carried out an exchange, void or cancel;
 * - `invalid`: refused by our own checks, never sent;
 * - `rejected`: Teak refused the request (4xx);
 * - `failed`: not carried out, and Teak did not act on it (connection refused, no access token, a rate limit
 *   that outlasted the retries). An attempt whose answer was lost keeps no outcome: it stays in doubt.
 */
export const OUTCOMES = [
  'created',
  'opted_out',
  'already_submitted',
  'succeeded',
  'invalid',
  'rejected',
  'failed'
] as const
export type Outcome = (typeof OUTCOMES)[number]

/** An operation whose intent is journaled but whose outcome is not: the request may or may not have reached Teak. */
export const IN_DOUBT = 'in_doubt'

const REFUSALS = ['invalid', 'rejected', 'failed'] as const satisfies readonly Outcome[]

/**
 * An order's submission ends as Teak answered, whichever the quote token asked for: Teak documents 204 as an
 * opt-out (nothing created) and any other 2xx as a created order.
 */
const SUBMISSION_OUTCOMES = ['created', 'opted_out', 'already_submitted', ...REFUSALS] as const

export const OUTCOMES_BY_KIND: Readonly<Record<OperationKind, readonly Outcome[]>> = {
  order: SUBMISSION_OUTCOMES,
  opt_out: SUBMISSION_OUTCOMES,
  exchange: ['succeeded', ...REFUSALS],
  void: ['succeeded', ...REFUSALS],
  cancel: ['succeeded', ...REFUSALS]
}

/** Where an order stands: the outcome of its submission, or in doubt while a submission awaits its outcome. */
export const ORDER_OUTCOMES = [IN_DOUBT, 'created', 'opted_out', 'already_submitted', ...REFUSALS] as const
export type OrderOutcome = (typeof ORDER_OUTCOMES)[number]

/** Kinds that submit the order itself (POST orders); the others change policies of an order already at Teak. */
export function isSubmission(kind: OperationKind): kind is 'order' | 'opt_out' {
  return kind === 'order' || kind === 'opt_out'
}

/**
 * True when Teak holds the order: sending it again can only be refused as a duplicate order number, so an
 * import skips it. In-doubt and refused orders are sent again.
 */
export function isAtTeak(outcome: OrderOutcome | null | undefined): boolean {
  return outcome === 'created' || outcome === 'opted_out' || outcome === 'already_submitted'
}

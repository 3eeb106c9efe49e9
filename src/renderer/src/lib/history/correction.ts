import type { OrderDetail } from '../../../../shared/contract/history'
import { isSubmission, type OrderOutcome } from '../../../../shared/journal/outcomes'
import type { OrderRequest } from '../../../../shared/teak/order-request'

/** Orders worth correcting and sending again: Teak does not hold them, and nothing is in flight. */
const CORRECTABLE: readonly OrderOutcome[] = ['invalid', 'rejected', 'failed']

export interface Correction {
  environmentId: string
  /** The submission the corrected one replaces. */
  supersedes: number
  /**
   * What that submission sent, to prefill the workbench. It may break the rules (that is why it is being
   * corrected); the workbench validates it field by field as the agent fixes it.
   */
  request: OrderRequest
}

/** "Correct and resend" for the order, from its latest submission; null when the order is not correctable. */
export function correctionOf(detail: Pick<OrderDetail, 'order' | 'timeline'>): Correction | null {
  if (!CORRECTABLE.includes(detail.order.outcome)) return null
  const latest = detail.timeline.findLast((operation) => isSubmission(operation.kind))
  if (!latest || typeof latest.request !== 'object' || latest.request === null) return null
  return {
    environmentId: detail.order.environment,
    supersedes: latest.id,
    request: latest.request as OrderRequest
  }
}

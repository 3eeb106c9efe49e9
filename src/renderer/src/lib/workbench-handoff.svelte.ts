import type { OrderRequest } from '../../../shared/teak/order-request'
import { router } from './router.svelte'

/** An order the History page sends to the workbench for "Correct and resend". */
export interface WorkbenchHandoff {
  environmentId: string
  /** The journaled operation the corrected submission replaces (linked in the timeline). */
  supersedes: number
  request: OrderRequest
}

class Handoff {
  pending = $state<WorkbenchHandoff | null>(null)

  /** Opens the order workbench prefilled with `handoff`. */
  open(handoff: WorkbenchHandoff): void {
    this.pending = handoff
    router.go('orders')
  }

  /** The workbench takes the pending order once, on arrival. */
  take(): WorkbenchHandoff | null {
    const handoff = this.pending
    this.pending = null
    return handoff
  }
}

export const workbenchHandoff = new Handoff()

import { z } from 'zod'
import type { JournalOperation } from '../../../../shared/contract/history'
import { exchangeItemInputSchema } from '../../../../shared/contract/policies'

/**
 * How an in-doubt operation is settled: by sending it again, linked to it. An order's resend is safe
 * because Teak refuses a duplicate order number, which the journal records as already submitted; a policy
 * change sent again is either carried out or refused with Teak's reason (e.g. "already Voided").
 */
export type Resend =
  | { method: 'orders.resolveInDoubt'; operationId: number }
  | {
      method: 'policies.exchange'
      input: {
        environmentId: string
        orderNumber: string
        items: z.input<typeof exchangeItemInputSchema>[]
        supersedes: number
      }
    }
  | {
      method: 'policies.void' | 'policies.cancel'
      input: { environmentId: string; orderNumber: string; policyNumber: string; supersedes: number }
    }

const exchangeRequestSchema = z.object({ items: z.array(exchangeItemInputSchema).min(1) })

/** The resend for an operation, or null when its journaled request cannot be sent again as it is. */
export function resendOf(operation: JournalOperation): Resend | null {
  const target = {
    environmentId: operation.environment,
    orderNumber: operation.orderNumber,
    supersedes: operation.id
  }
  switch (operation.kind) {
    case 'order':
    case 'opt_out':
      return { method: 'orders.resolveInDoubt', operationId: operation.id }
    case 'exchange': {
      const request = exchangeRequestSchema.safeParse(operation.request)
      return request.success
        ? { method: 'policies.exchange', input: { ...target, items: request.data.items } }
        : null
    }
    case 'void':
    case 'cancel':
      return operation.policyNumber
        ? { method: `policies.${operation.kind}`, input: { ...target, policyNumber: operation.policyNumber } }
        : null
  }
}

/** "Void of policy X on order ORD-1" — what the agent reads in the In doubt list. */
export function inDoubtDescription(operation: JournalOperation): string {
  switch (operation.kind) {
    case 'order':
      return `Order ${operation.orderNumber} (opt-in)`
    case 'opt_out':
      return `Order ${operation.orderNumber} (opt-out)`
    case 'exchange':
      return `Exchange of items on order ${operation.orderNumber}`
    case 'void':
    case 'cancel':
      return `${operation.kind === 'void' ? 'Void' : 'Cancel'} of policy ${operation.policyNumber ?? '?'} on order ${operation.orderNumber}`
  }
}

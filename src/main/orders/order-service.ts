import { AppError } from '../../shared/contract'
import type { JournalOperation, OrderDetail } from '../../shared/contract/history'
import type { PolicyRow, SubmitResult } from '../../shared/contract/orders'
import type { MethodOutput } from '../../shared/contract'
import { IN_DOUBT, isAtTeak, isSubmission, type OperationSource } from '../../shared/journal/outcomes'
import {
  optInRequirementIssues,
  orderRequestSchema,
  type OrderRequest
} from '../../shared/teak/order-request'
import { inspectQuoteToken } from '../../shared/teak/quote-token'
import type { TeakOrderAnswer } from '../../shared/teak/responses'
import { ClaimHeldError } from '../journal/claims'
import type { Services } from '../services'
import { requireProductionConfirmation } from '../settings/production-gate'
import { sendOrderOnce, type SendOrderResult } from './send-order'
import { openEnvironmentClient } from './teak-client-for'

export interface Confirmations {
  missingToken: boolean
  production: boolean
}

type PriorSend = MethodOutput<'orders.priorSend'>

type OrderServices = Pick<
  Services,
  'settings' | 'secrets' | 'keyVariables' | 'baseUrlOf' | 'journal' | 'senderId'
>

/**
 * Whether the order is an opt-in, by Teak's rules: the quote token's `opt_in` claim, and no token means
 * Teak processes it as an opt-in (OPTOUT guide), which the person must have acknowledged.
 */
export function submissionMode(order: OrderRequest, confirmations: Confirmations): { optIn: boolean } {
  if (!order.token) {
    if (!confirmations.missingToken) {
      throw new AppError(
        'confirmation_required',
        'This order has no quote token, so Teak will treat it as an opt-in and issue policies. Confirm to send it anyway.',
        { reason: 'missing_token' }
      )
    }
    return { optIn: true }
  }
  const token = inspectQuoteToken(order.token)
  if (!token.ok) {
    throw new AppError('invalid_input', token.message, {
      issues: [{ path: ['order', 'token'], message: token.message }]
    })
  }
  return { optIn: token.optIn !== false }
}

/** Teak's certification fields for opt-ins, reported like schema issues so the form can point at them. */
function requireOptInDetails(order: OrderRequest): void {
  const issues = optInRequirementIssues(order)
  if (issues.length > 0) {
    throw new AppError(
      'invalid_input',
      'Opt-in orders need an event, the customer and the billing address.',
      {
        issues: issues.map((issue) => ({ path: ['order', ...issue.path], message: issue.message }))
      }
    )
  }
}

export async function submitOrder(
  services: OrderServices,
  input: { environmentId: string; order: OrderRequest; confirmations: Confirmations; supersedes?: number }
): Promise<SubmitResult> {
  const { optIn } = submissionMode(input.order, input.confirmations)
  if (optIn) requireOptInDetails(input.order)
  requireProductionConfirmation(
    services.settings,
    input.environmentId,
    input.confirmations.production,
    'send this order'
  )
  return send(
    services,
    input.environmentId,
    input.order,
    optIn,
    input.supersedes ? 'resend' : 'form',
    input.supersedes
  )
}

/** Resends an in-doubt order exactly as journaled. */
export async function resolveInDoubt(
  services: OrderServices,
  input: { operationId: number; confirmations?: Confirmations }
): Promise<SubmitResult> {
  const operation = services.journal.inDoubt().find((op: JournalOperation) => op.id === input.operationId)
  if (!operation || (operation.kind !== 'order' && operation.kind !== 'opt_out')) {
    throw new AppError('not_found', 'That operation is no longer in doubt; refresh the list.')
  }
  const request = orderRequestSchema.parse(operation.request)
  requireProductionConfirmation(
    services.settings,
    operation.environment,
    input.confirmations?.production ?? false,
    'resend this order'
  )
  return send(services, operation.environment, request, operation.kind === 'order', 'resend', operation.id)
}

async function send(
  services: OrderServices,
  environmentId: string,
  request: OrderRequest,
  optIn: boolean,
  source: OperationSource,
  supersedes?: number
): Promise<SubmitResult> {
  const { client } = await openEnvironmentClient(services, environmentId)
  const { journal, senderId } = services
  try {
    const result = await sendOrderOnce({
      journal,
      client,
      environment: environmentId,
      request,
      optIn,
      source,
      supersedes,
      senderId
    })
    return toSubmitResult(journal, environmentId, request, result)
  } catch (error) {
    // An import (here or in another process) is sending this order right now.
    if (error instanceof ClaimHeldError) throw new AppError('conflict', error.message)
    throw error
  } finally {
    journal.releaseOrder(senderId, environmentId, request.order_number)
    client.close()
  }
}

/** What the workbench shows: where the order stands now (from all its attempts) and Teak's policies. */
function toSubmitResult(
  journal: OrderServices['journal'],
  environmentId: string,
  request: OrderRequest,
  result: SendOrderResult
): SubmitResult {
  const fromJournal = () => {
    const detail = journal.orderDetail(environmentId, request.order_number)
    return detail ? journaledPolicyRows(detail) : []
  }
  return {
    operationId: result.operationId,
    environmentId,
    orderNumber: request.order_number,
    // Teak's duplicate answer is what this send came to; `earlierSend` tells the confirmed send before it.
    outcome: result.attempt === 'already_submitted' ? 'already_submitted' : result.standing,
    teakOrderId: result.order?.protecht_order_id,
    policies: result.order ? policyRowsOf(result.order) : result.standing === 'in_doubt' ? [] : fromJournal(),
    ...(result.error ? { error: result.error } : {}),
    ...(result.note ? { note: result.note } : {}),
    ...(result.earlierSend ? { earlierSend: result.earlierSend } : {})
  }
}

/**
 * What the journal already holds for an order number, so the workbench can ask before sending it again:
 * the submission that put the order at Teak (or the attempt leaving it in doubt), with its policies.
 */
export function priorSend(
  journal: OrderServices['journal'],
  environmentId: string,
  orderNumber: string
): PriorSend['prior'] {
  const detail = journal.orderDetail(environmentId, orderNumber)
  if (!detail) return null
  const { outcome } = detail.order
  if (!isAtTeak(outcome) && outcome !== IN_DOUBT) return null
  const submission = detail.timeline.findLast(
    (op) => isSubmission(op.kind) && (outcome === IN_DOUBT ? op.outcome === null : op.outcome === outcome)
  )
  if (!submission) return null
  return {
    outcome,
    operationId: submission.id,
    sentAt: submission.requestedAt,
    policies: journaledPolicyRows(detail)
  }
}

/** The order's current policies (not replaced by an exchange) as the workbench's result table shows them. */
export function journaledPolicyRows(detail: OrderDetail): PolicyRow[] {
  return detail.policies
    .filter((policy) => policy.replacedBy === null)
    .map((policy) => {
      const item = detail.items.find((i) => i.referenceNumber === policy.itemReference)
      return {
        policyNumber: policy.policyNumber,
        itemName: item?.name ?? undefined,
        itemReference: policy.itemReference ?? '',
        cost: item?.cost ?? undefined,
        premium: policy.premium ?? '',
        coverageAmount: policy.coverageAmount ?? '',
        currency: policy.currency ?? '',
        status: policy.status ?? 'Issued'
      }
    })
}

/** Policy number, item, cost, premium, coverage and status, as the workbench's result table shows them. */
export function policyRowsOf(order: TeakOrderAnswer): PolicyRow[] {
  return order.policies.map((policy) => {
    const reference = policy.item?.reference_number
    const item = order.items.find((i) => i.reference_number === reference)
    return {
      policyNumber: policy.policy_number,
      itemName: policy.item?.name ?? item?.name,
      itemReference: reference ?? '',
      cost: policy.item?.cost ?? item?.cost,
      premium: policy.premium ?? '',
      coverageAmount: policy.coverage_amount ?? '',
      currency: policy.currency ?? order.currency ?? '',
      status: policy.status ?? 'Issued'
    }
  })
}

import { AppError } from '../../shared/contract'
import type { OrderDetail } from '../../shared/contract/history'
import type {
  ExchangeInput,
  ExchangeResult,
  PolicyChangeInput,
  PolicyStatusResult
} from '../../shared/contract/policies'
import type { OrderOutcome } from '../../shared/journal/outcomes'
import { documentedRefusal, type PolicyAction } from '../../shared/teak/policy-actions'
import type { Journal } from '../journal/journal'
import { policyRowsOf } from '../orders/order-service'
import { openEnvironmentClient } from '../orders/teak-client-for'
import { policySnapshotsOf } from '../orders/teak-results'
import type { Services } from '../services'
import type { TeakAnswer, TeakClient } from '../teak/client'
import { journaledCall } from './journaled-call'
import { requireProductionConfirmation } from '../settings/production-gate'
import { changeOrderIdOf, policyIdOf } from './teak-ids'

type PolicyServices = Pick<Services, 'settings' | 'secrets' | 'keyVariables' | 'baseUrlOf' | 'journal'>

/**
 * Why the policies of an order in this standing cannot be changed, or null when Teak holds them. An order
 * recorded as already submitted is at Teak, though its policies may be unknown to the journal.
 */
export function policiesUnavailableReason(outcome: OrderOutcome): string | null {
  switch (outcome) {
    case 'created':
    case 'already_submitted':
      return null
    case 'opted_out':
      return 'it was an opt-out, so Teak issued no policies for it'
    case 'in_doubt':
      return 'its submission is in doubt: resolve it under "In doubt" first'
    default:
      return `Teak does not hold it (its submission ended ${outcome})`
  }
}

/** The journaled order whose policies are to change; refuses orders Teak holds no policies for. */
function orderAtTeak(journal: Journal, environmentId: string, orderNumber: string): OrderDetail {
  const detail = journal.orderDetail(environmentId, orderNumber)
  if (!detail) {
    throw new AppError(
      'not_found',
      `Teak Desk has no order "${orderNumber}" in ${environmentId} in its history.`
    )
  }
  const reason = policiesUnavailableReason(detail.order.outcome)
  if (reason)
    throw new AppError('conflict', `The policies of order ${orderNumber} cannot be changed: ${reason}.`)
  return detail
}

/** Each item to replace must be an item the order holds now (not one an earlier exchange replaced). */
function requireCurrentItems(detail: OrderDetail, items: ExchangeInput['items']): void {
  const current = new Set(detail.items.filter((item) => !item.replacedBy).map((item) => item.referenceNumber))
  const issues = items.flatMap((item, index) =>
    current.has(item.old_reference_number)
      ? []
      : [
          {
            path: ['items', index, 'old_reference_number'],
            message: `Order ${detail.order.orderNumber} has no current item with reference number "${item.old_reference_number}".`
          }
        ]
  )
  if (issues.length > 0) throw new AppError('invalid_input', issues[0]!.message, { issues })
}

const ACTION_WORDS: Readonly<Record<PolicyAction, string>> = {
  void: 'voided',
  cancel: 'canceled',
  exchange: 'exchanged'
}

/**
 * Refuses, before anything is sent, a change Teak's docs say Teak refuses for the policy's last returned
 * status (an exchange of a policy not Issued, a void after a cancel).
 */
function requireDocumentedAllowed(
  action: PolicyAction,
  policy: OrderDetail['policies'][number],
  orderNumber: string
): void {
  const refusal = documentedRefusal(action, policy)
  if (refusal) {
    throw new AppError(
      'conflict',
      `Policy ${policy.policyNumber} of order ${orderNumber} cannot be ${ACTION_WORDS[action]}: ${refusal} Nothing was sent to Teak.`
    )
  }
}

/** The policies of the items to replace, each one checked against Teak's documented rule (Issued only). */
function requireExchangeablePolicies(detail: OrderDetail, items: ExchangeInput['items']): void {
  for (const item of items) {
    const policy = detail.policies.find(
      (candidate) => candidate.itemReference === item.old_reference_number && candidate.replacedBy === null
    )
    if (policy) requireDocumentedAllowed('exchange', policy, detail.order.orderNumber)
  }
}

function requirePolicyOf(detail: OrderDetail, policyNumber: string): OrderDetail['policies'][number] {
  const policy = detail.policies.find((candidate) => candidate.policyNumber === policyNumber)
  if (!policy) {
    throw new AppError(
      'not_found',
      `Policy ${policyNumber} is not a policy of order ${detail.order.orderNumber} as Teak last returned it.`
    )
  }
  return policy
}

/** Runs `work` with a client for the environment. */
async function withClient<T>(
  services: PolicyServices,
  environmentId: string,
  work: (client: TeakClient) => Promise<T>
): Promise<T> {
  const { client } = await openEnvironmentClient(services, environmentId)
  try {
    return await work(client)
  } finally {
    client.close()
  }
}

/** What the intent records about where the operation came from and what it sends again. */
function intentOrigin(input: { supersedes?: number }) {
  return input.supersedes === undefined
    ? { source: 'form' as const }
    : { source: 'resend' as const, supersedes: input.supersedes }
}

/**
 * Upgrades, downgrades or exchanges Issued policies by replacing their items (contract-notes §5.2). Teak
 * answers with only the new items and policies; the journal marks the old ones replaced and lists the new.
 */
export async function exchangeItems(services: PolicyServices, input: ExchangeInput): Promise<ExchangeResult> {
  const { environmentId, orderNumber, items } = input
  const detail = orderAtTeak(services.journal, environmentId, orderNumber)
  requireCurrentItems(detail, items)
  requireExchangeablePolicies(detail, items)
  requireProductionConfirmation(
    services.settings,
    environmentId,
    input.confirmations.production,
    `replace items of order ${orderNumber}`
  )
  const orderId = changeOrderIdOf(detail.order, services.settings.assumptions(environmentId).orderIdKind)
  const result = await withClient(services, environmentId, (client) =>
    journaledCall(
      services.journal,
      {
        kind: 'exchange',
        environment: environmentId,
        orderNumber,
        request: { items },
        ...intentOrigin(input)
      },
      () => client.changeItems(orderId, items),
      (order) => ({ teakOrderId: order.protecht_order_id, policies: policySnapshotsOf(order) })
    )
  )
  if (result.outcome !== 'succeeded') {
    return {
      outcome: result.outcome,
      operationId: result.operationId,
      newItems: [],
      newPolicies: [],
      error: result.error
    }
  }
  const order = result.value
  return {
    outcome: 'succeeded',
    operationId: result.operationId,
    newItems: order.items.map((item) => ({
      name: item.name ?? '',
      referenceNumber: item.reference_number,
      cost: item.cost ?? ''
    })),
    newPolicies: policyRowsOf(order),
    ...(result.note ? { note: result.note } : {})
  }
}

interface StatusChange {
  kind: 'void' | 'cancel'
  send(
    client: TeakClient,
    policyId: string
  ): Promise<TeakAnswer<{ status?: string } & Record<string, unknown>>>
  /** When Teak says the change took effect. */
  dateField: string
  /** The status to record when Teak's 2xx answer does not name one: the change took effect all the same. */
  impliedStatus: string
}

/** `PUT /api/v2/policies/:id` → `{status: "Voided", void_date}` (contract-notes §5.3). */
const VOID: StatusChange = {
  kind: 'void',
  send: (client, policyId) => client.voidPolicy(policyId),
  dateField: 'void_date',
  impliedStatus: 'Voided'
}

/**
 * `PUT /api/v2/policies/:id/cancel` (§5.4). ASSUMPTION (§11 #10: the documented answer is cut off after
 * `{"status": "Ca`): a `cancel_date` beside the status, by analogy with the void; it is shown when present;
 * and "Canceled" when the answer names no status (§11 #9: the spelling is unconfirmed).
 */
const CANCEL: StatusChange = {
  kind: 'cancel',
  send: (client, policyId) => client.cancelPolicy(policyId),
  dateField: 'cancel_date',
  impliedStatus: 'Canceled'
}

async function changePolicyStatus(
  services: PolicyServices,
  input: PolicyChangeInput,
  change: StatusChange
): Promise<PolicyStatusResult> {
  const { environmentId, orderNumber, policyNumber } = input
  const detail = orderAtTeak(services.journal, environmentId, orderNumber)
  const policy = requirePolicyOf(detail, policyNumber)
  requireDocumentedAllowed(change.kind, policy, orderNumber)
  requireProductionConfirmation(
    services.settings,
    environmentId,
    input.confirmations.production,
    `${change.kind} policy ${policyNumber}`
  )
  const result = await withClient(services, environmentId, (client) =>
    journaledCall(
      services.journal,
      { kind: change.kind, environment: environmentId, orderNumber, policyNumber, ...intentOrigin(input) },
      () =>
        change.send(client, policyIdOf(policy, services.settings.assumptions(environmentId).policyIdKind)),
      (answer) => ({ policies: [{ policyNumber, status: answer.status ?? change.impliedStatus }] })
    )
  )
  if (result.outcome !== 'succeeded') {
    return { outcome: result.outcome, operationId: result.operationId, error: result.error }
  }
  const date = result.value[change.dateField]
  return {
    outcome: 'succeeded',
    operationId: result.operationId,
    status: result.value.status ?? change.impliedStatus,
    ...(typeof date === 'string' ? { date } : {}),
    ...(result.note ? { note: result.note } : {})
  }
}

/** Voids a policy: the customer is refunded the protection cost; Teak refuses it outside the look period. */
export function voidPolicy(services: PolicyServices, input: PolicyChangeInput): Promise<PolicyStatusResult> {
  return changePolicyStatus(services, input, VOID)
}

/** Cancels a policy: no refund from Teak, and the customer can no longer void it or request a refund. */
export function cancelPolicy(
  services: PolicyServices,
  input: PolicyChangeInput
): Promise<PolicyStatusResult> {
  return changePolicyStatus(services, input, CANCEL)
}

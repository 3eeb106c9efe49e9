import type { Database } from 'better-sqlite3'
import type { OperationError, PolicySnapshot } from '../../shared/contract/history'
import {
  orderStandingOf,
  type OrderStanding,
  type SubmissionAttempt
} from '../../shared/journal/order-outcome'
import {
  isAtTeak,
  isSubmission,
  OPERATION_KINDS,
  OPERATION_SOURCES,
  OUTCOMES_BY_KIND,
  type OperationKind,
  type OperationSource,
  type Outcome
} from '../../shared/journal/outcomes'
import { ClaimHeldError, type ClaimBook } from './claims'
import { JournalError } from './errors'
import type { GroupCommit } from './group-commit'
import { orderContentsWriter } from './order-contents'
import { exchangesOf, orderFactsOf, type OrderFacts } from './order-facts'
import { SEARCH_BATCH, type SearchIndex } from './search-index'
import { fromStoredJson, toStoredJson } from './stored-json'

export interface IntentInput {
  kind: OperationKind
  source: OperationSource
  environment: string
  orderNumber: string
  /** The body about to be sent, exactly (an order, or an exchange's items); void and cancel send none. */
  request?: unknown
  /** The policy a void or cancel acts on; it must be a policy of the order. */
  policyNumber?: string
  importRunId?: number
  /** Line numbers of the CSV rows the order was read from. */
  csvRows?: readonly number[]
  /** The earlier operation on the same order that this one retries or corrects ("Correct and resend"). */
  supersedes?: number
  /**
   * The sender (claims.ts) sending it: the order is claimed for it in the same transaction, and the intent
   * is refused (ClaimHeldError) while another live sender holds the order.
   */
  senderId?: number
}

export interface OutcomeInput {
  outcome: Outcome
  httpStatus?: number
  /** Teak's response body, verbatim. */
  response?: unknown
  /** Teak's id for the order (`protecht_order_id`). */
  teakOrderId?: string
  /** The policies Teak described in its response (for a void or cancel: the policy and its new status). */
  policies?: readonly PolicySnapshot[]
  error?: OperationError
  /** Teak answered 2xx but not in its documented shape: what was not understood. */
  note?: string
}

export interface OperationWriter {
  /**
   * Journals an operation about to be sent to Teak and commits it before returning, so the request may leave
   * only once its intent is on disk. Returns the operation id to settle with `recordOutcome`.
   */
  recordIntent(intent: IntentInput): number
  /** Journals what came of an operation: once, after the response (or the decision not to send). */
  recordOutcome(operationId: number, outcome: OutcomeInput): void
}

interface OrderRow {
  id: number
  outcome: OrderStanding['outcome']
}

interface OperationRow {
  orderId: number
  kind: OperationKind
  outcome: Outcome | null
  request: string | null
}

export function operationWriter(
  db: Database,
  search: SearchIndex,
  claims: ClaimBook,
  now: () => Date,
  writes: GroupCommit
): OperationWriter {
  const contents = orderContentsWriter(db)
  const findOrder = db.prepare<[string, string], OrderRow>(
    'SELECT id, outcome FROM orders WHERE environment = ? AND order_number = ?'
  )
  const submissions = db.prepare<[number], SubmissionAttempt>(
    `SELECT id AS operationId, outcome FROM operations
     WHERE order_id = ? AND kind IN ('order', 'opt_out') ORDER BY id`
  )
  const insertOrder = db.prepare<[IntentInput & { at: string }]>(
    `INSERT INTO orders (environment, order_number, outcome, source, first_seen_at, last_activity_at)
     VALUES (@environment, @orderNumber, 'in_doubt', @source, @at, @at)`
  )
  const writeFacts = db.prepare<[{ orderId: number } & Omit<OrderFacts, 'items'>]>(
    `UPDATE orders SET currency = @currency, customer_name = @customerName, customer_email = @customerEmail
     WHERE id = @orderId`
  )
  const setStanding = db.prepare<[{ orderId: number } & OrderStanding]>(
    `UPDATE orders SET outcome = @outcome, outcome_operation_id = @operationId,
                       source = (SELECT source FROM operations WHERE id = @operationId)
     WHERE id = @orderId`
  )
  const setTeakOrderId = db.prepare<[string, number]>('UPDATE orders SET teak_order_id = ? WHERE id = ?')
  const touchOrder = db.prepare<[string, number]>('UPDATE orders SET last_activity_at = ? WHERE id = ?')
  const findOperation = db.prepare<[number], OperationRow>(
    'SELECT order_id AS orderId, kind, outcome, request FROM operations WHERE id = ?'
  )
  const policyExists = db
    .prepare<[number, string], number>('SELECT 1 FROM policies WHERE order_id = ? AND policy_number = ?')
    .pluck()
  const importRunEnvironment = db
    .prepare<[number], string>('SELECT environment FROM import_runs WHERE id = ?')
    .pluck()
  const insertOperation = db.prepare<[Record<string, string | number | null>]>(
    `INSERT INTO operations (order_id, kind, source, request, policy_number, supersedes, import_run_id, csv_rows,
                             requested_at)
     VALUES (@orderId, @kind, @source, @request, @policyNumber, @supersedes, @importRunId, @csvRows, @at)`
  )
  const settleOperation = db.prepare<[Record<string, string | number | null>]>(
    `UPDATE operations SET outcome = @outcome, http_status = @httpStatus, response = @response,
                           policies = @policies, error = @error, note = @note, settled_at = @at
     WHERE id = @id`
  )

  /** The order's standing, from all its submissions (order-outcome.ts). */
  function restand(orderId: number): void {
    const standing = orderStandingOf(submissions.all(orderId))
    if (standing) setStanding.run({ orderId, ...standing })
  }

  function claimFor(intent: IntentInput): void {
    if (intent.senderId === undefined) return
    const claim = claims.claimOrder(intent.senderId, intent.environment, intent.orderNumber)
    if (!claim.ok) throw new ClaimHeldError(intent.orderNumber, claim.holder)
  }

  function orderFor(intent: IntentInput, at: string): OrderRow {
    const order = findOrder.get(intent.environment, intent.orderNumber)
    if (order) return order
    if (!isSubmission(intent.kind)) {
      throw new JournalError(
        `Teak Desk has no record of order "${intent.orderNumber}" in ${intent.environment}, ` +
          `so the ${intent.kind} cannot be journaled.`
      )
    }
    const id = Number(insertOrder.run({ ...intent, at }).lastInsertRowid)
    return { id, outcome: 'in_doubt' }
  }

  function checkLinks(intent: IntentInput, order: OrderRow): void {
    const where = `order "${intent.orderNumber}" in ${intent.environment}`
    if (intent.supersedes !== undefined && findOperation.get(intent.supersedes)?.orderId !== order.id) {
      throw new JournalError(
        `Operation ${intent.supersedes} is not an operation on ${where}; it cannot be superseded.`
      )
    }
    if (intent.policyNumber !== undefined && !policyExists.get(order.id, intent.policyNumber)) {
      throw new JournalError(`Policy ${intent.policyNumber} is not a policy of ${where}.`)
    }
    if (intent.importRunId !== undefined) {
      const environment = importRunEnvironment.get(intent.importRunId)
      if (environment !== intent.environment) {
        throw new JournalError(`Import run ${intent.importRunId} does not import into ${intent.environment}.`)
      }
    }
  }

  const recordIntent = db.transaction((intent: IntentInput, request: string | null): number => {
    writes.flush()
    const at = now().toISOString()
    claimFor(intent)
    const order = orderFor(intent, at)
    checkLinks(intent, order)
    const operationId = Number(
      insertOperation.run({
        orderId: order.id,
        kind: intent.kind,
        source: intent.source,
        request,
        policyNumber: intent.policyNumber ?? null,
        supersedes: intent.supersedes ?? null,
        importRunId: intent.importRunId ?? null,
        csvRows: intent.csvRows?.length ? JSON.stringify(intent.csvRows) : null,
        at
      }).lastInsertRowid
    )
    if (isSubmission(intent.kind)) {
      restand(order.id)
      // The order as this submission describes it. Once Teak holds the order, only policy changes move it.
      if (!isAtTeak(order.outcome)) {
        const { items, ...facts } = orderFactsOf(intent.request)
        writeFacts.run({ orderId: order.id, ...facts })
        contents.replaceItems(order.id, items)
        search.markStale(order.id)
      }
    }
    touchOrder.run(at, order.id)
    search.catchUp(SEARCH_BATCH)
    return operationId
  })

  /** Outcomes waiting in the group-commit queue: an operation gets one outcome, queued or written. */
  const queuedOutcomes = new Map<number, Outcome>()

  function checkOutcome(operationId: number, input: OutcomeInput): OperationRow {
    const operation = findOperation.get(operationId)
    if (!operation) throw new JournalError(`There is no operation ${operationId} in the journal.`)
    const recorded = operation.outcome ?? queuedOutcomes.get(operationId)
    if (recorded) {
      throw new JournalError(
        `Operation ${operationId} already has its outcome (${recorded}); an outcome is recorded once.`
      )
    }
    const allowed = OUTCOMES_BY_KIND[operation.kind]
    if (!allowed.includes(input.outcome)) {
      throw new JournalError(
        `"${input.outcome}" cannot be the outcome of operation ${operationId} (${operation.kind}); ` +
          `use ${allowed.join(', ')}.`
      )
    }
    return operation
  }

  function settle(
    operationId: number,
    operation: OperationRow,
    input: OutcomeInput,
    stored: StoredOutcome,
    at: string
  ) {
    queuedOutcomes.delete(operationId)
    const { orderId } = operation
    settleOperation.run({
      id: operationId,
      outcome: input.outcome,
      httpStatus: input.httpStatus ?? null,
      at,
      ...stored
    })
    if (isSubmission(operation.kind)) restand(orderId)
    if (input.teakOrderId) setTeakOrderId.run(input.teakOrderId, orderId)
    const exchanged = operation.kind === 'exchange' && input.outcome === 'succeeded'
    if (exchanged) contents.applyExchanges(orderId, exchangesOf(fromStoredJson(operation.request)), at)
    contents.recordPolicies(orderId, input.policies ?? [], at)
    if (exchanged || input.policies?.length) search.markStale(orderId)
    touchOrder.run(at, orderId)
    search.catchUp(SEARCH_BATCH)
  }

  return {
    recordIntent(intent) {
      checkIntent(intent)
      return recordIntent.immediate(intent, toStoredJson(intent.request, 'the request'))
    },
    recordOutcome(operationId, input) {
      const stored: StoredOutcome = {
        response: toStoredJson(input.response, 'the response'),
        policies: toStoredJson(input.policies, 'the policies'),
        error: toStoredJson(input.error, 'the error'),
        note: input.note ?? null
      }
      const operation = checkOutcome(operationId, input)
      // Stamped when the answer arrived, not when its group is committed.
      const at = now().toISOString()
      queuedOutcomes.set(operationId, input.outcome)
      writes.later(() => settle(operationId, operation, input, stored, at))
    }
  }
}

interface StoredOutcome {
  response: string | null
  policies: string | null
  error: string | null
  note: string | null
}

function checkIntent(intent: IntentInput): void {
  if (!(OPERATION_KINDS as readonly string[]).includes(intent.kind)) {
    throw new JournalError(`"${intent.kind}" is not an operation kind (use ${OPERATION_KINDS.join(', ')}).`)
  }
  if (!(OPERATION_SOURCES as readonly string[]).includes(intent.source)) {
    throw new JournalError(
      `"${intent.source}" is not an operation source (use ${OPERATION_SOURCES.join(', ')}).`
    )
  }
  if (!intent.environment.trim()) throw new JournalError('An operation needs the environment it is sent to.')
  if (!intent.orderNumber.trim()) throw new JournalError('An operation needs the order number it is about.')
  if ((intent.kind === 'void' || intent.kind === 'cancel') && !intent.policyNumber) {
    throw new JournalError(`A ${intent.kind} needs the policy number it acts on.`)
  }
  if (intent.csvRows?.some((row) => !Number.isInteger(row) || row < 1)) {
    throw new JournalError('CSV row numbers are whole numbers from 1.')
  }
}

import type { Database } from 'better-sqlite3'
import type { JournalOperation, OrderDetail } from '../../shared/contract/history'
import type { OrderOutcome } from '../../shared/journal/outcomes'
import { holderText, type ClaimBook } from './claims'
import { exchangesOf } from './order-facts'
import {
  HISTORY_ROW_COLUMNS,
  OPERATION_COLUMNS,
  toHistoryRow,
  toJournalOperation,
  type HistoryRowRecord,
  type OperationRecord
} from './history-rows'
import { LATEST_NOTIFIED_STATUS } from './notifications'

export interface InDoubtFilter {
  environment?: string
  importRunId?: number
}

export interface OrderReader {
  /** The order with its items, policies and every operation on it (oldest first); null if never journaled. */
  orderDetail(environment: string, orderNumber: string): OrderDetail | null
  /**
   * What awaits resolving, oldest first: for each order in doubt, its latest attempt without an outcome
   * (each may or may not have reached Teak); and each exchange, void or cancel without an outcome that no
   * later operation supersedes.
   */
  inDoubt(filter?: InDoubtFilter): JournalOperation[]
  /**
   * Where the order stands (null if Teak Desk never journaled it). With `isAtTeak` an import skips orders
   * Teak holds and sends in-doubt and refused ones again.
   */
  latestOutcomeFor(environment: string, orderNumber: string): OrderOutcome | null
}

type PolicyRecord = OrderDetail['policies'][number]

/**
 * When Teak last returned each policy's status, and when an exchange replaced it, read from the order's
 * timeline (oldest first): the History shows a status "as of" the answer that gave it, and tells a status
 * from before an exchange apart from one Teak returned after it.
 */
function withStatusTimes(
  policies: readonly Omit<PolicyRecord, 'statusAt' | 'replacedAt'>[],
  timeline: readonly JournalOperation[]
): PolicyRecord[] {
  const settled = timeline.filter((operation) => operation.settledAt !== null && operation.outcome !== null)
  return policies.map((policy) => {
    const statusAt = settled.findLast((operation) =>
      operation.policies.some(
        (snapshot) => snapshot.policyNumber === policy.policyNumber && snapshot.status !== undefined
      )
    )?.settledAt
    const replacedAt =
      policy.replacedBy === null
        ? undefined
        : settled.find(
            (operation) =>
              operation.kind === 'exchange' &&
              operation.outcome === 'succeeded' &&
              exchangesOf(operation.request).some(
                (exchange) =>
                  exchange.oldReferenceNumber === policy.itemReference &&
                  exchange.item.referenceNumber === policy.replacedBy
              )
          )?.settledAt
    // A status from a notification is newer than Teak's last answer: it holds as of its arrival.
    const statusSince = policy.statusNotifiedAt ?? statusAt ?? null
    return { ...policy, statusAt: statusSince, replacedAt: replacedAt ?? null }
  })
}

export function orderReader(db: Database, claims: Pick<ClaimBook, 'holderOf'>): OrderReader {
  const order = db.prepare<[string, string], HistoryRowRecord & { id: number }>(
    `SELECT o.id, ${HISTORY_ROW_COLUMNS} FROM orders o WHERE o.environment = ? AND o.order_number = ?`
  )
  const items = db.prepare<[number], OrderDetail['items'][number]>(
    `SELECT reference_number AS referenceNumber, name, cost, replaced_by AS replacedBy
     FROM order_items WHERE order_id = ? ORDER BY position`
  )
  // A status Teak notified after it last answered about the policy is the newer one.
  const policies = db.prepare<[number], Omit<PolicyRecord, 'statusAt' | 'replacedAt'>>(
    `SELECT p.policy_number AS policyNumber, p.policy_number_new AS policyNumberNew,
            p.item_reference AS itemReference, coalesce(n.status, p.status) AS status, p.premium,
            p.coverage_amount AS coverageAmount, p.currency, p.replaced_by AS replacedBy, p.updated_at AS updatedAt,
            n.received_at AS statusNotifiedAt
     FROM policies p JOIN orders o ON o.id = p.order_id
     LEFT JOIN notifications n ON n.id = ${LATEST_NOTIFIED_STATUS}
     WHERE p.order_id = ? ORDER BY p.id`
  )
  const timeline = db.prepare<[number], OperationRecord>(
    `SELECT ${OPERATION_COLUMNS} FROM operations op JOIN orders o ON o.id = op.order_id
     WHERE op.order_id = ? ORDER BY op.id`
  )
  const inDoubt = db.prepare<[{ environment: string | null; importRunId: number | null }], OperationRecord>(
    `SELECT ${OPERATION_COLUMNS} FROM operations op JOIN orders o ON o.id = op.order_id
     WHERE op.outcome IS NULL
       AND CASE WHEN op.kind IN ('order', 'opt_out')
             THEN o.outcome = 'in_doubt'
                  AND op.id = (SELECT max(l.id) FROM operations l
                               WHERE l.order_id = op.order_id AND l.kind IN ('order', 'opt_out')
                                 AND l.outcome IS NULL)
             ELSE NOT EXISTS (SELECT 1 FROM operations n WHERE n.supersedes = op.id)
           END
       AND (@environment IS NULL OR o.environment = @environment)
       AND (@importRunId IS NULL OR op.import_run_id = @importRunId)
     ORDER BY op.id`
  )
  const outcome = db
    .prepare<[string, string], OrderOutcome>(
      'SELECT outcome FROM orders WHERE environment = ? AND order_number = ?'
    )
    .pluck()

  return {
    orderDetail(environment, orderNumber) {
      const record = order.get(environment, orderNumber)
      if (!record) return null
      const holder = claims.holderOf(environment, orderNumber)
      const operations = timeline.all(record.id).map(toJournalOperation)
      return {
        order: toHistoryRow(record),
        beingSentBy: holder ? holderText(holder) : null,
        items: items.all(record.id),
        policies: withStatusTimes(policies.all(record.id), operations),
        timeline: operations
      }
    },
    inDoubt(filter = {}) {
      return inDoubt
        .all({ environment: filter.environment ?? null, importRunId: filter.importRunId ?? null })
        .map(toJournalOperation)
    },
    latestOutcomeFor(environment, orderNumber) {
      return outcome.get(environment, orderNumber) ?? null
    }
  }
}

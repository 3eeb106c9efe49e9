import type { HistoryRow, JournalOperation } from '../../shared/contract/history'
import { LATEST_NOTIFIED_STATUS } from './notifications'
import { fromStoredJson } from './stored-json'

/**
 * The columns of a History row, for a query over `orders o`. Items and policies replaced by an exchange are
 * left out: the row shows what the order holds now; the detail shows the rest.
 */
export const HISTORY_ROW_COLUMNS = `
  o.environment, o.order_number AS orderNumber, o.outcome, o.source, o.currency,
  o.customer_name AS customerName, o.customer_email AS customerEmail, o.teak_order_id AS teakOrderId,
  (SELECT json_group_array(i.reference_number ORDER BY i.position)
     FROM order_items i WHERE i.order_id = o.id AND i.replaced_by IS NULL) AS itemReferences,
  (SELECT json_group_array(json_object('policyNumber', p.policy_number, 'status',
            coalesce((SELECT n.status FROM notifications n WHERE n.id = ${LATEST_NOTIFIED_STATUS}), p.status))
          ORDER BY p.id)
     FROM policies p WHERE p.order_id = o.id AND p.replaced_by IS NULL) AS policies,
  (SELECT json_extract(e.error, '$.message') FROM operations e WHERE e.id = o.outcome_operation_id) AS lastError,
  o.first_seen_at AS firstSeenAt, o.last_activity_at AS lastActivityAt`

export type HistoryRowRecord = Omit<HistoryRow, 'itemReferences' | 'policies'> & {
  itemReferences: string
  policies: string
}

export function toHistoryRow(record: HistoryRowRecord): HistoryRow {
  return {
    environment: record.environment,
    orderNumber: record.orderNumber,
    outcome: record.outcome,
    source: record.source,
    currency: record.currency,
    customerName: record.customerName,
    customerEmail: record.customerEmail,
    teakOrderId: record.teakOrderId,
    itemReferences: JSON.parse(record.itemReferences) as HistoryRow['itemReferences'],
    policies: JSON.parse(record.policies) as HistoryRow['policies'],
    lastError: record.lastError,
    firstSeenAt: record.firstSeenAt,
    lastActivityAt: record.lastActivityAt
  }
}

/** The columns of a journaled operation, for a query over `operations op JOIN orders o`. */
export const OPERATION_COLUMNS = `
  op.id, o.environment, o.order_number AS orderNumber, op.kind, op.source, op.requested_at AS requestedAt,
  op.request, op.policy_number AS policyNumber, op.import_run_id AS importRunId, op.csv_rows AS csvRows,
  op.supersedes, (SELECT min(n.id) FROM operations n WHERE n.supersedes = op.id) AS supersededBy,
  op.outcome, op.settled_at AS settledAt, op.http_status AS httpStatus, op.response, op.policies, op.error,
  op.note`

type JsonColumn = 'request' | 'response' | 'csvRows' | 'policies' | 'error'
export type OperationRecord = Omit<JournalOperation, JsonColumn> & Record<JsonColumn, string | null>

export function toJournalOperation(record: OperationRecord): JournalOperation {
  return {
    ...record,
    request: fromStoredJson(record.request),
    response: fromStoredJson(record.response),
    csvRows: (fromStoredJson(record.csvRows) ?? []) as JournalOperation['csvRows'],
    policies: (fromStoredJson(record.policies) ?? []) as JournalOperation['policies'],
    error: fromStoredJson(record.error) as JournalOperation['error']
  }
}

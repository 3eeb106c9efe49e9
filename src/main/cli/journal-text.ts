import type { HistoryRow, JournalOperation, OrderDetail } from '../../shared/contract/history'
import { isSubmission } from '../../shared/journal/outcomes'
import { utcText } from '../../shared/time/utc-text'
import { outcomeStyle, type Paint } from './colour'

/** What the read commands print for a person: plain lines, one order or attempt per line, stable to grep. */

/** One line per order: when, where, number, outcome and the policies with their last status. */
export function historyText(rows: readonly HistoryRow[], paint: Paint): string {
  if (rows.length === 0) return 'No orders match.\n'
  const lines = rows.map((row) =>
    [
      utcText(row.firstSeenAt),
      row.environment,
      row.orderNumber,
      paint(outcomeStyle(row.outcome), row.outcome),
      policiesText(row.policies)
    ].join('  ')
  )
  return `${lines.join('\n')}\n`
}

function policiesText(policies: HistoryRow['policies']): string {
  if (policies.length === 0) return 'no policies'
  return policies.map((p) => (p.status ? `${p.policyNumber} (${p.status})` : p.policyNumber)).join(', ')
}

/** The order's History page as text: the order, its items, its policies, and every attempt. */
export function orderText(detail: OrderDetail, paint: Paint): string {
  const { order } = detail
  const customer = [order.customerName, order.customerEmail && `<${order.customerEmail}>`].filter(Boolean)
  const lines = [
    `Order ${order.orderNumber} in ${order.environment}: ${paint(outcomeStyle(order.outcome), order.outcome)}` +
      (order.teakOrderId ? ` (Teak order id ${order.teakOrderId})` : ''),
    ...(customer.length ? [`Customer: ${customer.join(' ')}`] : []),
    `First seen ${utcText(order.firstSeenAt)}, last activity ${utcText(order.lastActivityAt)}`,
    ...(detail.beingSentBy ? [`Being sent right now by ${detail.beingSentBy}.`] : []),
    ...(order.lastError ? [`Last error: ${order.lastError}`] : []),
    'Items:',
    ...listOr(
      detail.items.map(
        (item) =>
          `  ${item.referenceNumber}` +
          (item.name ? `  ${item.name}` : '') +
          (item.cost ? `  cost ${item.cost}${order.currency ? ` ${order.currency}` : ''}` : '') +
          (item.replacedBy ? `  (replaced by ${item.replacedBy})` : '')
      )
    ),
    'Policies (as Teak last returned them):',
    ...listOr(
      detail.policies.map((p) =>
        [
          `  ${p.policyNumber}`,
          p.itemReference && `item ${p.itemReference}`,
          p.status ?? 'no status',
          p.premium && `premium ${p.premium}${p.currency ? ` ${p.currency}` : ''}`,
          p.coverageAmount && `coverage ${p.coverageAmount}`,
          p.replacedBy && `(item replaced by ${p.replacedBy})`,
          `updated ${utcText(p.updatedAt)}`
        ]
          .filter(Boolean)
          .join('  ')
      )
    ),
    'Attempts (oldest first):',
    ...listOr(detail.timeline.flatMap((op) => attemptLines(op, paint)))
  ]
  return `${lines.join('\n')}\n`
}

function listOr(lines: string[]): string[] {
  return lines.length > 0 ? lines : ['  none']
}

function attemptLines(op: JournalOperation, paint: Paint): string[] {
  const outcome = op.outcome ?? 'in_doubt'
  const style =
    op.outcome === null ? 'yellow' : op.outcome === 'succeeded' ? 'green' : outcomeStyle(op.outcome)
  return [
    `  #${op.id}  ${utcText(op.requestedAt)}  ${kindText(op)} via ${sourceText(op)}  ` +
      `${paint(style, outcome)}${op.httpStatus === null ? '' : `  HTTP ${op.httpStatus}`}`,
    `      sent: ${JSON.stringify(op.request)}`,
    ...(op.error ? [`      error: ${op.error.message}`] : []),
    ...(op.note ? [`      note: ${op.note}`] : [])
  ]
}

function kindText(op: JournalOperation): string {
  return op.policyNumber ? `${op.kind} of policy ${op.policyNumber}` : op.kind
}

function sourceText(op: JournalOperation): string {
  if (op.importRunId === null) return op.source
  const rows = op.csvRows.length ? `, rows ${op.csvRows.join(', ')}` : ''
  return `${op.source} (run ${op.importRunId}${rows})`
}

/** What a person does about an attempt in doubt. Resending is safe: see the app's in-doubt resolution. */
export function howToResolve(op: JournalOperation): string {
  const inApp = `open order ${op.orderNumber} in History (the app, or teak-desk ui) and choose "Resolve"`
  if (isSubmission(op.kind) && op.importRunId !== null) {
    return (
      `Run the import of its file again (the same teak-desk import command, or --resume), or ${inApp}: ` +
      "the order is sent again and Teak's answer (created, or its duplicate order number) settles it."
    )
  }
  if (isSubmission(op.kind)) {
    return `${capitalised(inApp)}: the order is sent again and Teak's answer (created, or its duplicate order number) settles it.`
  }
  return `${capitalised(inApp)}: the ${op.kind} is sent again, and Teak carries it out or says why not (e.g. already done).`
}

export function inDoubtText(operations: readonly JournalOperation[]): string {
  if (operations.length === 0) return 'Nothing is in doubt: every attempt has its answer.\n'
  const lines = operations.flatMap((op) => [
    `${op.environment}  ${op.orderNumber}  ${kindText(op)} sent ${utcText(op.requestedAt)} via ${sourceText(op)}: ` +
      'no answer came, so Teak may or may not have it.',
    `  ${howToResolve(op)}`
  ])
  return `${operations.length} awaiting resolution:\n${lines.join('\n')}\n`
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

import { errorLine, type ImportReport, type ImportReportOrder } from '../../../shared/import/report'
import type { BacklogParseResult, RowError } from '../../../shared/import/types'
import type { ImportResult } from '../import-engine'
import { outcomeStyle, type Paint } from '../../cli/colour'

/** What `teak-desk import` prints on stdout: plain text, one finding per line, stable for scripts to grep. */

const OUTCOME_LABELS: [Exclude<keyof ImportReport['summary'], 'orders'>, string][] = [
  ['created', 'created'],
  ['opted_out', 'opted out'],
  ['already_submitted', 'already submitted'],
  ['invalid', 'invalid'],
  ['rejected', 'rejected'],
  ['failed', 'failed']
]

/** The file-level findings: errors that stop the import, warnings, and rows that belong to no order. */
export function fileFindings(parsed: BacklogParseResult): string[] {
  return [
    ...parsed.fileErrors.map((message) => `File error: ${message}`),
    ...parsed.warnings.map((message) => `Warning: ${message}`),
    ...parsed.rowErrors.map((error) => `Row ${error.row}: ${rowErrorText(error)}`)
  ]
}

export function dryRunText(file: string, parsed: BacklogParseResult): string {
  const invalid = parsed.orders.filter((order) => order.errors.length > 0)
  const valid = parsed.orders.length - invalid.length
  const optOuts = parsed.orders.filter((order) => order.errors.length === 0 && !order.optIn).length
  const warned = parsed.orders.filter((order) => order.errors.length === 0 && order.warnings.length > 0)
  const lines = [
    `Dry run of ${file}: nothing was sent.`,
    `${parsed.rowCount} rows, ${parsed.orders.length} orders: ${valid} valid (${valid - optOuts} opt-in, ${optOuts} opt-out), ${invalid.length} invalid.`,
    ...fileFindings(parsed),
    ...invalid.flatMap((order) => [
      `Order ${order.orderNumber} (${rowsText(order.rows)}) is invalid:`,
      ...order.errors.map(cellLine)
    ]),
    // Warnings of assumptions: the order is valid and would be sent; the lines say what was assumed.
    ...warned.flatMap((order) => [
      `Order ${order.orderNumber} (${rowsText(order.rows)}) would be sent with warnings:`,
      ...order.warnings.map(cellLine)
    ])
  ]
  return `${lines.join('\n')}\n`
}

function cellLine(error: RowError): string {
  return `  Row ${error.row}${error.column ? `, ${error.column}` : ''}: ${rowErrorText(error)}`
}

/** The summary a person reads; `paint` colours the outcomes that occurred (on a terminal only). */
export function importSummaryText(
  result: ImportResult,
  parsed: BacklogParseResult,
  paint: Paint = (_style, text) => text
): string {
  const { report } = result
  const width = Math.max(...OUTCOME_LABELS.map(([, label]) => label.length))
  const outcomeLine = ([key, label]: (typeof OUTCOME_LABELS)[number]) => {
    const line = `${label.padEnd(width)}  ${report.summary[key]}`
    return `  ${report.summary[key] > 0 ? paint(outcomeStyle(key), line) : line}`
  }
  const lines = [
    `${result.complete ? 'Imported' : 'Stopped importing'} ${report.file} into ${report.environment}: ${report.summary.orders} orders.`,
    ...OUTCOME_LABELS.map(outcomeLine),
    ...(result.alreadyAtTeak > 0
      ? [`${result.alreadyAtTeak} of them were already at Teak before this run and were not sent again.`]
      : []),
    ...fileFindings(parsed),
    ...report.orders.filter(isProblem).flatMap(problemLines)
  ]
  return `${lines.join('\n')}\n`
}

function isProblem(order: ImportReportOrder): boolean {
  return order.outcome === 'invalid' || order.outcome === 'rejected' || order.outcome === 'failed'
}

function problemLines(order: ImportReportOrder): string[] {
  const status = order.status === null ? '' : `, Teak answered ${order.status}`
  return [
    `Order ${order.order_number} (${rowsText(order.rows)}) ${order.outcome}${status}:`,
    ...order.errors.map((error) => `  ${errorLine(error)}`)
  ]
}

function rowsText(rows: readonly number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`
}

function rowErrorText(error: RowError): string {
  return error.value === '' ? error.message : `${error.message} (value: ${JSON.stringify(error.value)})`
}

import type { ImportPreview, ImportStatus, PreviewOrder } from '../../../../shared/contract/import'
import type { CurrencyTotal } from '../../../../shared/import/cost-totals'
import type { ImportSummary, RunCounts } from '../../../../shared/import/report'

/** "Row 3, item_cost" — where a problem is, as a spreadsheet shows it. */
export function whereText(error: { row: number | null; column: string | null }): string {
  return [error.row === null ? null : `Row ${error.row}`, error.column].filter(Boolean).join(', ')
}

export function rowsText(rows: readonly number[]): string {
  return rows.length === 1 ? `Row ${rows[0]}` : `Rows ${rows.join(', ')}`
}

/** "about 2 minutes left"; rounded, as an estimate should be. */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null) return 'estimating time left…'
  if (seconds < 60) return 'less than a minute left'
  const minutes = Math.round(seconds / 60)
  if (minutes < 90) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`
  const hours = Math.round(minutes / 6) / 10
  return `about ${hours} hours left`
}

export function rateText(ratePerSecond: number): string {
  if (ratePerSecond <= 0) return ''
  return ratePerSecond >= 10
    ? `${Math.round(ratePerSecond)} orders/s`
    : `${ratePerSecond.toFixed(1)} orders/s`
}

/** "backlog.csv" → "backlog-import-report.json" */
export function reportFileName(fileName: string, extension: 'json' | 'csv'): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'backlog'
  return `${base}-import-report.${extension}`
}

/** The orders a preview table shows: all, or only those with errors. */
export function filterOrders(orders: readonly PreviewOrder[], onlyErrors: boolean): readonly PreviewOrder[] {
  return onlyErrors ? orders.filter((order) => order.errors.length > 0) : orders
}

export function isActive(status: ImportStatus | null): boolean {
  return status !== null && ['running', 'paused', 'stopping'].includes(status.state)
}

export const STATE_TEXT: Readonly<Record<ImportStatus['state'], string>> = {
  running: 'Importing',
  paused: 'Paused',
  stopping: 'Stopping: waiting for the orders already sent',
  finished: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import stopped by an error'
}

/** Orders that did not end at Teak: what "Retry failed orders" and the summary's warning are about. */
export function troubleCount(summary: ImportSummary): number {
  return summary.invalid + summary.rejected + summary.failed
}

/** What the import button leaves out, after "into <environment>": "; left out: 2 already at Teak, 1 invalid". */
export function leftOutText(preview: Pick<ImportPreview, 'alreadyAtTeak' | 'invalidOrders'>): string {
  const parts = [
    preview.alreadyAtTeak > 0 ? `${preview.alreadyAtTeak} already at Teak` : '',
    preview.invalidOrders > 0 ? `${preview.invalidOrders} invalid` : ''
  ].filter(Boolean)
  return parts.length === 0 ? '' : `; left out: ${parts.join(', ')}`
}

/** "150.00 USD and 89.90 EUR": exact decimal text as summed, never reformatted through a float. */
export function totalsText(totals: readonly CurrencyTotal[]): string {
  const amounts = totals.map((total) => `${total.amount} ${total.currency}`)
  return amounts.length <= 1
    ? (amounts[0] ?? 'nothing')
    : `${amounts.slice(0, -1).join(', ')} and ${amounts[amounts.length - 1]}`
}

/** The summary's first line: what this run did, told apart from what was done before it. */
export function runCountsText(counts: RunCounts): string {
  return [
    `${counts.sentInRun} sent in this run`,
    `${counts.doneBefore} already done before`,
    `${counts.invalid} invalid`,
    ...(counts.notSent > 0 ? [`${counts.notSent} not sent`] : [])
  ].join(' · ')
}

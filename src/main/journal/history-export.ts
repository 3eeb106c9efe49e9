import type { ExportFormat, HistoryExport, HistoryRow } from '../../shared/contract/history'
import { csvDocument, type CsvValue } from '../../shared/journal/csv-cells'

const COLUMNS: readonly [header: string, cell: (row: HistoryRow) => CsvValue][] = [
  ['Environment', (row) => row.environment],
  ['Order number', (row) => row.orderNumber],
  ['Outcome', (row) => row.outcome],
  ['Source', (row) => row.source],
  ['Currency', (row) => row.currency],
  ['Customer name', (row) => row.customerName],
  ['Customer email', (row) => row.customerEmail],
  ['Item reference numbers', (row) => row.itemReferences.join('; ')],
  [
    'Policies (status)',
    (row) =>
      row.policies.map((p) => (p.status ? `${p.policyNumber} (${p.status})` : p.policyNumber)).join('; ')
  ],
  ['Teak order id', (row) => row.teakOrderId],
  ['Last error', (row) => row.lastError],
  ['First seen (UTC)', (row) => row.firstSeenAt],
  ['Last activity (UTC)', (row) => row.lastActivityAt]
]

// Without a byte order mark, Excel reads a UTF-8 CSV in the local code page and garbles accented names.
const BYTE_ORDER_MARK = '\uFEFF'

/** The History as a file to download: CSV for spreadsheets (guarded cells), JSON for programs. */
export function historyExport(rows: readonly HistoryRow[], format: ExportFormat, at: Date): HistoryExport {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '-')
  const fileName = `teak-history-${stamp}Z.${format}`
  if (format === 'json') return { fileName, content: `${JSON.stringify(rows, null, 2)}\n` }
  const records = [
    COLUMNS.map(([header]) => header),
    ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row)))
  ]
  return { fileName, content: BYTE_ORDER_MARK + csvDocument(records) }
}

import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { costTotalsByCurrency } from '../../../src/shared/import/cost-totals'
import {
  emptySummary,
  importReportCsv,
  REPORT_CSV_COLUMNS,
  runCounts,
  type ImportReport,
  type ImportReportOrder
} from '../../../src/shared/import/report'

const entry = (
  order: Partial<ImportReportOrder> & Pick<ImportReportOrder, 'order_number'>
): ImportReportOrder => ({
  rows: [2],
  outcome: 'created',
  errors: [],
  status: 201,
  policies: [],
  sent_by_run: 7,
  ...order
})

const report = (orders: ImportReportOrder[]): ImportReport => ({
  file: 'b.csv',
  environment: 'local',
  summary: { ...emptySummary(), orders: orders.length },
  orders
})

describe('the report as a spreadsheet', () => {
  it('has one row per policy with its currency and premium, and one row for an order without policies', () => {
    const csv = importReportCsv(
      report([
        entry({
          order_number: 'A',
          rows: [2, 3],
          policies: [
            { policy_number: 'P-1', item_reference_number: 'A-1', premium: '4.50', currency: 'USD' },
            { policy_number: 'P-2', item_reference_number: 'A-2', premium: '1.25', currency: 'USD' }
          ]
        }),
        entry({ order_number: 'B', outcome: 'opted_out', status: 204 }),
        entry({
          order_number: 'C',
          outcome: 'invalid',
          status: null,
          sent_by_run: null,
          errors: [
            { row: 5, column: 'item_cost', message: 'Not a cost.' },
            { row: null, column: null, message: 'Second.' }
          ]
        })
      ])
    )
    const rows = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true }).data
    expect(rows[0]).toEqual([...REPORT_CSV_COLUMNS])
    expect(rows.slice(1)).toEqual([
      ['A', '2, 3', 'created', '201', '', 'P-1 (item A-1, premium 4.50)', '7', 'P-1', 'A-1', 'USD', '4.50'],
      ['A', '2, 3', 'created', '201', '', 'P-2 (item A-2, premium 1.25)', '7', 'P-2', 'A-2', 'USD', '1.25'],
      ['B', '2', 'opted_out', '204', '', '', '7', '', '', '', ''],
      ['C', '2', 'invalid', '', 'Row 5, item_cost: Not a cost.\nSecond.', '', '', '', '', '', '']
    ])
  })

  it('keeps every column it ever had, in its place', () => {
    expect(REPORT_CSV_COLUMNS.slice(0, 7)).toEqual([
      'order_number',
      'rows',
      'outcome',
      'status',
      'errors',
      'policies',
      'sent_by_run'
    ])
  })
})

describe('what a run did', () => {
  it('tells orders sent in this run from those done before, invalid ones and the rest', () => {
    const counts = runCounts(
      report([
        entry({ order_number: 'sent', sent_by_run: 7 }),
        entry({ order_number: 'failed here', outcome: 'failed', sent_by_run: 7 }),
        entry({ order_number: 'earlier run', sent_by_run: 3 }),
        entry({ order_number: 'from the form', outcome: 'opted_out', sent_by_run: null }),
        entry({ order_number: 'bad', outcome: 'invalid', sent_by_run: null }),
        entry({ order_number: 'elsewhere', outcome: 'being_sent_elsewhere', sent_by_run: 9 }),
        entry({ order_number: 'refused before', outcome: 'rejected', sent_by_run: 3 })
      ]),
      7
    )
    expect(counts).toEqual({ sentInRun: 2, doneBefore: 2, invalid: 1, notSent: 2 })
  })
})

describe('cost totals per currency', () => {
  it('sums item costs exactly, per currency, in the order they first appear', () => {
    const item = (cost: string) => ({ cost })
    expect(
      costTotalsByCurrency([
        { currency: 'USD', items: [item('0.1'), item('0.2')] },
        { currency: 'EUR', items: [item('89.9')] },
        { currency: 'USD', items: [item('1234.999')] },
        { currency: 'JPY', items: [item('500')] }
      ])
    ).toEqual([
      { currency: 'USD', amount: '1235.299' },
      { currency: 'EUR', amount: '89.90' },
      { currency: 'JPY', amount: '500.00' }
    ])
    expect(costTotalsByCurrency([])).toEqual([])
  })
})

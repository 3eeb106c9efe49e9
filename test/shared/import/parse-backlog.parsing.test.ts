import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseBacklog } from '../../../src/shared/import/parse-backlog'
import type { BacklogParseResult } from '../../../src/shared/import/types'
import { backlogCsv, COLUMNS } from './csv-fixtures'

const TWO_ORDERS: Record<string, string>[] = [{}, { order_number: 'A-2', item_reference_number: 'T-2' }]

const utf8 = (text: string) => new TextEncoder().encode(text)
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = [endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]].flat()
  for (const char of text) {
    const code = char.charCodeAt(0)
    bytes.push(...(endian === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]))
  }
  return new Uint8Array(bytes)
}

/** Both orders read and valid: the file's syntax was understood. */
function expectTwoValidOrders(result: BacklogParseResult): void {
  expect(result.fileErrors).toEqual([])
  expect(result.warnings).toEqual([])
  expect(result.rowCount).toBe(2)
  expect(result.orders.map((o) => [o.orderNumber, o.rows, o.errors])).toEqual([
    ['A-1', [2], []],
    ['A-2', [3], []]
  ])
  expect(result.orders[1].request?.items).toEqual([
    { name: 'Ticket', reference_number: 'T-2', cost: '50.00' }
  ])
}

describe('parseBacklog accepts', () => {
  it.each<[string, string | Uint8Array]>([
    ['UTF-8 bytes without a byte-order mark', utf8(backlogCsv(TWO_ORDERS))],
    ['UTF-8 bytes with a byte-order mark', withBom(utf8(backlogCsv(TWO_ORDERS)))],
    ['text that still starts with a byte-order mark', '\ufeff' + backlogCsv(TWO_ORDERS)],
    ['"," as delimiter', backlogCsv(TWO_ORDERS, { delimiter: ',' })],
    ['";" as delimiter', backlogCsv(TWO_ORDERS, { delimiter: ';' })],
    ['tab as delimiter', backlogCsv(TWO_ORDERS, { delimiter: '\t' })],
    ['CRLF line ends', backlogCsv(TWO_ORDERS, { eol: '\r\n' })],
    ['blank lines at the end', backlogCsv(TWO_ORDERS, { eol: '\r\n' }) + '\r\n\r\n,,\r\n'],
    [
      'header names in any case and with spaces around them',
      backlogCsv(TWO_ORDERS).replace(/^[^\n]*/, (header) =>
        header
          .split(',')
          .map((name, i) => (i % 2 ? ` ${name.toUpperCase()}  ` : name))
          .join(',')
      )
    ],
    ['columns in any order', backlogCsv(TWO_ORDERS, { columns: [...COLUMNS].reverse() })]
  ])('%s', (_, input) => {
    expectTwoValidOrders(parseBacklog(input))
  })

  it('blank rows before the header and between orders, still counted as rows', () => {
    const result = parseBacklog('\n' + backlogCsv(TWO_ORDERS).replace('\nA-2', '\n,,\nA-2'))
    expect(result.fileErrors).toEqual([])
    expect(result.rowCount).toBe(2)
    expect(result.orders.map((o) => [o.rows, o.errors])).toEqual([
      [[3], []],
      [[5], []]
    ])
  })

  it('quoted cells with delimiters, line breaks and doubled quotes; rows count records, not lines', () => {
    const name = 'The "Big" Show,\nfront row\r\nseat 4'
    const result = parseBacklog(backlogCsv([{ item_name: name }, { order_number: 'A-2' }]))
    expect(result.orders[0].request?.items[0].name).toBe(name)
    // The first record spans three lines, yet the next one is row 3, as a spreadsheet numbers it.
    expect(result.orders[1].rows).toEqual([3])
  })

  it('keeps values as written: leading zeros, long digit strings', () => {
    const result = parseBacklog(
      backlogCsv([{ order_number: '008727100', item_reference_number: '000123', billing_zip_code: '01234' }])
    )
    const request = result.orders[0].request
    expect(request?.order_number).toBe('008727100')
    expect(request?.items[0].reference_number).toBe('000123')
    expect(request?.billing_address?.zip_code).toBe('01234')
  })

  it('ignores unknown columns with a warning naming them', () => {
    const csv = backlogCsv([{ notes: 'call back' }], { columns: [...COLUMNS, 'notes', ''] })
    const result = parseBacklog(csv)
    expect(result.warnings).toEqual([
      `"notes" (column Q) is not a backlog column; it is ignored.`,
      'The header cell in column R is empty; that column is ignored.'
    ])
    expect(result.orders[0].errors).toEqual([])
  })

  it('reads the shipped template without a problem', () => {
    const result = parseBacklog(
      readFileSync(new URL('../../../resources/backlog-template.csv', import.meta.url))
    )
    expect(result.fileErrors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.orders.map((o) => [o.orderNumber, o.optIn, o.errors, o.request?.items.length])).toEqual([
      ['1001', true, [], 2],
      ['1002', false, [], 1]
    ])
    expect(result.orders[0].request?.items.map((item) => [item.cost, item.event?.name])).toEqual([
      ['57.50', undefined],
      ['57.50', 'Awesome Event parking']
    ])
  })
})

describe('parseBacklog refuses', () => {
  it('a header without required columns, listing every one', () => {
    const result = parseBacklog(backlogCsv([{}], { columns: ['order_number', 'item_name', 'Notes'] }))
    expect(result.fileErrors).toEqual([
      'The header lacks required columns currency, item_reference_number, item_cost. The first row must name the columns (see the backlog template).'
    ])
    expect(result.orders).toEqual([])
  })

  it('a column named twice', () => {
    const result = parseBacklog(backlogCsv([{}], { columns: [...COLUMNS, ' Currency'] }))
    expect(result.fileErrors).toEqual([
      '"currency" appears twice in the header (column B and column Q); keep one.'
    ])
  })

  it.each([
    ['UTF-16 LE', utf16(backlogCsv([{}]), 'le'), /^This file is UTF-16 \("Unicode text"\); save it as UTF-8/],
    ['UTF-16 BE', utf16(backlogCsv([{}]), 'be'), /^This file is UTF-16/],
    [
      'Latin-1 (Windows-1252)',
      Buffer.from(backlogCsv([{ item_name: 'Café crème' }]), 'latin1'),
      /^This file is not UTF-8 text; it is probably in an older encoding such as Windows-1252 or Latin-1\. Save it as UTF-8/
    ],
    ['UTF-16 without a byte-order mark', utf16(backlogCsv([{}]), 'le').slice(2), /NUL characters/]
  ])('%s text with a clear message', (_, bytes, message) => {
    const result = parseBacklog(bytes)
    expect(result.fileErrors).toHaveLength(1)
    expect(result.fileErrors[0]).toMatch(message)
    expect(result.orders).toEqual([])
  })

  it('an empty file, and a header without rows', () => {
    expect(parseBacklog('').fileErrors).toEqual([
      'The file is empty: it needs a header row and at least one order row.'
    ])
    expect(parseBacklog(COLUMNS.join(',') + '\n\n').fileErrors).toEqual([
      'The file has a header row but no order rows.'
    ])
  })

  it('a ragged row, naming it, and still reads the rest of the file', () => {
    const csv = backlogCsv([{}, { order_number: 'A-2' }, { order_number: 'A-3' }]).replace(
      /\nA-2,(.*)\n/,
      (_, rest) => `\nA-2,${rest},extra\n`
    )
    const result = parseBacklog(csv)
    expect(result.fileErrors).toEqual([])
    expect(result.orders.map((o) => [o.orderNumber, o.errors.length])).toEqual([
      ['A-1', 0],
      ['A-2', 1],
      ['A-3', 0]
    ])
    expect(result.orders[1].errors).toEqual([
      {
        row: 3,
        column: null,
        value: '',
        message:
          'This row has 17 cells but the header has 16: a delimiter is missing or extra, or a quote is misplaced. The row was not read.'
      }
    ])
    expect(result.orders[1].request).toBeUndefined()
  })

  it('a row too short to hold an order number, as a row error', () => {
    const result = parseBacklog(backlogCsv([{}], { columns: [...COLUMNS].reverse() }) + 'lonely\n')
    expect(result.rowErrors).toEqual([
      expect.objectContaining({
        row: 3,
        column: null,
        message: expect.stringMatching(/^This row has 1 cells/)
      })
    ])
    expect(result.rowCount).toBe(2)
  })

  it('a row without an order number', () => {
    const result = parseBacklog(backlogCsv([{}, { order_number: ' ' }]))
    expect(result.rowErrors).toEqual([
      {
        row: 3,
        column: 'order_number',
        value: '',
        message: 'This row has no order number, so it belongs to no order. Fill order_number.'
      }
    ])
    expect(result.orders.map((o) => o.orderNumber)).toEqual(['A-1'])
  })

  it('a quoted cell that is never closed, as a file error', () => {
    const csv = backlogCsv([{}, { order_number: 'A-2' }, { order_number: 'A-3' }]).replace(
      ',Ticket,T-1,50.00\nA-2',
      ',"Ticket,T-1,50.00\nA-2'
    )
    const result = parseBacklog(csv)
    expect(result.fileErrors).toEqual([
      'Row 2 opens a quoted cell that is never closed, so the rest of the file was read as part of that cell. Add the closing quote (") and import again.'
    ])
    expect(result.orders[0].errors[0].message).toMatch(/^A quote \(".*misplaced or never closed/)
  })
})

import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { REQUIRED_COLUMNS } from '../../src/shared/import/columns'
import type { BacklogParseResult, RowError } from '../../src/shared/import/types'
import { quoteToken } from '../shared/import/csv-fixtures'
import { ALL_COLUMNS, generatedBacklogCsv } from './support/backlog-orders'
import { boundedParser } from './support/bounded-parser'

/** A generated file is small: anything beyond this is a hang, not work (even on a busy machine). */
const CASE_TIMEOUT_MS = 10_000
/** The hand-made monsters (a megabyte cell, 10,000 columns) may take longer, but not forever. */
const MONSTER_TIMEOUT_MS = 30_000
const GENERATED_FILES = 1_000

const KNOWN_COLUMNS = new Set(ALL_COLUMNS)
const BOM = '\uFEFF'

/** The last row a finding may name: records are never more than the file's lines. */
function lastPossibleRow(input: string | Uint8Array): number {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input)
  return (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1
}

/** A backlog column, or a group of them such as "customer_*". */
function isColumnName(name: string): boolean {
  if (KNOWN_COLUMNS.has(name)) return true
  const group = /^([a-z_]+_)\*$/.exec(name)
  return group !== null && ALL_COLUMNS.some((column) => column.startsWith(group[1]))
}

function expectPlacedError(error: RowError, lastRow: number): void {
  expect(Number.isInteger(error.row) && error.row >= 1 && error.row <= lastRow, `row ${error.row}`).toBe(true)
  expect(error.column === null || isColumnName(error.column), `column ${error.column}`).toBe(true)
  expect(error.message.trim(), 'message').not.toBe('')
  expect(typeof error.value).toBe('string')
}

/** What every result must look like, whatever the file held. */
function expectWellFormed(result: BacklogParseResult, input: string | Uint8Array): void {
  const lastRow = lastPossibleRow(input)
  for (const message of [...result.fileErrors, ...result.warnings]) expect(message.trim()).not.toBe('')
  for (const error of result.rowErrors) expectPlacedError(error, lastRow)
  expect(result.rowCount).toBeLessThanOrEqual(lastRow)
  const orderNumbers = new Set<string>()
  for (const order of result.orders) {
    expect(order.orderNumber.trim()).not.toBe('')
    expect(orderNumbers.has(order.orderNumber), `order ${order.orderNumber} listed twice`).toBe(false)
    orderNumbers.add(order.orderNumber)
    expect(order.rows.length).toBeGreaterThan(0)
    for (const error of order.errors) expectPlacedError(error, lastRow)
    // A request exactly when the order is free of errors: nothing half-checked is ever sent.
    expect(order.request === undefined).toBe(order.errors.length > 0)
  }
}

// ---- Generated files -------------------------------------------------------------------------------

const columnSpelling = fc.constantFrom(
  (name: string) => name,
  (name: string) => name.toUpperCase(),
  (name: string) => ` ${name}\t`
)
const strangeHeaderCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'Order Number', 'notes', '=cmd', 'order-number')
)
/** Now and then (one time in `every`), else null. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every: number) =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary })

/**
 * Known columns in any order and spelling, mostly with every required one (so the rows are read and
 * validated), a few unknown ones, and now and then a column named twice.
 */
const header = fc
  .record({
    known: fc.oneof(
      fc.constant(ALL_COLUMNS),
      fc.shuffledSubarray(ALL_COLUMNS),
      fc.shuffledSubarray(ALL_COLUMNS)
    ),
    complete: fc.oneof(
      { weight: 4, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) }
    ),
    unknown: fc.array(strangeHeaderCell, { maxLength: 3 }),
    twice: rarely(fc.constantFrom(...ALL_COLUMNS), 10)
  })
  .chain(({ known, complete, unknown, twice }) => {
    const names = [...new Set([...(complete ? REQUIRED_COLUMNS : []), ...known]), ...unknown]
    if (twice) names.push(twice)
    return fc.tuple(
      fc.shuffledSubarray(names, { minLength: names.length }),
      fc.array(columnSpelling, { minLength: names.length, maxLength: names.length })
    )
  })
  .map(([names, spellings]) => names.map((name, k) => (KNOWN_COLUMNS.has(name) ? spellings[k](name) : name)))

const likelyValue = fc.constantFrom(
  'A-1',
  'A-1',
  'A-2',
  'B',
  'USD',
  'EUR',
  'usd',
  'XXX',
  '50.00',
  '1,234',
  '12,5',
  '0',
  '-3',
  '1e3',
  '2027-12-24',
  '2027-02-30',
  '12:00',
  '25:61',
  'US',
  'USA',
  'invoice',
  'cash',
  'dana@example.com',
  quoteToken({ opt_in: true }),
  quoteToken({ opt_in: false }),
  quoteToken({}),
  'not.a.token',
  'x'.repeat(300)
)
const nastyValue = fc.constantFrom(
  '=SUM(A1:A9)',
  '+1',
  '-1',
  '@cmd',
  '=HYPERLINK("http://127.0.0.1")',
  '"',
  '""',
  'a"b',
  '"quoted"',
  'line\nbreak',
  'cr\rlf',
  'crlf\r\nin cell',
  ' padded ',
  '\t',
  ',',
  ';',
  'Zoë',
  '😀',
  '\u202egnp.exe',
  BOM,
  '\u0000',
  '\uD800'
)
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: likelyValue },
  { weight: 2, arbitrary: nastyValue },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }
)

interface FuzzFile {
  header: string[]
  rows: string[][]
  delimiter: string
  eol: string
  quoting: 'when needed' | 'always' | 'never'
  bom: boolean
  finalEol: boolean
  asBytes: boolean
  /** A byte overwritten with one that is never valid in UTF-8 (when written as bytes). */
  badByteAt: number | null
  missingTokenAsOptIn: boolean
}

/** A valid value for each column, from a generated valid order. */
const VALID_VALUES = (() => {
  const [names, values] = generatedBacklogCsv({ orders: 1 })
    .trim()
    .split('\n')
    .map((line) => line.split(','))
  return new Map(names.map((name, k) => [name, values[k]]))
})()

/** Under a known column, mostly a value that fits it (so some orders are valid); else anything. */
function cellUnder(column: string): fc.Arbitrary<string> {
  const name = column.trim().toLowerCase()
  const fitting = name === 'order_number' ? fc.constantFrom('A-1', 'A-2', 'B') : VALID_VALUES.get(name)
  if (fitting === undefined) return cell
  return fc.oneof(
    { weight: 15, arbitrary: typeof fitting === 'string' ? fc.constant(fitting) : fitting },
    cell
  )
}

/** Rows mostly as wide as the header; some ragged. */
const rowsUnder = (header: string[]) =>
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.tuple(...header.map(cellUnder)) },
      { weight: 1, arbitrary: fc.array(cell, { maxLength: header.length + 3 }) }
    ),
    { maxLength: 12 }
  )

const fuzzFile: fc.Arbitrary<FuzzFile> = header.chain((cells) =>
  fc.record({
    header: fc.constant(cells),
    rows: rowsUnder(cells),
    delimiter: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(',', ';', '\t') },
      { weight: 1, arbitrary: fc.constant('|') }
    ),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    quoting: fc.constantFrom('when needed', 'always', 'never'),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
    asBytes: fc.boolean(),
    badByteAt: rarely(fc.nat(), 8),
    missingTokenAsOptIn: fc.boolean()
  })
)

function rendered(file: FuzzFile): string | Uint8Array {
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`
  const needsQuotes = (value: string) => /["\r\n]/.test(value) || value.includes(file.delimiter)
  const written = (value: string) =>
    file.quoting === 'always' || (file.quoting === 'when needed' && needsQuotes(value))
      ? quoted(value)
      : value
  const lines = [file.header, ...file.rows].map((cells) => cells.map(written).join(file.delimiter))
  const text = (file.bom ? BOM : '') + lines.join(file.eol) + (file.finalEol ? file.eol : '')
  if (!file.asBytes) return text
  const bytes = new TextEncoder().encode(text)
  if (file.badByteAt !== null && bytes.length > 0) bytes[file.badByteAt % bytes.length] = 0xff
  return bytes
}

// ---- Hand-made files ------------------------------------------------------------------------------

const REQUIRED_HEADER = REQUIRED_COLUMNS.join(',')
const utf8 = (text: string) => new TextEncoder().encode(text)
const bytes = (...values: number[]) => Uint8Array.from(values)
const validRow = 'A-1,USD,Ticket,T-1,50.00'

const NASTY_FILES: Record<string, string | Uint8Array> = {
  'an empty file': '',
  'empty bytes': bytes(),
  'a header only': REQUIRED_HEADER,
  'a header only, with a line break': `${REQUIRED_HEADER}\r\n`,
  'only a byte-order mark (text)': BOM,
  'only a byte-order mark (bytes)': bytes(0xef, 0xbb, 0xbf),
  'only line breaks': '\n\r\n\r'.repeat(1000),
  'only delimiters': ',;\t'.repeat(10_000),
  '10,000 columns': `${REQUIRED_HEADER},${Array.from({ length: 10_000 }, (_, i) => `extra_${i}`).join(',')}\n${validRow}${',x'.repeat(10_000)}\n`,
  'a row of 10,000 cells under a short header': `${REQUIRED_HEADER}\n${validRow}${','.repeat(10_000)}\n`,
  'a 1 MB cell': `${REQUIRED_HEADER}\nA-1,USD,"${'x'.repeat(1 << 20)}",T-1,50.00\n`,
  'a 1 MB unquoted cell': `${REQUIRED_HEADER}\nA-1,USD,${'y'.repeat(1 << 20)},T-1,50.00\n`,
  'a quote opened and never closed': `${REQUIRED_HEADER}\n${validRow}\n"A-2,USD,Ticket,T-2,1.00\n${validRow}\n`,
  'a quote in the header never closed': `"order_number,currency,item_name,item_reference_number,item_cost\n${validRow}\n`,
  'NUL bytes': utf8(`${REQUIRED_HEADER}\nA-1\u0000,USD,Ticket,T-1,50.00\n`),
  'NUL characters in text': `${REQUIRED_HEADER}\nA-1\u0000,USD,Ticket,T-1,50.00\n`,
  'lone CR line endings': `${REQUIRED_HEADER}\r${validRow}\rA-2,USD,Ticket,T-2,1.00\r`,
  'UTF-16 LE with BOM': bytes(
    0xff,
    0xfe,
    ...[...'order_number,currency\n'].flatMap((c) => [c.charCodeAt(0), 0])
  ),
  'UTF-16 BE with BOM': bytes(
    0xfe,
    0xff,
    ...[...'order_number,currency\n'].flatMap((c) => [0, c.charCodeAt(0)])
  ),
  'UTF-16 LE without BOM': bytes(...[...`${REQUIRED_HEADER}\n`].flatMap((c) => [c.charCodeAt(0), 0])),
  'invalid UTF-8 (Latin-1 é)': bytes(
    ...utf8(`${REQUIRED_HEADER}\nA-1,USD,Caf`),
    0xe9,
    ...utf8(',T-1,50.00\n')
  ),
  'a truncated UTF-8 sequence at the end': bytes(...utf8(`${REQUIRED_HEADER}\n${validRow}\n`), 0xe2, 0x82),
  'overlong UTF-8': bytes(...utf8(`${REQUIRED_HEADER}\n`), 0xc0, 0xaf, ...utf8(',USD,T,T-1,1\n')),
  'binary junk': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
  'the required header twice': `${REQUIRED_HEADER},${REQUIRED_HEADER}\n${validRow},${validRow}\n`,
  '1,000 orders scattered over 2,000 rows': `${REQUIRED_HEADER}\n${Array.from({ length: 2000 }, (_, i) => `O-${i % 1000},USD,Ticket,T-${i},1.00`).join('\n')}\n`,
  'formula injection everywhere': `${REQUIRED_HEADER}\n=1+1,@SUM(1),+cmd|' /C calc'!A0,-2+3,=HYPERLINK("x")\n`
}

describe('parseBacklog on hostile CSV', () => {
  const parser = boundedParser()
  afterAll(() => parser.close())

  it(`never throws, never hangs, and places every finding, on ${GENERATED_FILES} generated files`, async () => {
    let withOrders = 0
    let validOrders = 0
    await fc.assert(
      fc.asyncProperty(fuzzFile, async (file) => {
        const input = rendered(file)
        const result = await parser.parse(
          input,
          { missingTokenAsOptIn: file.missingTokenAsOptIn },
          CASE_TIMEOUT_MS
        )
        expectWellFormed(result, input)
        if (result.orders.length > 0) withOrders++
        validOrders += result.orders.filter((order) => order.request).length
      }),
      { numRuns: GENERATED_FILES, seed: 4242 }
    )
    // The generator must reach past the header into row validation, and now and then produce a valid order.
    expect(withOrders).toBeGreaterThan(GENERATED_FILES / 4)
    expect(validOrders).toBeGreaterThan(20)
  }, 60_000)

  for (const [name, input] of Object.entries(NASTY_FILES)) {
    it(`copes with ${name}`, async () => {
      const result = await parser.parse(input, {}, MONSTER_TIMEOUT_MS)
      expectWellFormed(result, input)
      const findings =
        result.fileErrors.length + result.rowErrors.length + result.orders.flatMap((o) => o.errors).length
      // Each of these files is wrong somewhere, or (the 10,000 columns) at least warned about.
      expect(findings + result.warnings.length, JSON.stringify(result).slice(0, 300)).toBeGreaterThan(0)
    })
  }
})

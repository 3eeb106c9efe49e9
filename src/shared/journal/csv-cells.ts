/**
 * Writing CSV that is safe to open in a spreadsheet: RFC 4180 quoting plus a guard against formula
 * injection (OWASP "CSV Injection"): a cell a spreadsheet would evaluate gets a leading apostrophe.
 */
export type CsvValue = string | number | boolean | null | undefined

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])
const NEEDS_QUOTES = /[",\r\n]/

/** Text a spreadsheet would read as a formula, made inert by a leading `'`. */
export function guardFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text
}

/** One cell: guarded, then quoted when it holds a quote, comma or line break (quotes doubled). */
export function csvCell(value: CsvValue): string {
  const text = guardFormula(value === null || value === undefined ? '' : String(value))
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, without its line break. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',')
}

/** Whole records, each ended by CRLF as RFC 4180 writes them. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${csvRow(row)}\r\n`).join('')
}

/**
 * Writing CSV that is safe to open in a spreadsheet: RFC 4180 quoting plus a guard against formula
 * injection (OWASP "CSV Injection"): text a spreadsheet would evaluate gets a leading apostrophe.
 * The import report and the History export both write through here.
 */
export type CsvValue = string | number | boolean | null | undefined

/**
 * A formula starts with = + - @ (tab and CR too: some programs drop them and evaluate what follows);
 * spaces and quotes in front do not stop every program from evaluating it.
 */
const STARTS_FORMULA = /^[ "]*[=+\-@\t\r]/

/**
 * Where another program may start a new cell inside ours: ";" (Excel where the decimal mark is a comma —
 * de, fr, nl — splits our comma file on it), tab, and line breaks (a reader honours our quotes only when
 * they open its cell, which after a ";" split they no longer do). Each part after one is guarded too.
 */
const PART_STARTS = /(?<=[;\t\r\n])/

/** Quoted: cells with a quote, a delimiter ("," or ";"), a tab or a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/

const guardPart = (part: string) => (STARTS_FORMULA.test(part) ? `'${part}` : part)

/** Text a spreadsheet would read as a formula, in any of its parts, made inert by a leading `'`. */
export function guardFormula(text: string): string {
  return text.split(PART_STARTS).map(guardPart).join('')
}

/** One cell: guarded, then quoted when it needs to be (quotes doubled). */
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

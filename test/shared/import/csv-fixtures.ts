/** Builders for backlog CSV text in tests: a valid opt-in order row by default, any cell overridable. */
export function quoteToken(claims: Record<string, unknown> = { opt_in: true }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`
}

export const FULL_ORDER: Record<string, string> = {
  order_number: 'A-1',
  currency: 'USD',
  quote_token: quoteToken(),
  event_name: 'Awesome Event',
  event_start_date: '2027-12-24',
  event_start_time: '12:00',
  customer_first_name: 'John',
  customer_last_name: 'Doe',
  customer_email: 'john@example.com',
  billing_address1: '123 Main St',
  billing_city: 'Phoenix',
  billing_zip_code: '85020',
  billing_country: 'US',
  item_name: 'Ticket',
  item_reference_number: 'T-1',
  item_cost: '50.00'
}

export const COLUMNS = Object.keys(FULL_ORDER)

export interface CsvShape {
  delimiter?: string
  eol?: string
  columns?: string[]
}

const quoted = (cell: string, delimiter: string) =>
  /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell

/** A CSV with a header and one row per override object (each merged over FULL_ORDER). */
export function backlogCsv(rows: Record<string, string>[], shape: CsvShape = {}): string {
  const { delimiter = ',', eol = '\n', columns = COLUMNS } = shape
  const line = (cells: string[]) => cells.map((cell) => quoted(cell, delimiter)).join(delimiter)
  const body = rows.map((row) => line(columns.map((column) => ({ ...FULL_ORDER, ...row })[column] ?? '')))
  return [line(columns), ...body].join(eol) + eol
}

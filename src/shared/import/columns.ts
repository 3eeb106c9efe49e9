/**
 * The backlog CSV's columns (docs/csv-format.md) and where each lands in Teak's order body. One table
 * serves both directions: cells → order input, and a schema issue's path → the column to blame.
 * `path` is relative to the order for order-level columns and to the item for item-level ones; null means
 * the column is read by the import itself rather than copied into the body.
 */
export interface BacklogColumn {
  readonly name: string
  readonly path: readonly [string] | readonly [string, string] | null
  readonly required: boolean
}

const column = (name: string, path: BacklogColumn['path'], required = false): BacklogColumn => ({
  name,
  path,
  required
})

export const ORDER_COLUMNS: readonly BacklogColumn[] = [
  column('order_number', ['order_number'], true),
  column('currency', ['currency'], true),
  column('quote_token', ['token']),
  column('event_name', ['event', 'name']),
  column('event_start_date', ['event', 'start_date']),
  column('event_start_time', ['event', 'start_time']),
  column('event_end_date', ['event', 'end_date']),
  column('event_end_time', ['event', 'end_time']),
  column('event_location', ['event', 'location']),
  column('customer_first_name', ['customer', 'first_name']),
  column('customer_last_name', ['customer', 'last_name']),
  column('customer_email', ['customer', 'email']),
  column('customer_phone', ['customer', 'phone']),
  column('billing_address1', ['billing_address', 'address1']),
  column('billing_address2', ['billing_address', 'address2']),
  column('billing_city', ['billing_address', 'city']),
  column('billing_state', ['billing_address', 'state']),
  column('billing_zip_code', ['billing_address', 'zip_code']),
  column('billing_country', ['billing_address', 'country']),
  column('payment_type', ['payment', 'type']),
  column('taxes_and_fees', null)
]

export const ITEM_COLUMNS: readonly BacklogColumn[] = [
  column('item_name', ['name'], true),
  column('item_reference_number', ['reference_number'], true),
  column('item_cost', ['cost'], true),
  column('item_event_name', ['event', 'name']),
  column('item_event_start_date', ['event', 'start_date']),
  column('item_event_start_time', ['event', 'start_time']),
  column('item_event_end_date', ['event', 'end_date']),
  column('item_event_end_time', ['event', 'end_time']),
  column('item_event_location', ['event', 'location'])
]

export const REQUIRED_COLUMNS = [...ORDER_COLUMNS, ...ITEM_COLUMNS]
  .filter((c) => c.required)
  .map((c) => c.name)

function indexOfColumn(columns: readonly BacklogColumn[], name: string): number {
  const index = columns.findIndex((c) => c.name === name)
  if (index < 0) throw new Error(`No backlog column named ${name}.`)
  return index
}

/** Positions in ORDER_COLUMNS of the order-level values the import reads itself. */
export const ORDER_NUMBER = indexOfColumn(ORDER_COLUMNS, 'order_number')
export const QUOTE_TOKEN = indexOfColumn(ORDER_COLUMNS, 'quote_token')
export const TAXES_AND_FEES = indexOfColumn(ORDER_COLUMNS, 'taxes_and_fees')
export const ITEM_COST = indexOfColumn(ITEM_COLUMNS, 'item_cost')

/** Column names of one object in the body ("customer", "event", …), e.g. for "fill the customer_* columns". */
export function columnsOfObject(columns: readonly BacklogColumn[], object: string): string[] {
  return columns.filter((c) => c.path?.length === 2 && c.path[0] === object).map((c) => c.name)
}

/** The spreadsheet's letter for a 0-based column position: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  }
  return letters
}

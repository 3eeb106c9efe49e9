import { ITEM_COLUMNS, ORDER_COLUMNS } from '../../../src/shared/import/columns'
import { quoteToken } from '../../shared/import/csv-fixtures'

/** Every backlog column, in the template's order. */
export const ALL_COLUMNS = [...ORDER_COLUMNS, ...ITEM_COLUMNS].map((column) => column.name)

export interface GeneratedBacklog {
  orders: number
  itemsPerOrder?: number
  /** Order numbers are `{prefix}-000001`, `{prefix}-000002`, … */
  prefix?: string
  /**
   * The token of every order, or of order n (from 1); a locally readable opt-in token by default (which a
   * sandbox refuses: it only takes tokens it minted).
   */
  quoteToken?: string | ((order: number) => string)
  /** Spread over the item costs by the import; '' leaves the costs as they are. */
  taxesAndFees?: string
}

export function orderNumberOf(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(6, '0')}`
}

/**
 * A backlog CSV of valid opt-in orders with every order-level column filled on every row, as a
 * spreadsheet export writes it: what the benchmarks and the reliability suite feed the import. No value
 * holds a comma, quote or line break, so cells are written unquoted (fast enough for 100,000 rows).
 */
export function generatedBacklogCsv({
  orders,
  itemsPerOrder = 1,
  prefix = 'GEN',
  quoteToken: token = quoteToken(),
  taxesAndFees = '4.50'
}: GeneratedBacklog): string {
  const lines = [ALL_COLUMNS.join(',')]
  for (let o = 1; o <= orders; o++) {
    const orderNumber = orderNumberOf(prefix, o)
    const order: Record<string, string> = {
      order_number: orderNumber,
      currency: 'USD',
      quote_token: typeof token === 'string' ? token : token(o),
      event_name: 'Summer Festival',
      event_start_date: '2027-07-01',
      event_start_time: '18:30',
      event_end_date: '2027-07-02',
      event_end_time: '01:00',
      event_location: 'Riverside Park',
      customer_first_name: 'Dana',
      customer_last_name: `Reyes ${o}`,
      customer_email: `dana.${o}@example.com`,
      customer_phone: '5555550100',
      billing_address1: '123 Main St',
      billing_address2: 'Suite 4',
      billing_city: 'Phoenix',
      billing_state: 'AZ',
      billing_zip_code: '85020',
      billing_country: 'US',
      payment_type: 'invoice',
      taxes_and_fees: taxesAndFees
    }
    for (let i = 1; i <= itemsPerOrder; i++) {
      order.item_name = `Ticket ${i}`
      order.item_reference_number = `${orderNumber}-${i}`
      order.item_cost = `${40 + i}.00`
      lines.push(ALL_COLUMNS.map((column) => order[column] ?? '').join(','))
    }
  }
  return `${lines.join('\n')}\n`
}

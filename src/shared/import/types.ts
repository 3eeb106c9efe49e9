import type { RuleLevels } from '../teak/assumptions'
import type { OrderRequest } from '../teak/order-request'

/**
 * A problem found in a backlog file, where a spreadsheet shows it. `row` is the record number, header = 1,
 * which is the row number a spreadsheet program shows (a cell with line breaks does not shift it, unlike
 * the file's line number). `column` is the header name, a group such as "customer_*", or null when the
 * whole row is at fault.
 */
export interface RowError {
  row: number
  column: string | null
  value: string
  message: string
}

/**
 * One order of the backlog: every row with its order_number. `request` is set exactly when `errors` is empty.
 * `warnings` are findings of rule assumptions set to `warn`: shown, never stopping the order.
 */
export interface ParsedOrder {
  orderNumber: string
  rows: number[]
  request?: OrderRequest
  /** What Teak will do with it: true unless its quote token says opt_in false (contract-notes §3.1). */
  optIn: boolean
  errors: RowError[]
  warnings: RowError[]
}

export interface BacklogParseResult {
  orders: ParsedOrder[]
  /** Problems on rows that belong to no order (no order number). */
  rowErrors: RowError[]
  warnings: string[]
  /** Problems with the file as a whole; when there are any, nothing in it should be submitted. */
  fileErrors: string[]
  /** Data rows read: records below the header, blank ones not counted. */
  rowCount: number
}

export interface BacklogOptions {
  /**
   * Teak processes an order without a quote token as an opt-in (contract-notes §3.1), issuing policies the
   * platform pays for, so such orders are refused unless the agent explicitly accepts that.
   */
  missingTokenAsOptIn?: boolean
  /**
   * The target environment's levels of the rule assumptions (src/shared/teak/assumptions.ts): `block` findings
   * are errors, `warn` ones warnings. Missing ones are at their default.
   */
  ruleLevels?: Partial<RuleLevels>
}

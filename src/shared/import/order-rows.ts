import { ORDER_COLUMNS, ORDER_NUMBER } from './columns'
import type { ColumnLayout } from './header'
import type { RowError } from './types'

/**
 * The rows of one order gathered from anywhere in the file, cells trimmed, '' for empty. Order-level
 * values are held once: a value on any row applies to the whole order (so a spreadsheet may fill them on
 * the first row only), and two different non-empty values are a conflict.
 */
export interface OrderRows {
  readonly orderNumber: string
  /** Every row of the order, in file order, including rows refused below. */
  readonly rows: number[]
  /** ORDER_COLUMNS values. */
  readonly orderValues: string[]
  /** The row each order value came from (the order's first row while the value is empty). */
  readonly valueRows: number[]
  /** ITEM_COLUMNS values of each usable item row, with the row it came from. */
  readonly items: string[][]
  readonly itemRows: number[]
  readonly errors: RowError[]
}

const cell = (cells: readonly string[], index: number): string => (index < 0 ? '' : cells[index].trim())

/** The order number of a record whose width matches the header; '' when empty. */
export function orderNumberOf(cells: readonly string[], layout: ColumnLayout): string {
  return cell(cells, layout.orderIndexes[ORDER_NUMBER])
}

export function startOrder(orderNumber: string, row: number): OrderRows {
  return {
    orderNumber,
    rows: [],
    orderValues: ORDER_COLUMNS.map((_, k) => (k === ORDER_NUMBER ? orderNumber : '')),
    valueRows: ORDER_COLUMNS.map(() => row),
    items: [],
    itemRows: [],
    errors: []
  }
}

/** Adds a well-formed record to its order: merges its order-level values, keeps its item values. */
export function addItemRow(
  order: OrderRows,
  cells: readonly string[],
  row: number,
  layout: ColumnLayout
): void {
  order.rows.push(row)
  const { orderValues, valueRows } = order
  const indexes = layout.orderIndexes
  for (let k = 0; k < indexes.length; k++) {
    if (indexes[k] < 0) continue
    const raw = cells[indexes[k]]
    // Fast path: later rows of an order usually repeat its values verbatim.
    if (raw === orderValues[k]) continue
    const value = raw.trim()
    if (value === '' || value === orderValues[k]) continue
    if (orderValues[k] === '') {
      orderValues[k] = value
      valueRows[k] = row
    } else {
      order.errors.push({
        row,
        column: ORDER_COLUMNS[k].name,
        value,
        message: `Row ${valueRows[k]} gives ${ORDER_COLUMNS[k].name} "${orderValues[k]}" for order ${order.orderNumber}, but this row gives "${value}". Rows of one order must agree on order-level columns (or leave them empty).`
      })
    }
  }
  const itemIndexes = layout.itemIndexes
  const item = new Array<string>(itemIndexes.length)
  for (let k = 0; k < itemIndexes.length; k++) item[k] = cell(cells, itemIndexes[k])
  order.items.push(item)
  order.itemRows.push(row)
}

/** Keeps a row the file garbled (wrong number of cells, broken quotes) with the order, as an error. */
export function addRefusedRow(order: OrderRows, error: RowError): void {
  order.rows.push(error.row)
  order.errors.push(error)
}

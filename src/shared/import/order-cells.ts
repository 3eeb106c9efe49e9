import { ITEM_COLUMNS, ORDER_COLUMNS, columnsOfObject, type BacklogColumn } from './columns'
import type { OrderRows } from './order-rows'
import type { RowError } from './types'

/**
 * The two directions between spreadsheet cells and Teak's order body: the input object the shared
 * `orderInputSchema` checks (empty cells are absent fields; an object such as `customer` exists as soon as
 * one of its cells is filled; `payment` defaults to invoice, Teak's default payment type), and, for a schema
 * issue's path, the row, column and value to show.
 */
type Fields = Record<string, unknown>

function setField(target: Fields, path: NonNullable<BacklogColumn['path']>, value: string): void {
  if (path.length === 1) {
    target[path[0]] = value
    return
  }
  const child = (target[path[0]] ??= {}) as Fields
  child[path[1]] = value
}

function fieldsOf(columns: readonly BacklogColumn[], values: readonly string[]): Fields {
  const fields: Fields = {}
  for (let k = 0; k < columns.length; k++) {
    const path = columns[k].path
    if (path !== null && values[k] !== '') setField(fields, path, values[k])
  }
  return fields
}

export const DEFAULT_PAYMENT_TYPE = 'invoice'

/** The order as typed, for `orderInputSchema`. */
export function orderInputOf(order: OrderRows): Fields {
  const input = fieldsOf(ORDER_COLUMNS, order.orderValues)
  input.payment ??= { type: DEFAULT_PAYMENT_TYPE }
  input.items = order.items.map((values) => fieldsOf(ITEM_COLUMNS, values))
  return input
}

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.')

interface ColumnLookup {
  readonly columns: readonly BacklogColumn[]
  /** Column position by its field path, "customer.email" → k. */
  readonly byPath: ReadonlyMap<string, number>
  /** "customer_*" for the customer object: the common prefix of its columns. */
  readonly objectLabels: ReadonlyMap<string, string>
}

function commonPrefix(names: readonly string[]): string {
  return names.reduce((common, name) => {
    let n = 0
    while (n < common.length && common[n] === name[n]) n++
    return common.slice(0, n)
  })
}

function lookup(columns: readonly BacklogColumn[]): ColumnLookup {
  const objects = new Set(columns.flatMap((c) => (c.path?.length === 2 ? [c.path[0]] : [])))
  return {
    columns,
    byPath: new Map(columns.flatMap((c, k) => (c.path === null ? [] : [[pathKey(c.path), k] as const]))),
    objectLabels: new Map([...objects].map((o) => [o, `${commonPrefix(columnsOfObject(columns, o))}*`]))
  }
}

const ORDER_LOOKUP = lookup(ORDER_COLUMNS)
const ITEM_LOOKUP = lookup(ITEM_COLUMNS)

/**
 * Why a value is needed where the row has none (an empty cell or no such column): the schema's generic
 * "expected string, received undefined" helps nobody.
 */
function missingValueMessage(lookup: ColumnLookup, column: BacklogColumn): string {
  const object = column.path?.length === 2 ? lookup.objectLabels.get(column.path[0]) : undefined
  return object
    ? `No ${column.name} given: it is required once any ${object} column is filled.`
    : `No ${column.name} given: it is required.`
}

/**
 * A schema issue at `path` of the order body, placed on the row, column and value a spreadsheet shows.
 * Issues about a whole object (an opt-in order without a customer) name its columns as "customer_*".
 */
export function rowError(
  order: OrderRows,
  path: readonly PropertyKey[],
  message: string,
  code?: string
): RowError {
  const [head, index, ...itemPath] = path
  const isItem = head === 'items' && typeof index === 'number' && index < order.items.length
  const lookup = isItem ? ITEM_LOOKUP : ORDER_LOOKUP
  const fieldPath = isItem ? itemPath : path
  const k = lookup.byPath.get(pathKey(fieldPath))
  if (k === undefined) {
    const row = isItem ? order.itemRows[index] : order.rows[0]
    const object = fieldPath.length === 1 ? (lookup.objectLabels.get(String(fieldPath[0])) ?? null) : null
    return { row, column: object, value: '', message }
  }
  const column = lookup.columns[k]
  const row = isItem ? order.itemRows[index] : order.valueRows[k]
  const value = isItem ? order.items[index][k] : order.orderValues[k]
  const missing = code === 'invalid_type' && value === ''
  return { row, column: column.name, value, message: missing ? missingValueMessage(lookup, column) : message }
}

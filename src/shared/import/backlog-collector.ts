import { ORDER_NUMBER } from './columns'
import { readHeader, type ColumnLayout } from './header'
import { addItemRow, addRefusedRow, orderNumberOf, startOrder, type OrderRows } from './order-rows'
import type { BacklogOptions, BacklogParseResult, ParsedOrder, RowError } from './types'
import { validateOrder } from './validate-order'

/** How the CSV reader found a record's quotes broken. */
export type QuoteProblem = 'misplaced' | 'unclosed'

/**
 * Takes the file's records one by one, as a whole-text or a streaming reader produces them, and groups
 * them into orders. Rows of one order are usually adjacent, so an order is validated as soon as the next
 * order starts and its cells are dropped: memory stays bounded and big files stay fast. When a row turns
 * up for an order already validated, that order is scattered: the reader feeds the records once more
 * (`endPass` says so) and the scattered orders are then gathered whole and validated again.
 */
export interface BacklogCollector {
  addRecord(cells: readonly string[], quoteProblem?: QuoteProblem): void
  /** The file cannot be read at all (wrong encoding): no order is reported. */
  refuseFile(message: string): void
  /** Ends a pass over the records; true when the reader must feed them all once more. */
  endPass(): boolean
  finish(): BacklogParseResult
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '')

/** A record off the fast path. */
type RecordKind =
  | { kind: 'blank' }
  | { kind: 'refused'; orderNumber: string; error: RowError }
  | { kind: 'unnumbered'; error: RowError }

const MISPLACED_QUOTE =
  'A quote (") in this row is misplaced or never closed: a quoted cell must start and end with " and write a quote inside it as "".'

/** What a record off the fast path is: blank, unreadable (refused) or without an order number. */
function classify(
  cells: readonly string[],
  row: number,
  layout: ColumnLayout,
  quoteProblem?: QuoteProblem
): RecordKind {
  if (cells.length !== layout.width || quoteProblem) {
    if (isBlank(cells)) return { kind: 'blank' }
    const orderIndex = layout.orderIndexes[ORDER_NUMBER]
    const orderNumber = orderIndex < cells.length ? cells[orderIndex].trim() : ''
    const message = quoteProblem
      ? MISPLACED_QUOTE
      : `This row has ${cells.length} cells but the header has ${layout.width}: a delimiter is missing or extra, or a quote is misplaced. The row was not read.`
    const error = { row, column: null, value: '', message }
    return orderNumber === '' ? { kind: 'unnumbered', error } : { kind: 'refused', orderNumber, error }
  }
  if (isBlank(cells)) return { kind: 'blank' }
  return {
    kind: 'unnumbered',
    error: {
      row,
      column: 'order_number',
      value: '',
      message: 'This row has no order number, so it belongs to no order. Fill order_number.'
    }
  }
}

export function createBacklogCollector(options: BacklogOptions = {}): BacklogCollector {
  /** Every order by first appearance; undefined while it is still being gathered. */
  const results = new Map<string, ParsedOrder | undefined>()
  /** The order being gathered in the first pass. */
  let current: OrderRows | null = null
  const scattered = new Map<string, OrderRows | null>()
  const rowErrors: RowError[] = []
  const warnings: string[] = []
  const fileErrors: string[] = []
  let layout: ColumnLayout | null = null
  let headerRow = 0
  let refused = false
  let firstPass = true
  let records = 0
  let rowCount = 0

  function refuseFile(messages: readonly string[]): void {
    refused = true
    fileErrors.push(...messages)
  }

  function closeCurrent(): void {
    if (current) results.set(current.orderNumber, validateOrder(current, options))
    current = null
  }

  /** The first-pass home of a row of `orderNumber`, or null when the order turned out to be scattered. */
  function orderFor(orderNumber: string, row: number): OrderRows | null {
    if (current?.orderNumber === orderNumber) return current
    if (results.has(orderNumber)) {
      scattered.set(orderNumber, null)
      results.set(orderNumber, undefined)
      return null
    }
    closeCurrent()
    results.set(orderNumber, undefined)
    return (current = startOrder(orderNumber, row))
  }

  /** The second-pass home of a row: only scattered orders are gathered again. */
  function scatteredOrderFor(orderNumber: string, row: number): OrderRows | null {
    if (!scattered.has(orderNumber)) return null
    let order = scattered.get(orderNumber)
    if (!order) scattered.set(orderNumber, (order = startOrder(orderNumber, row)))
    return order
  }

  function readHeaderRecord(cells: readonly string[], row: number): void {
    const header = readHeader(cells)
    warnings.push(...header.warnings)
    if (header.ok) layout = header.layout
    else refuseFile(header.errors)
    headerRow = row
  }

  function addRecord(cells: readonly string[], quoteProblem?: QuoteProblem): void {
    const row = ++records
    if (refused || row <= headerRow) return
    if (layout === null) {
      if (!isBlank(cells)) readHeaderRecord(cells, row)
      return
    }
    // Fast path, nearly every record: the right width, intact quotes, an order number.
    const orderNumber = cells.length === layout.width && !quoteProblem ? orderNumberOf(cells, layout) : ''
    if (orderNumber !== '') {
      if (firstPass) rowCount++
      const order = firstPass ? orderFor(orderNumber, row) : scatteredOrderFor(orderNumber, row)
      if (order) addItemRow(order, cells, row, layout)
      return
    }
    addUnusualRecord(classify(cells, row, layout, quoteProblem), row, quoteProblem)
  }

  function addUnusualRecord(record: RecordKind, row: number, quoteProblem?: QuoteProblem): void {
    if (record.kind === 'blank') return
    if (firstPass) {
      rowCount++
      if (quoteProblem === 'unclosed') {
        fileErrors.push(
          `Row ${row} opens a quoted cell that is never closed, so the rest of the file was read as part of that cell. Add the closing quote (") and import again.`
        )
      }
      if (record.kind === 'unnumbered') rowErrors.push(record.error)
    }
    if (record.kind !== 'refused') return
    const order = firstPass ? orderFor(record.orderNumber, row) : scatteredOrderFor(record.orderNumber, row)
    if (order) addRefusedRow(order, record.error)
  }

  function endPass(): boolean {
    if (!firstPass || refused || scattered.size === 0) return false
    closeCurrent()
    firstPass = false
    records = 0
    return true
  }

  function finish(): BacklogParseResult {
    if (refused) return { orders: [], rowErrors: [], warnings, fileErrors, rowCount }
    if (layout === null) {
      fileErrors.push('The file is empty: it needs a header row and at least one order row.')
    } else if (rowCount === 0) {
      fileErrors.push('The file has a header row but no order rows.')
    }
    closeCurrent()
    for (const order of scattered.values()) {
      if (order) results.set(order.orderNumber, validateOrder(order, options))
    }
    const orders = [...results.values()].filter((order): order is ParsedOrder => order !== undefined)
    return { orders, rowErrors, warnings, fileErrors, rowCount }
  }

  return { addRecord, refuseFile: (message) => refuseFile([message]), endPass, finish }
}

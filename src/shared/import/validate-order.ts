import { checkCost } from '../teak/cost'
import { optInRequirementIssues, orderInputSchema, type OrderRequest } from '../teak/order-request'
import { inspectQuoteToken } from '../teak/quote-token'
import { splitTaxesAndFees } from '../teak/taxes'
import { ITEM_COLUMNS, ITEM_COST, ORDER_COLUMNS, QUOTE_TOKEN, TAXES_AND_FEES } from './columns'
import { orderInputOf, rowError } from './order-cells'
import type { OrderRows } from './order-rows'
import type { BacklogOptions, ParsedOrder, RowError } from './types'

/**
 * One order's checks, the same a person's form gets (`orderInputSchema`), plus what a file adds: the quote
 * token must be present (or explicitly waived) and readable, opt-ins must carry what Teak's certification
 * requires, and `taxes_and_fees` is spread over the item costs.
 */
export function validateOrder(order: OrderRows, options: BacklogOptions): ParsedOrder {
  const { orderNumber, rows } = order
  const errors = [...order.errors]
  // Every row of it was unreadable: checking what little was read would only add noise.
  if (order.items.length === 0) return { orderNumber, rows, optIn: true, errors }
  const optIn = readOptIn(order, options, errors)
  const parsed = orderInputSchema.safeParse(orderInputOf(order))
  let request: OrderRequest | undefined
  if (parsed.success) {
    request = withTaxesAndFees(order, parsed.data, errors)
  } else {
    for (const issue of parsed.error.issues) {
      errors.push(rowError(order, issue.path, issue.message, issue.code))
    }
  }
  if (request && optIn.checkRequirements) {
    for (const issue of optInRequirementIssues(request)) {
      errors.push(rowError(order, issue.path, issue.message))
    }
  }
  if (errors.length > 0) {
    return { orderNumber, rows, optIn: optIn.value, errors: errors.sort((a, b) => a.row - b.row) }
  }
  return { orderNumber, rows, request, optIn: optIn.value, errors }
}

const tokenCell = (order: OrderRows, value: string, message: string): RowError => ({
  row: order.valueRows[QUOTE_TOKEN],
  column: ORDER_COLUMNS[QUOTE_TOKEN].name,
  value,
  message
})

/**
 * Teak issues policies unless the token says `opt_in: false`; an order without a token, or whose token
 * has no `opt_in` claim, is an opt-in to Teak (contract-notes §3.1). The token is read locally, unverified.
 * When the token cannot be read its choice is unknown, so opt-in requirements are not checked.
 */
function readOptIn(
  order: OrderRows,
  options: BacklogOptions,
  errors: RowError[]
): { value: boolean; checkRequirements: boolean } {
  const token = order.orderValues[QUOTE_TOKEN]
  if (token === '') {
    if (!options.missingTokenAsOptIn) {
      errors.push(
        tokenCell(
          order,
          '',
          'This order has no quote token. Teak would process it as an opt-in and issue policies billed to you. Add the token the widget gave, or allow missing tokens as opt-ins for this import.'
        )
      )
    }
    return { value: true, checkRequirements: true }
  }
  const reading = inspectQuoteToken(token)
  if (!reading.ok) {
    errors.push(tokenCell(order, token, reading.message))
    return { value: true, checkRequirements: false }
  }
  const optIn = reading.optIn !== false
  return { value: optIn, checkRequirements: optIn }
}

/** The request with `taxes_and_fees` folded into the item costs, or undefined (and an error) when it cannot be. */
function withTaxesAndFees(
  order: OrderRows,
  request: OrderRequest,
  errors: RowError[]
): OrderRequest | undefined {
  const raw = order.orderValues[TAXES_AND_FEES]
  if (raw === '') return request
  const taxesCell = {
    row: order.valueRows[TAXES_AND_FEES],
    column: ORDER_COLUMNS[TAXES_AND_FEES].name,
    value: raw
  }
  const total = checkCost(raw)
  if (!total.ok) {
    errors.push({ ...taxesCell, message: `Write taxes_and_fees like an item cost. ${total.message}` })
    return undefined
  }
  const split = splitTaxesAndFees(
    request.items.map((item) => item.cost),
    total.canonical
  )
  if (!split.ok) {
    const i = split.itemIndex
    errors.push(
      i === undefined
        ? { ...taxesCell, message: split.message }
        : {
            row: order.itemRows[i],
            column: ITEM_COLUMNS[ITEM_COST].name,
            value: order.items[i][ITEM_COST],
            message: split.message
          }
    )
    return undefined
  }
  // The request is the schema's fresh output, owned here: updating it saves a copy per order.
  request.items.forEach((item, i) => (item.cost = split.costs[i]))
  return request
}

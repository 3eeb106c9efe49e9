import { assumptionFindings, findingText, type AssumptionFinding } from '../teak/assumption-checks'
import { ruleLevelsOf } from '../teak/assumptions'
import { checkCost, costAmbiguity } from '../teak/cost'
import { optInRequirementIssues, orderInputSchema, type OrderRequest } from '../teak/order-request'
import { inspectQuoteToken } from '../teak/quote-token'
import { splitTaxesAndFees } from '../teak/taxes'
import { ITEM_COLUMNS, ITEM_COST, ORDER_COLUMNS, QUOTE_TOKEN, TAXES_AND_FEES } from './columns'
import { orderInputOf, rowError } from './order-cells'
import type { OrderRows } from './order-rows'
import type { BacklogOptions, ParsedOrder, RowError } from './types'

/**
 * One order's checks, the same a person's form gets (`orderInputSchema` and the rule assumptions at the
 * environment's levels), plus what a file adds: the quote token must be present (or explicitly waived) and
 * readable, opt-ins must carry what Teak's certification requires, and `taxes_and_fees` is spread over the
 * item costs.
 */
export function validateOrder(order: OrderRows, options: BacklogOptions): ParsedOrder {
  const { orderNumber, rows } = order
  const errors = [...order.errors]
  const warnings: RowError[] = []
  // Every row of it was unreadable: checking what little was read would only add noise.
  if (order.items.length === 0) return { orderNumber, rows, optIn: true, errors, warnings }
  const optIn = readOptIn(order, options, errors)
  const input = orderInputOf(order)
  for (const { level, error } of assumptionErrors(order, input, options)) {
    ;(level === 'block' ? errors : warnings).push(error)
  }
  const parsed = orderInputSchema.safeParse(input)
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
  warnings.sort((a, b) => a.row - b.row)
  if (errors.length > 0) {
    return { orderNumber, rows, optIn: optIn.value, errors: errors.sort((a, b) => a.row - b.row), warnings }
  }
  return { orderNumber, rows, request, optIn: optIn.value, errors, warnings }
}

/**
 * The rule assumptions' findings for the order, each on its cell, plus the cost rule's on `taxes_and_fees`
 * (its total is read like a cost). Without `missingTokenAsOptIn` a missing token is an error of its own.
 */
function assumptionErrors(
  order: OrderRows,
  input: Record<string, unknown>,
  options: BacklogOptions
): { level: AssumptionFinding['level']; error: RowError }[] {
  const levels = ruleLevelsOf(options.ruleLevels ?? {})
  const found = assumptionFindings(input, levels)
    .filter((finding) => options.missingTokenAsOptIn || finding.assumption !== 'missingTokenOptIn')
    .map((finding) => ({ level: finding.level, error: rowError(order, finding.path, findingText(finding)) }))
  const taxes = order.orderValues[TAXES_AND_FEES]
  const message = costAmbiguity(taxes)
  const level = levels.costLooksLikeThousands
  if (message && level !== 'off') {
    const finding: AssumptionFinding = { assumption: 'costLooksLikeThousands', level, path: [], message }
    found.push({
      level,
      error: {
        row: order.valueRows[TAXES_AND_FEES],
        column: ORDER_COLUMNS[TAXES_AND_FEES].name,
        value: taxes,
        message: findingText(finding)
      }
    })
  }
  return found
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

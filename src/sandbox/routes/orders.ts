import { refuse } from '../errors'
import { parseJsonObject } from '../http'
import { changeOrderItems, createOrder } from '../order-records'
import { orderView } from '../order-view'
import { authenticated, type Route } from '../router'
import { checkOptInDetails, validateChange, validateOrder } from '../validation'

/**
 * `POST /api/v2/orders` (contract-notes §4). Documented: an `opt_in: false` quote token gives 204 and stores
 * nothing; without a token the order is processed as an opt-in; `order_number` is unique per client.
 */
export const createOrderRoute: Route = {
  method: 'POST',
  path: '/api/v2/orders',
  handle: authenticated((state, call, client) => {
    const assumptions = state.assumptions
    const input = validateOrder(parseJsonObject(call.body), assumptions)
    const quote = input.token === undefined ? undefined : state.quotes.read(input.token)
    if (quote === null) {
      throw refuse(
        'invalidQuoteToken',
        'InvalidQuoteToken',
        'The quote token is not valid here: send the token the widget returned (tg.get("token")) unchanged.',
        'token'
      )
    }
    if (quote?.opt_in === false) return { status: 204 }
    if (assumptions.requireOptInDetails) checkOptInDetails(input)
    if (state.store.hasOrderNumber(client, input.order_number)) {
      throw refuse(
        'duplicateOrder',
        'DuplicateOrderNumber',
        `Order number "${input.order_number}" already exists; order numbers must be unique per client.`,
        'order_number'
      )
    }
    const order = createOrder(input, client, state.clock.now(), assumptions)
    state.store.add(order)
    state.changed()
    return { status: assumptions.successStatuses.createOrder, body: orderView(order) }
  })
}

/**
 * `PATCH /api/v2/orders/:id/` (contract-notes §5.2): upgrade, downgrade or exchange Issued policies. The answer
 * holds only the new items and policies.
 */
export const changeOrderRoute: Route = {
  method: 'PATCH',
  path: '/api/v2/orders/:id/',
  handle: authenticated((state, call, client) => {
    const assumptions = state.assumptions
    const [id] = call.params
    const order = state.store.findOrder(client, id, assumptions.orderIdFields)
    if (!order) {
      throw refuse(
        'notFound',
        'OrderNotFound',
        `No order "${id}" exists for this client (looked up by ${assumptions.orderIdFields.join(' and ')}).`
      )
    }
    const changes = validateChange(parseJsonObject(call.body), assumptions)
    const created = changeOrderItems(order, changes, state.clock.now(), assumptions)
    state.store.indexPolicies(order, created.policies)
    state.changed()
    return { status: assumptions.successStatuses.changeOrder, body: orderView(order, created) }
  })
}

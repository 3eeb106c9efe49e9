import { AppError } from '../../shared/contract'
import type { ordersMethods } from '../../shared/contract/orders'
import type { Handlers } from '../contract/dispatcher'
import { priorSend, resolveInDoubt, submitOrder } from '../orders/order-service'
import { openEnvironmentClient } from '../orders/teak-client-for'
import type { Services } from '../services'
import { answerNote } from '../teak/answer'
import { isTeakApiError } from '../teak/errors'

export function ordersHandlers(services: Services): Pick<Handlers, keyof typeof ordersMethods> {
  return {
    'orders.submit': (input) => submitOrder(services, input),
    'orders.resolveInDoubt': (input) => resolveInDoubt(services, input),
    'orders.priorSend': ({ environmentId, orderNumber }) => ({
      prior: priorSend(services.journal, environmentId, orderNumber)
    }),
    'orders.decodeQuote': async ({ environmentId, token }) => {
      const { client } = await openEnvironmentClient(services, environmentId)
      try {
        const answer = await client.decodeQuote(token)
        const note = answerNote(answer.problems)
        return { quote: answer.value, ...(note ? { note } : {}) }
      } catch (error) {
        if (isTeakApiError(error))
          throw new AppError('teak', error.message, { kind: error.kind, status: error.status })
        throw error
      } finally {
        client.close()
      }
    },
    'orders.generateQuoteToken': ({ optIn, currency, items }) => ({
      token: services.sandbox.mintQuoteToken({ opt_in: optIn, currency, items })
    })
  }
}

import type { policiesMethods } from '../../shared/contract/policies'
import type { Handlers } from '../contract/dispatcher'
import { cancelPolicy, exchangeItems, voidPolicy } from '../policies/policy-service'
import type { Services } from '../services'

export function policiesHandlers(services: Services): Pick<Handlers, keyof typeof policiesMethods> {
  return {
    'policies.exchange': (input) => exchangeItems(services, input),
    'policies.void': (input) => voidPolicy(services, input),
    'policies.cancel': (input) => cancelPolicy(services, input)
  }
}

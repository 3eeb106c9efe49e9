import type { Handlers } from '../contract/dispatcher'
import type { Services } from '../services'
import { appHandlers } from './app-handlers'

/** Every contract method bound to its service, in one place. */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services)
  }
}

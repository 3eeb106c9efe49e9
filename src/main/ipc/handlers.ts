import type { Handlers } from '../contract/dispatcher'
import { notificationsHandlers } from '../notifications/notifications-handlers'
import type { Services } from '../services'
import { createTeakClient } from '../teak/client'
import { appHandlers } from './app-handlers'
import { draftsHandlers } from './drafts-handlers'
import { historyHandlers } from './history-handlers'
import { importHandlers } from './import-handlers'
import { ordersHandlers } from './orders-handlers'
import { overviewHandlers } from './overview-handlers'
import { policiesHandlers } from './policies-handlers'
import { settingsHandlers } from './settings-handlers'

/** Every contract method bound to its service, in one place. */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...settingsHandlers({
      settings: services.settings,
      secrets: services.secrets,
      resolveBaseUrl: services.baseUrlOf,
      createClient: createTeakClient,
      keyVariables: services.keyVariables
    }),
    ...historyHandlers({ journal: services.journal }),
    ...ordersHandlers(services),
    ...draftsHandlers(services),
    ...policiesHandlers(services),
    ...importHandlers(services),
    ...notificationsHandlers({ ...services, localReceiverUrl: services.localReceiver.url }),
    ...overviewHandlers(services)
  }
}

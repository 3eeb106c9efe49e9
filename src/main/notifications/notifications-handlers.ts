import { userInfo } from 'node:os'
import { AppError } from '../../shared/contract'
import type { notificationsMethods } from '../../shared/contract/notifications'
import type { Handlers } from '../contract/dispatcher'
import type { EventBus } from '../event-bus'
import type { NotificationBook } from '../journal/notifications'
import { LOCAL_ID } from '../settings/environment-ids'
import type { SettingsStore } from '../settings/store'
import { notificationSetup } from './notification-setup'
import type { WebhookSecretStore } from './webhook-secrets'

export interface NotificationsDeps {
  journal: NotificationBook
  settings: Pick<SettingsStore, 'environment'>
  webhookSecrets: WebhookSecretStore
  events: EventBus
  /** Where the app's own receiver (for the built-in sandbox) listens. */
  localReceiverUrl: string
  /** Who marks a notification done: the person signed in to this computer, until Teak Desk has accounts. */
  agentName?: () => string
}

export function notificationsHandlers(
  deps: NotificationsDeps
): Pick<Handlers, keyof typeof notificationsMethods> {
  const { journal, settings, events } = deps
  const agentName = deps.agentName ?? (() => userInfo().username)
  const setup = (environmentId: string) => {
    settings.environment(environmentId)
    return notificationSetup(environmentId, deps)
  }
  return {
    'notifications.list': ({ environmentId, includeDone }) => ({
      items: journal.listNotifications(environmentId, { includeDone })
    }),
    'notifications.count': ({ environmentId }) => ({ open: journal.openNotificationCount(environmentId) }),
    'notifications.markDone': ({ id }) => {
      const item = journal.markNotificationDone(id, agentName())
      if (!item) throw new AppError('not_found', `There is no notification ${id}.`)
      events.emit('notifications.changed', { environment: item.environment })
      return item
    },
    'notifications.setup': ({ environmentId }) => setup(environmentId),
    'notifications.saveSecret': async ({ environmentId, secret }) => {
      settings.environment(environmentId)
      if (environmentId === LOCAL_ID) {
        throw new AppError(
          'invalid_input',
          'The built-in sandbox signs with a secret of its own: nothing to save.'
        )
      }
      await deps.webhookSecrets.set(environmentId, secret)
      return setup(environmentId)
    },
    'notifications.removeSecret': async ({ environmentId }) => {
      settings.environment(environmentId)
      await deps.webhookSecrets.delete(environmentId)
      return setup(environmentId)
    }
  }
}

import { randomBytes } from 'node:crypto'
import type { EventBus } from '../event-bus'
import type { NotificationBook } from '../journal/notifications'
import { LOCAL_ID } from '../settings/environment-ids'
import { startNotificationReceiver, type RunningReceiver } from './receiver'

/**
 * The app's own receiver for the embedded sandbox: on 127.0.0.1, with a secret made for this run and given to
 * the sandbox alone, so its notifications arrive signed and checked without anyone setting anything up.
 */
export async function startLocalReceiver(
  journal: NotificationBook,
  events: EventBus
): Promise<{ receiver: RunningReceiver; delivery: { url: string; secret: string } }> {
  const secret = randomBytes(32).toString('base64url')
  const receiver = await startNotificationReceiver({
    environment: LOCAL_ID,
    book: journal,
    secret: () => secret,
    onStored: ({ stored }) => {
      if (stored > 0) events.emit('notifications.changed', { environment: LOCAL_ID })
    }
  })
  return { receiver, delivery: { url: receiver.url, secret } }
}

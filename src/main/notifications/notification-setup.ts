import type { NotificationSetup } from '../../shared/contract/notifications'
import { LOCAL_ID } from '../settings/environment-ids'
import { NOTIFICATIONS_PATH } from './receiver'
import { DEFAULT_SERVE_PORT } from './serve-defaults'
import type { WebhookSecretStore } from './webhook-secrets'

export function serveCommandFor(envId: string): string {
  return `teak-desk notifications serve --env ${envId} --port ${DEFAULT_SERVE_PORT}`
}

/**
 * What to enter in Teak's dashboard for an environment. The built-in sandbox delivers to the app's own receiver
 * with a secret of the run, so it needs nothing; every other environment needs the receiver running where Teak
 * can reach it, and the secret saved here.
 */
export async function notificationSetup(
  envId: string,
  deps: { webhookSecrets: WebhookSecretStore; localReceiverUrl: string }
): Promise<NotificationSetup> {
  const embedded = envId === LOCAL_ID
  let secretSaved = false
  let secretProblem: string | null = null
  if (!embedded) {
    try {
      secretSaved = (await deps.webhookSecrets.get(envId)) !== null
    } catch (error) {
      secretProblem = (error as Error).message
    }
  }
  return {
    environmentId: envId,
    embedded,
    receiverUrl: embedded ? deps.localReceiverUrl : null,
    serveCommand: serveCommandFor(envId),
    path: NOTIFICATIONS_PATH,
    secretSaved,
    secretProblem
  }
}

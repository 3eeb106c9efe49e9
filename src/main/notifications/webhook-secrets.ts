import { keytarEntries, type KeytarStoreOptions } from '../secrets/keytar-store'

/**
 * The webhook secret of each environment (the "optional secret" set with the webhook URL in Teak's dashboard,
 * contract-notes §7), kept beside its Teak keys in the system keychain: account `webhook-secret:<environment id>`.
 */
export interface WebhookSecretStore {
  get(envId: string): Promise<string | null>
  set(envId: string, secret: string): Promise<void>
  delete(envId: string): Promise<boolean>
}

/** For servers without a keychain: the secret of the environment `notifications serve --env` names. */
export const WEBHOOK_SECRET_VARIABLE = 'TEAK_WEBHOOK_SECRET'

const accountOf = (envId: string) => `webhook-secret:${envId}`

export function createWebhookSecretStore(options: KeytarStoreOptions = {}): WebhookSecretStore {
  const entries = keytarEntries(options)
  return {
    get: (envId) => entries.get(accountOf(envId)),
    set: (envId, secret) => entries.set(accountOf(envId), secret),
    delete: (envId) => entries.delete(accountOf(envId))
  }
}

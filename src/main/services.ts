import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../sandbox'
import { APP_NAME, makeDataDirPrivate } from './data-dir'
import { DRAFT_FILE_NAME } from './drafts/draft-store'
import { UPLOADS_FOLDER } from './import/upload-store'
import { JOURNAL_FILE_NAME, openJournal, type Journal } from './journal/journal'
import { holdSender } from './journal/sender-lease'
import { EventBus } from './event-bus'
import { LOG_FOLDER } from './log'
import { startLocalReceiver } from './notifications/local-receiver'
import type { RunningReceiver } from './notifications/receiver'
import { createWebhookSecretStore, type WebhookSecretStore } from './notifications/webhook-secrets'
import { keyVariablesFor, type KeyVariables } from './secrets/credentials'
import { createKeytarSecretStore } from './secrets/keytar-store'
import type { SecretStore } from './secrets/secret-store'
import { resolveEnvironmentBaseUrl, type Environment } from './settings/environments'
import { SETTINGS_FILE_NAME } from './settings/settings-file'
import { openSettingsStore, type SettingsStore } from './settings/store'

/** The embedded sandbox's orders, kept across restarts. */
const SANDBOX_STATE_FILE_NAME = 'local-sandbox.json'

export interface ServiceOptions {
  dataDir: string
  version: string
  host: 'electron' | 'browser'
  /** Tests inject a store with a private keychain service; the app uses the OS keychain (`teak-desk`). */
  secrets?: SecretStore
  /**
   * Where TEAK_PUBLIC_KEY / TEAK_SECRET_KEY / TEAK_ENV are read from: the CLI and the browser host pass
   * process.env; the desktop app passes nothing and uses the keychain only.
   */
  env?: NodeJS.ProcessEnv
  /** The environment id or address the command line names (--env, --base-url): the variables are its keys. */
  keysFor?: string
  /** better-sqlite3 binary for Electron's ABI when running unpackaged (`npm start`). */
  sqliteBinding?: string
  /** The bus events go out on; given when the page is connected before the services exist (see app-start.ts). */
  events?: EventBus
  /** Tests inject a store with a private keychain service, as with `secrets`. */
  webhookSecrets?: WebhookSecretStore
  /** How often the embedded sandbox delivers its notifications (Teak: every minute); tests make it a second. */
  sandboxNotificationIntervalMs?: number
}

/**
 * Everything main-side, built once per process and shared by the Electron IPC binding, the browser host and
 * the CLI. Nothing here imports `electron`.
 */
export interface Services {
  readonly appName: string
  readonly version: string
  readonly dataDir: string
  readonly host: 'electron' | 'browser'
  readonly events: EventBus
  readonly settings: SettingsStore
  readonly secrets: SecretStore
  /** TEAK_PUBLIC_KEY / TEAK_SECRET_KEY and the one environment (or address) they are for in this run. */
  readonly keyVariables: KeyVariables
  /** The embedded Teak sandbox behind the `local` environment; its orders persist in the data directory. */
  readonly sandbox: RunningSandbox
  readonly journal: Journal
  /** Webhook secrets of the environments whose notifications a `notifications serve` receives. */
  readonly webhookSecrets: WebhookSecretStore
  /** The app's own receiver of the embedded sandbox's notifications (the `local` environment). */
  readonly localReceiver: RunningReceiver
  /**
   * This process as a sender of orders (journal claims): the order form and "Resolve" send under it, so an
   * import here or in another process never sends the same order at the same time.
   */
  readonly senderId: number
  baseUrlOf(env: Environment): string
  close(): Promise<void>
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const keyVariables = keyVariablesFor(options.env ?? {}, options.keysFor)
  makeDataDirPrivate(options.dataDir, {
    files: [SETTINGS_FILE_NAME, JOURNAL_FILE_NAME, DRAFT_FILE_NAME, SANDBOX_STATE_FILE_NAME],
    folders: [UPLOADS_FOLDER, LOG_FOLDER]
  })
  const settings = await openSettingsStore(options.dataDir)
  const journal = openJournal(join(options.dataDir, JOURNAL_FILE_NAME), {
    nativeBinding: options.sqliteBinding
  })
  const events = options.events ?? new EventBus()
  const local = await startLocalReceiver(journal, events)
  const sandbox = await startSandbox({
    port: 0,
    stateFile: join(options.dataDir, SANDBOX_STATE_FILE_NAME),
    notifications: { ...local.delivery, intervalMs: options.sandboxNotificationIntervalMs }
  })
  const sender = holdSender(journal, {
    kind: 'app',
    label: `the order form of Teak Desk (process ${process.pid})`
  })
  return {
    appName: APP_NAME,
    version: options.version,
    dataDir: options.dataDir,
    host: options.host,
    events,
    settings,
    secrets: options.secrets ?? createKeytarSecretStore(),
    keyVariables,
    sandbox,
    journal,
    webhookSecrets: options.webhookSecrets ?? createWebhookSecretStore(),
    localReceiver: local.receiver,
    senderId: sender.senderId,
    baseUrlOf: (env) => resolveEnvironmentBaseUrl(env, sandbox.url),
    async close() {
      await sandbox.close()
      await local.receiver.close()
      sender.stop()
      journal.close()
    }
  }
}

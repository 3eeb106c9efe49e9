import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../sandbox'
import { APP_NAME } from './data-dir'
import { JOURNAL_FILE_NAME, openJournal, type Journal } from './journal/journal'
import { holdSender } from './journal/sender-lease'
import { EventBus } from './event-bus'
import { createKeytarSecretStore } from './secrets/keytar-store'
import type { SecretStore } from './secrets/secret-store'
import { resolveEnvironmentBaseUrl, type Environment } from './settings/environments'
import { openSettingsStore, type SettingsStore } from './settings/store'

export interface ServiceOptions {
  dataDir: string
  version: string
  host: 'electron' | 'browser'
  /** Tests inject a store with a private keychain service; the app uses the OS keychain (`teak-desk`). */
  secrets?: SecretStore
  /** Where TEAK_PUBLIC_KEY / TEAK_SECRET_KEY are read from (the CLI passes process.env). */
  env?: NodeJS.ProcessEnv
  /** better-sqlite3 binary for Electron's ABI when running unpackaged (`npm start`). */
  sqliteBinding?: string
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
  readonly env: NodeJS.ProcessEnv
  /** The embedded Teak sandbox behind the `local` environment; its orders persist in the data directory. */
  readonly sandbox: RunningSandbox
  readonly journal: Journal
  /**
   * This process as a sender of orders (journal claims): the order form and "Resolve" send under it, so an
   * import here or in another process never sends the same order at the same time.
   */
  readonly senderId: number
  baseUrlOf(env: Environment): string
  close(): Promise<void>
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  mkdirSync(options.dataDir, { recursive: true })
  const settings = await openSettingsStore(options.dataDir)
  const journal = openJournal(join(options.dataDir, JOURNAL_FILE_NAME), {
    nativeBinding: options.sqliteBinding
  })
  const sandbox = await startSandbox({ port: 0, stateFile: join(options.dataDir, 'local-sandbox.json') })
  const sender = holdSender(journal, {
    kind: 'app',
    label: `the order form of Teak Desk (process ${process.pid})`
  })
  return {
    appName: APP_NAME,
    version: options.version,
    dataDir: options.dataDir,
    host: options.host,
    events: new EventBus(),
    settings,
    secrets: options.secrets ?? createKeytarSecretStore(),
    env: options.env ?? {},
    sandbox,
    journal,
    senderId: sender.senderId,
    baseUrlOf: (env) => resolveEnvironmentBaseUrl(env, sandbox.url),
    async close() {
      await sandbox.close()
      sender.stop()
      journal.close()
    }
  }
}

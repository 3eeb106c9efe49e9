import { createDispatcher } from '../../src/main/contract/dispatcher'
import { RENDERER_OUT_DIR } from '../../src/main/cli/renderer-build'
import { startBrowserHost, type BrowserHost } from '../../src/main/host/server'
import { createHandlers } from '../../src/main/ipc/handlers'
import type { WebhookSecretStore } from '../../src/main/notifications/webhook-secrets'
import type { SecretStore } from '../../src/main/secrets/secret-store'
import { createServices, type Services } from '../../src/main/services'
import { makeTempDir } from './temp-dir'

export interface RunningApp {
  host: BrowserHost
  services: Services
  dataDir: string
  stop(): Promise<void>
}

export interface StartAppOptions {
  token?: string
  /** A keychain store with a private service name; without it, the services use the app's own (`teak-desk`). */
  secrets?: SecretStore
  webhookSecrets?: WebhookSecretStore
  /** How often the embedded sandbox delivers notifications (Teak's minute by default). */
  sandboxNotificationIntervalMs?: number
}

/** The real main-side services behind the real browser host, with a throwaway data directory. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const dir = makeTempDir('teak-desk-app-')
  const services = await createServices({
    dataDir: dir.path,
    version: '0.0.0-test',
    host: 'browser',
    secrets: options.secrets,
    webhookSecrets: options.webhookSecrets,
    sandboxNotificationIntervalMs: options.sandboxNotificationIntervalMs
  })
  const dispatch = createDispatcher(createHandlers(services))
  const host = await startBrowserHost({
    dispatch,
    events: services.events,
    rendererDir: RENDERER_OUT_DIR,
    token: options.token
  })
  return {
    host,
    services,
    dataDir: dir.path,
    async stop() {
      await host.close()
      await services.close()
      dir.remove()
    }
  }
}

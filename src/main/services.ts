import { mkdirSync } from 'node:fs'
import { APP_NAME } from './data-dir'
import { EventBus } from './event-bus'

export interface ServiceOptions {
  dataDir: string
  version: string
  host: 'electron' | 'browser'
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
  close(): Promise<void>
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  mkdirSync(options.dataDir, { recursive: true })
  const events = new EventBus()
  return {
    appName: APP_NAME,
    version: options.version,
    dataDir: options.dataDir,
    host: options.host,
    events,
    async close() {}
  }
}

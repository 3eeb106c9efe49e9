import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { waitForShutdown } from '../../shared/cli/shutdown'
import { UsageError } from '../../shared/cli/usage-error'
import { resolveDataDir } from '../data-dir'
import { JOURNAL_FILE_NAME, openJournal } from '../journal/journal'
import { openSettingsStore } from '../settings/store'
import { DEFAULT_SERVE_PORT } from './notification-setup'
import { DEFAULT_MAX_BODY_BYTES, startNotificationReceiver } from './receiver'
import { createWebhookSecretStore, WEBHOOK_SECRET_VARIABLE, type WebhookSecretStore } from './webhook-secrets'

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  env: { type: 'string' },
  'max-body-bytes': { type: 'string' }
} as const

export interface ServeFlags {
  port: number
  host: string
  /** Undefined: the environment selected in the app. */
  env?: string
  maxBodyBytes: number
}

export function parseServeFlags(argv: string[]): ServeFlags {
  const [subcommand, ...rest] = argv
  if (subcommand !== 'serve') {
    throw new UsageError(
      subcommand === undefined ? 'Name what to do: serve.' : `Unknown notifications command "${subcommand}".`
    )
  }
  const { values } = parseArgs({ args: rest, options: FLAGS, strict: true, allowPositionals: false })
  return {
    port: whole(values.port, '--port', DEFAULT_SERVE_PORT, 65535),
    host: values.host?.trim() || '127.0.0.1',
    env: values.env?.trim() || undefined,
    maxBodyBytes: whole(
      values['max-body-bytes'],
      '--max-body-bytes',
      DEFAULT_MAX_BODY_BYTES,
      16 * 1024 * 1024
    )
  }
}

function whole(raw: string | undefined, flag: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new UsageError(`${flag} needs a whole number from 0 to ${max}; got "${raw}".`)
  }
  return value
}

export interface ServeDeps {
  dataDir?: string
  env?: NodeJS.ProcessEnv
  webhookSecrets?: WebhookSecretStore
  /** Resolves when the receiver should stop (Ctrl+C by default). */
  until?: () => Promise<void>
  /** Tests stop the process here, after a delivery is checked and before it is committed. */
  beforeCommit?: () => Promise<void>
  out?: (line: string) => void
  err?: (line: string) => void
}

/**
 * `teak-desk notifications serve`: receives Teak's notifications for one environment and keeps them in the
 * journal, where the app's Needs action page lists them. It listens on 127.0.0.1 unless `--host` says otherwise:
 * Teak reaches it through a server's reverse proxy or a tunnel. The secret is TEAK_WEBHOOK_SECRET if set, else
 * the one saved in Settings (system keychain), read for each delivery. The first stdout line names the URL.
 */
export async function runNotificationsCommand(argv: string[], deps: ServeDeps = {}): Promise<number> {
  const flags = parseServeFlags(argv)
  const out = deps.out ?? ((line) => process.stdout.write(`${line}\n`))
  const err = deps.err ?? ((line) => process.stderr.write(`${line}\n`))
  const dataDir = deps.dataDir ?? resolveDataDir()
  const settings = await openSettingsStore(dataDir)
  const environment = flags.env ? settings.environment(flags.env) : settings.selectedEnvironment()
  const fromVariable = (deps.env ?? process.env)[WEBHOOK_SECRET_VARIABLE]?.trim() || null
  const secrets = deps.webhookSecrets ?? createWebhookSecretStore()
  const secret = async () => fromVariable ?? (await secrets.get(environment.id))

  if (!(await secret())) {
    err(
      `No webhook secret is set for ${environment.label}: deliveries are stored without a signature check. ` +
        `Set the same secret in Teak's dashboard and in Settings → Notifications (or ${WEBHOOK_SECRET_VARIABLE}).`
    )
  }
  const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME))
  try {
    const receiver = await startNotificationReceiver({
      environment: environment.id,
      book: journal,
      secret,
      host: flags.host,
      port: flags.port,
      maxBodyBytes: flags.maxBodyBytes,
      beforeCommit: deps.beforeCommit,
      onStored: ({ stored, duplicates }) =>
        err(`${new Date().toISOString()} stored ${stored} notification(s), ${duplicates} already stored`)
    })
    out(`Receiving Teak's notifications for ${environment.label} at ${receiver.url}`)
    out(
      "Enter this server's public https address followed by the path above in Teak's dashboard. Stop with Ctrl+C."
    )
    await (deps.until ?? waitForShutdown)()
    await receiver.close()
  } finally {
    journal.close()
  }
  return 0
}

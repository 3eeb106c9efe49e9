import { join } from 'node:path'
import { waitForShutdown } from '../../shared/cli/shutdown'
import { UsageError } from '../../shared/cli/usage-error'
import { resolveDataDir } from '../data-dir'
import { JOURNAL_FILE_NAME, openJournal } from '../journal/journal'
import { openSettingsStore } from '../settings/store'
import { commandOutput } from '../cli/command-output'
import { stringOption, wholeNumberOption, type Invocation } from '../cli/invocation'
import { startNotificationReceiver } from './receiver'
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_SERVE_PORT } from './serve-defaults'
import { createWebhookSecretStore, WEBHOOK_SECRET_VARIABLE, type WebhookSecretStore } from './webhook-secrets'

export interface ServeFlags {
  port: number
  host: string
  /** Undefined: the environment selected in the app. */
  env?: string
  maxBodyBytes: number
}

/** The options of `teak-desk notifications serve` (command-definitions.ts) as the receiver needs them. */
export function serveFlags(invocation: Invocation): ServeFlags {
  const [action] = invocation.args
  if (action !== 'serve')
    throw new UsageError(`Unknown notifications action "${action}"; the one there is: serve.`)
  return {
    port: wholeNumberOption(invocation, 'port', '--port', { min: 0, max: 65535 }) ?? DEFAULT_SERVE_PORT,
    host: stringOption(invocation, 'host', '--host')?.trim() ?? '127.0.0.1',
    env: stringOption(invocation, 'env', '--env')?.trim(),
    maxBodyBytes:
      wholeNumberOption(invocation, 'maxBodyBytes', '--max-body-bytes', { min: 1, max: 16 * 1024 * 1024 }) ??
      DEFAULT_MAX_BODY_BYTES
  }
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
export async function runNotificationsCommand(invocation: Invocation, deps: ServeDeps = {}): Promise<number> {
  const flags = serveFlags(invocation)
  const output = commandOutput(invocation)
  const out = deps.out ?? ((line: string) => output.text(`${line}\n`))
  const err = deps.err ?? output.say
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
    output.document({ url: receiver.url, environment: environment.id })
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

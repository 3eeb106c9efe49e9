import { parseArgs } from 'node:util'
import { DEFAULT_ASSUMPTIONS, DEMO_KEYS, startSandbox, type SandboxOptions } from './index'
import { waitForShutdown } from '../shared/cli/shutdown'
import { UsageError } from '../shared/cli/usage-error'

/**
 * `runSandboxCli(argv)`: the sandbox as a long-running process. The first stdout line is always
 * `Teak sandbox listening on http://127.0.0.1:PORT` (scripts wait for it); it stops on SIGINT or SIGTERM.
 */
const USAGE =
  'Flags: --port N, --latency-ms N, --fail-rate X (0..1), --reset-rate X (0..1), --rate-limit N (per second), --seed N, --state file.json'

/** Numeric flags and the option each one sets. */
const NUMBER_FLAGS = {
  port: 'port',
  'latency-ms': 'latencyMs',
  'fail-rate': 'failRate',
  'reset-rate': 'resetRate',
  'rate-limit': 'rateLimit',
  seed: 'seed'
} as const
type NumberFlag = keyof typeof NUMBER_FLAGS

const text = { type: 'string' } as const
const FLAGS = {
  port: text,
  'latency-ms': text,
  'fail-rate': text,
  'reset-rate': text,
  'rate-limit': text,
  seed: text,
  state: text
} satisfies Record<NumberFlag | 'state', typeof text>

function readFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, strict: true, options: FLAGS }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message} ${USAGE}`, { cause: error })
  }
}

function toOptions(argv: string[]): SandboxOptions {
  const values = readFlags(argv)
  const options: SandboxOptions = { stateFile: values.state }
  for (const flag of Object.keys(NUMBER_FLAGS) as NumberFlag[]) {
    const raw = values[flag]
    if (raw === undefined) continue
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value))
      throw new UsageError(`--${flag} needs a number, got "${raw}". ${USAGE}`)
    options[NUMBER_FLAGS[flag]] = value
  }
  return options
}

/**
 * `json`: one line of JSON on stdout instead of the text (`url`, the demo keys, `stateFile`, `assumptions`),
 * for scripts that start the sandbox and read where it listens.
 */
export async function runSandboxCli(argv: string[], { json = false } = {}): Promise<void> {
  const options = toOptions(argv)
  const sandbox = await startSandbox(options)
  process.stdout.write(
    json ? `${JSON.stringify(startedDocument(sandbox.url, options))}\n` : startedText(sandbox.url, options)
  )
  await waitForShutdown()
  await sandbox.close()
}

function startedDocument(url: string, options: SandboxOptions) {
  const { publicKey, secretKey } = DEMO_KEYS
  return { url, publicKey, secretKey, stateFile: options.stateFile ?? null, assumptions: DEFAULT_ASSUMPTIONS }
}

function startedText(url: string, options: SandboxOptions): string {
  const lines = [
    `Teak sandbox listening on ${url}`,
    `Demo public key: ${DEMO_KEYS.publicKey}`,
    `Demo secret key: ${DEMO_KEYS.secretKey} (works only against this local sandbox)`,
    options.stateFile
      ? `Orders are kept in ${options.stateFile}`
      : 'Orders are kept in memory only (use --state file.json to keep them)',
    'Assumptions in effect (undocumented Teak behaviour; change at run time with PUT /__sandbox/assumptions):',
    ...Object.entries(DEFAULT_ASSUMPTIONS).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`),
    'Stop with Ctrl+C.'
  ]
  return `${lines.join('\n')}\n`
}

import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { JOURNAL_FILE_NAME } from '../src/main/journal/journal'
import { PROJECT_ROOT } from '../src/main/cli/package-info'
import { DEMO_KEYS } from '../src/sandbox'
import { generatedBacklogCsv } from '../test/reliability/support/backlog-orders'
import { cliEnv } from '../test/main/cli/support/cli'
import { measuredTeakDesk, type MeasuredRun } from './support/measured-cli'
import type { Measurement } from './support/measurement'
import { startSandboxProcess, type SandboxProcess } from './support/sandbox-process'
import { timed } from './support/stats'

const ORDERS = 2000
const LATENCY_MS = 20
const CONCURRENCY = 8
/** Every order needs one round trip to create it; the client mints its auth tokens off that path. */
const PHYSICAL_LIMIT_MS = (ORDERS * LATENCY_MS) / CONCURRENCY

const BENCHMARK = 'Import vs newman'
const ORDERS_TEXT = ORDERS.toLocaleString('en-US')
const COLLECTION = join(import.meta.dirname, 'newman', 'create-orders.postman_collection.json')
const NEWMAN = join(PROJECT_ROOT, 'node_modules', 'newman', 'bin', 'newman.js')

/**
 * The same 2,000 one-item opt-in orders into the same local sandbox (its own process, 20 ms per call):
 * once with `teak-desk import --concurrency 8`, once with newman running a collection that does what a
 * person would script by hand (a token, then the order, one row after another). Both are timed from
 * process start to exit; the sandbox is reset in between, so both create every order.
 */
export async function importVsNewman(workDir: string): Promise<Measurement[]> {
  const sandbox = await startSandboxProcess(['--latency-ms', String(LATENCY_MS)])
  try {
    const { token } = (await sandbox.helper('POST', 'quote-token', { opt_in: true })) as { token: string }
    const backlog = (name: string, orders: number) => {
      const path = join(workDir, `${name}.csv`)
      // No taxes_and_fees: newman sends the cells as they are, so both send identical bodies.
      writeFileSync(path, generatedBacklogCsv({ orders, prefix: name, quoteToken: token, taxesAndFees: '' }))
      return path
    }
    // A first run warms the file cache, as any earlier use of the CLI would have.
    await importBacklog(sandbox, backlog('WARMUP', 5), join(workDir, 'warmup'))
    await sandbox.helper('POST', 'reset')

    const file = backlog('BENCH', ORDERS)
    const teakDesk = await importBacklog(sandbox, file, join(workDir, 'import'))
    await expectOrdersAtSandbox(sandbox, ORDERS)
    const sendingMs = sendingSpan(join(workDir, 'import'))
    await sandbox.helper('POST', 'reset')

    const newman = await timed(() => runNewman(sandbox, file))
    await expectOrdersAtSandbox(sandbox, ORDERS)

    return [
      {
        benchmark: BENCHMARK,
        metric: `teak-desk import, ${ORDERS_TEXT} orders, concurrency ${CONCURRENCY}`,
        value: teakDesk.wallMs / 1000,
        unit: 's',
        note: `wall clock of the CLI process, start-up included; its CPU time ${(teakDesk.cpuMs / 1000).toFixed(1)} s`
      },
      {
        benchmark: BENCHMARK,
        metric: '  of which sending (first intent to last outcome)',
        value: sendingMs / 1000,
        unit: 's',
        note: 'from the journal timestamps'
      },
      {
        benchmark: BENCHMARK,
        metric: `newman, same ${ORDERS_TEXT} rows (token + order per row)`,
        value: newman.ms / 1000,
        unit: 's'
      },
      {
        benchmark: BENCHMARK,
        metric: 'speed-up of teak-desk import over newman',
        value: newman.ms / teakDesk.wallMs,
        unit: '×',
        target: { atLeast: 10 }
      },
      {
        benchmark: BENCHMARK,
        metric: `share of the physical limit (${ORDERS_TEXT} × ${LATENCY_MS} ms ÷ ${CONCURRENCY} = ${PHYSICAL_LIMIT_MS / 1000} s)`,
        value: (PHYSICAL_LIMIT_MS / teakDesk.wallMs) * 100,
        unit: '%',
        target: { atLeast: 80 }
      }
    ]
  } finally {
    await sandbox.stop()
  }
}

/** `teak-desk import` into a fresh data directory `home` (its journal is read afterwards). */
async function importBacklog(sandbox: SandboxProcess, file: string, home: string): Promise<MeasuredRun> {
  mkdirSync(home, { recursive: true })
  const run = await measuredTeakDesk(
    ['import', file, '--base-url', sandbox.url, '--concurrency', String(CONCURRENCY)],
    cliEnv(home, { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }),
    join(home, 'resources.json')
  )
  if (run.code !== 0) {
    throw new Error(`teak-desk import exited with ${run.code}:\n${run.stdout}\n${run.stderr}`)
  }
  return run
}

async function runNewman(sandbox: SandboxProcess, file: string): Promise<void> {
  const variables = { baseUrl: sandbox.url, publicKey: DEMO_KEYS.publicKey, secretKey: DEMO_KEYS.secretKey }
  const args = ['run', COLLECTION, '--iteration-data', file, '--silent']
  for (const [key, value] of Object.entries(variables)) args.push('--env-var', `${key}=${value}`)
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [NEWMAN, ...args], (error, _stdout, stderr) =>
      error
        ? reject(new Error(`newman failed (run it without --silent to see why): ${error.message}\n${stderr}`))
        : resolve()
    )
  )
}

async function expectOrdersAtSandbox(sandbox: SandboxProcess, expected: number): Promise<void> {
  const { orders } = (await sandbox.helper('GET', 'orders')) as { orders: unknown[] }
  if (orders.length !== expected)
    throw new Error(`The sandbox holds ${orders.length} orders, not ${expected}.`)
}

/** Milliseconds from the first order's intent to the last outcome, as the journal stamped them. */
function sendingSpan(home: string): number {
  const db = new Database(join(home, JOURNAL_FILE_NAME), { readonly: true })
  try {
    const span = db
      .prepare('SELECT min(requested_at) AS first, max(settled_at) AS last FROM operations')
      .get() as { first: string; last: string }
    return Date.parse(span.last) - Date.parse(span.first)
  } finally {
    db.close()
  }
}

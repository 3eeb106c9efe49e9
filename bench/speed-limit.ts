import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_KEYS } from '../src/sandbox'
import { generatedBacklogCsv } from '../test/reliability/support/backlog-orders'
import { cliEnv } from '../test/main/cli/support/cli'
import { measuredTeakDesk, type MeasuredRun } from './support/measured-cli'
import type { Measurement } from './support/measurement'
import { startSandboxProcess, type SandboxProcess } from './support/sandbox-process'
import { median, timed } from './support/stats'

const LATENCY_MS = 20
const CONCURRENCY = 8
const SMALL = 1_000
const LARGE = 3_000
const START_UP_ORDERS = 10
const DRY_RUN_ORDERS = 20_000
const DRY_RUN_ITEMS = 5
/** Runs of each short command; the median by CPU time is reported. */
const RUNS = 3

const BENCHMARK = 'Speed limit'
const BARE_PARSE = join(import.meta.dirname, 'support', 'bare-parse.mjs')

/** Every order needs one round trip to create it: N orders × L latency ÷ C in flight. */
const limitMs = (orders: number) => (orders * LATENCY_MS) / CONCURRENCY

/**
 * The figures of issue 18 in one run, against one sandbox process answering after 20 ms: the import at
 * 1,000 and 3,000 orders (wall, share of the limit N·L/C, CPU), the marginal CPU per order, the CLI's
 * start-up (`--help` and a 10-order import), and `import --dry-run` of 100,000 rows against a bare
 * papaparse parse of the same file.
 */
export async function speedLimit(workDir: string): Promise<Measurement[]> {
  const sandbox = await startSandboxProcess(['--latency-ms', String(LATENCY_MS)])
  try {
    const { token } = (await sandbox.helper('POST', 'quote-token', { opt_in: true })) as { token: string }
    const backlog = (name: string, orders: number) => {
      const path = join(workDir, `${name}.csv`)
      writeFileSync(path, generatedBacklogCsv({ orders, prefix: name, quoteToken: token }))
      return path
    }
    const imports = async (name: string, orders: number) => {
      const file = backlog(name, orders)
      const runs: MeasuredRun[] = []
      for (let run = 0; run < RUNS; run++) {
        await sandbox.helper('POST', 'reset')
        runs.push(await importBacklog(sandbox, file, join(workDir, `${name}-${run}`)))
      }
      return medianBy(runs, (r) => r.cpuMs)
    }
    await imports('WARM', 5)
    const help = medianBy(await repeat(() => cli(['--help'], workDir, 'help')), (r) => r.cpuMs)
    const startUp = await imports('START', START_UP_ORDERS)
    const small = await imports('SMALL', SMALL)
    const large = await imports('LARGE', LARGE)
    const cpuPerOrderMs = (large.cpuMs - small.cpuMs) / (LARGE - SMALL)

    const dryRunFile = join(workDir, 'backlog-100k.csv')
    writeFileSync(
      dryRunFile,
      generatedBacklogCsv({ orders: DRY_RUN_ORDERS, itemsPerOrder: DRY_RUN_ITEMS, prefix: 'DRY' })
    )
    const dryRun = medianBy(
      await repeat(() => cli(['import', dryRunFile, '--dry-run'], workDir, 'dry-run')),
      (r) => r.wallMs
    )
    const bareParseMs = median(await repeat(async () => (await timed(() => bareParse(dryRunFile))).ms))

    const importFigures = (orders: number, run: MeasuredRun): Measurement[] => [
      {
        benchmark: BENCHMARK,
        metric: `teak-desk import, ${orders.toLocaleString('en-US')} orders, concurrency ${CONCURRENCY}: wall`,
        value: run.wallMs / 1000,
        unit: 's',
        note: `CPU ${(run.cpuMs / 1000).toFixed(2)} s, peak RSS ${run.maxRssMb.toFixed(0)} MB; median of ${RUNS} by CPU`
      },
      {
        benchmark: BENCHMARK,
        metric: `  share of the limit ${orders.toLocaleString('en-US')} × ${LATENCY_MS} ms ÷ ${CONCURRENCY} = ${limitMs(orders) / 1000} s`,
        value: (limitMs(orders) / run.wallMs) * 100,
        unit: '%',
        target: { atLeast: 85 }
      }
    ]
    return [
      ...importFigures(SMALL, small),
      ...importFigures(LARGE, large),
      {
        benchmark: BENCHMARK,
        metric: `CPU per order (user+sys), marginal: (${LARGE} − ${SMALL} orders) ÷ ${LARGE - SMALL}`,
        value: cpuPerOrderMs,
        unit: 'ms',
        target: { atMost: 0.5 }
      },
      {
        benchmark: BENCHMARK,
        metric: 'CPU to start: teak-desk --help',
        value: help.cpuMs / 1000,
        unit: 's',
        note: `peak RSS ${help.maxRssMb.toFixed(0)} MB, wall ${(help.wallMs / 1000).toFixed(2)} s`
      },
      {
        benchmark: BENCHMARK,
        metric: `CPU to start: teak-desk import, ${START_UP_ORDERS} orders`,
        value: startUp.cpuMs / 1000,
        unit: 's',
        target: { atMost: 0.3 },
        note: `wall ${(startUp.wallMs / 1000).toFixed(2)} s`
      },
      {
        benchmark: BENCHMARK,
        metric: `  its peak RSS`,
        value: startUp.maxRssMb,
        unit: 'MB',
        target: { atMost: 80 }
      },
      {
        benchmark: BENCHMARK,
        metric: 'import --dry-run, 100,000 rows (20,000 orders × 5 items): wall',
        value: dryRun.wallMs / 1000,
        unit: 's',
        target: { atMost: 1 },
        note: `CPU ${(dryRun.cpuMs / 1000).toFixed(2)} s; median of ${RUNS} by wall`
      },
      {
        benchmark: BENCHMARK,
        metric: '  its peak RSS',
        value: dryRun.maxRssMb,
        unit: 'MB',
        target: { atMost: 150 }
      },
      {
        benchmark: BENCHMARK,
        metric: '  ratio to a bare papaparse parse of the same file',
        value: dryRun.wallMs / bareParseMs,
        unit: '×',
        target: { atMost: 3 },
        note: `bare parse ${(bareParseMs / 1000).toFixed(2)} s wall (node process: read the file, Papa.parse it); median of ${RUNS}`
      }
    ]
  } finally {
    await sandbox.stop()
  }
}

async function repeat<T>(work: () => Promise<T>): Promise<T[]> {
  const results: T[] = []
  for (let run = 0; run < RUNS; run++) results.push(await work())
  return results
}

function medianBy<T>(runs: T[], key: (run: T) => number): T {
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)]
}

async function cli(args: string[], workDir: string, name: string): Promise<MeasuredRun> {
  const home = join(workDir, `home-${name}`)
  mkdirSync(home, { recursive: true })
  const run = await measuredTeakDesk(args, cliEnv(home), join(home, 'resources.json'))
  if (run.code !== 0) throw new Error(`teak-desk ${args.join(' ')} exited with ${run.code}:\n${run.stderr}`)
  return run
}

async function importBacklog(sandbox: SandboxProcess, file: string, home: string): Promise<MeasuredRun> {
  mkdirSync(home, { recursive: true })
  const run = await measuredTeakDesk(
    ['import', file, '--base-url', sandbox.url, '--concurrency', String(CONCURRENCY)],
    cliEnv(home, { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }),
    join(home, 'resources.json')
  )
  if (run.code !== 0)
    throw new Error(`teak-desk import exited with ${run.code}:\n${run.stdout}\n${run.stderr}`)
  return run
}

function bareParse(file: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [BARE_PARSE, file], (error) => (error ? reject(error) : resolve()))
  )
}

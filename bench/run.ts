import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem, type } from 'node:os'
import { join } from 'node:path'
import { importVsNewman } from './import-vs-newman'
import { journalBenchmarks } from './journal'
import { speedLimit } from './speed-limit'
import { meetsTarget, resultsTable, type Measurement } from './support/measurement'
import { uiBenchmarks } from './ui'
import { validationAtScale } from './validation'

/**
 * `npm run bench` (`node --import tsx bench/run.ts [name …]`): runs the benchmarks (all, or those named),
 * prints a table and writes bench/results.json. Missed targets are reported, not failed: these are
 * measurements, and a loaded machine moves them (the load average is recorded with them).
 * Each benchmark runs in a process of its own, so one's heap (the journal's 100,000 orders) does not slow
 * the next.
 */
const BENCHMARKS: Record<string, (workDir: string) => Promise<Measurement[]>> = {
  journal: journalBenchmarks,
  validation: validationAtScale,
  ui: uiBenchmarks,
  import: importVsNewman,
  limit: speedLimit
}

const RESULTS_FILE = join(import.meta.dirname, 'results.json')
const WORK_ROOT = join(import.meta.dirname, 'tmp')

const CHILD_FLAG = '--one'

/** Runs one benchmark in this process and prints its measurements as JSON (the parent's child mode). */
async function runOne(name: string): Promise<Measurement[]> {
  const workDir = join(WORK_ROOT, `${name}-${process.pid}`)
  mkdirSync(workDir, { recursive: true })
  try {
    return await BENCHMARKS[name](workDir)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

function runInChild(name: string): Measurement[] {
  const output = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, CHILD_FLAG, name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024
  })
  return JSON.parse(output) as Measurement[]
}

function chosenBenchmarks(names: string[]): string[] {
  const unknown = names.filter((name) => !(name in BENCHMARKS))
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`
    )
  }
  return names.length > 0 ? names : Object.keys(BENCHMARKS)
}

function machine() {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version
  }
}

const load = () => loadavg().map((value) => Number(value.toFixed(2)))

async function main(): Promise<number> {
  if (process.argv[2] === CHILD_FLAG) {
    process.stdout.write(JSON.stringify(await runOne(chosenBenchmarks([process.argv[3]])[0])))
    return 0
  }
  const names = chosenBenchmarks(process.argv.slice(2))
  // The benchmarks time the CLI as `npx teak-desk` runs it: built to JavaScript from these sources.
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-cli.mjs')], {
    stdio: 'inherit'
  })
  const startedAt = new Date().toISOString()
  const loadBefore = load()
  const measurements: Measurement[] = []
  const failures: { benchmark: string; error: string }[] = []
  for (const name of names) {
    process.stderr.write(`Running the ${name} benchmarks…\n`)
    try {
      measurements.push(...runInChild(name))
    } catch (error) {
      failures.push({
        benchmark: name,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error)
      })
      process.stderr.write(`The ${name} benchmarks failed: ${String(error)}\n`)
    }
  }
  const results = {
    startedAt,
    machine: machine(),
    loadAverage: { before: loadBefore, after: load() },
    measurements: measurements.map((m) => ({ ...m, met: meetsTarget(m) })),
    failures
  }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
  const missed = measurements.filter((m) => meetsTarget(m) === false).length
  process.stdout.write(
    `${resultsTable(measurements)}\n\n` +
      `${machine().cores} × ${machine().cpu}, load average ${loadBefore.join(' ')} before, ${results.loadAverage.after.join(' ')} after.\n` +
      `${missed === 0 ? 'Every target met.' : `${missed} target(s) missed.`} Written to ${RESULTS_FILE}.\n`
  )
  return failures.length > 0 ? 1 : 0
}

process.exitCode = await main()

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOURNAL_FILE_NAME, openJournal } from '../../../src/main/journal/journal'
import { DEMO_KEYS, startSandbox, type RunningSandbox, type SandboxHold } from '../../../src/sandbox'
import { importReportSchema } from '../../../src/shared/import/report'
import { isAtTeak } from '../../../src/shared/journal/outcomes'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { waitFor } from '../../support/wait-for'
import { cliEnv, exited, runCli, startCli, type CliResult } from './support/cli'

const KEYS = { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }
const ORDERS = 40
/** Teak calls (tokens and orders) answered before the sandbox holds the rest: the import is then half-way. */
const CALLS_BEFORE_HOLD = 20

/**
 * The import process dies (SIGKILL) or is stopped (Ctrl+C) mid-run, then is run again with --resume. Teak is a
 * sandbox in the test's process, so it outlives the import as a real Teak would: its orders are the ground
 * truth. It holds the import half-way, so the interruption always lands mid-run, however fast the machine.
 */
describe('an interrupted CLI import', () => {
  const dir = makeTempDir()
  let sandbox: RunningSandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ latencyMs: 25 })
  })
  afterAll(async () => {
    await sandbox.close()
    dir.remove()
  })

  const atTeak = (prefix: string): string[] =>
    sandbox
      .orders()
      .map((order) => order.order_number)
      .filter((n) => n.startsWith(`${prefix}-`))

  /** `ORDERS` one-item orders, every eighth an opt-out; returns the file and the opt-in order numbers. */
  function backlog(prefix: string): { file: string; optIns: string[] } {
    const rows = Array.from({ length: ORDERS }, (_, i) => ({
      order_number: `${prefix}-${i}`,
      quote_token: sandbox.mintQuoteToken({ opt_in: i % 8 !== 7 }),
      item_reference_number: `${prefix}-${i}-r`
    }))
    const file = join(dir.path, `${prefix}.csv`)
    writeFileSync(file, backlogCsv(rows))
    return { file, optIns: rows.filter((_, i) => i % 8 !== 7).map((row) => row.order_number) }
  }

  /** Resolves once the import has used up the calls Teak answers and waits for one it holds. */
  const heldHalfWay = (hold: SandboxHold) =>
    waitFor('the import to reach the held calls', () => hold.held().length > 0)

  /** Lets the held calls through and waits until Teak has answered them (to a process that may be gone). */
  async function release(hold: SandboxHold): Promise<void> {
    const answered = sandbox.requests().length + hold.held().length
    hold.release()
    await waitFor('Teak to answer the held calls', () => sandbox.requests().length >= answered)
  }

  function importArgs(file: string, ...flags: string[]): string[] {
    return ['import', file, '--base-url', sandbox.url, '--concurrency', '2', ...flags]
  }

  /** What the journal of `home` says about the orders of `prefix`, and about runs still open. */
  function journalView(home: string, orderNumbers: string[]) {
    const journal = openJournal(join(home, JOURNAL_FILE_NAME))
    try {
      return {
        outcomes: orderNumbers.map((n) => journal.latestOutcomeFor(sandbox.url, n)),
        inDoubt: journal.inDoubt({ environment: sandbox.url }).length,
        unfinished: journal.unfinishedImportRuns().map((run) => run.id)
      }
    } finally {
      journal.close()
    }
  }

  function expectEveryOrderOnceAtTeak(prefix: string, optIns: string[], home: string) {
    expect(atTeak(prefix).sort()).toEqual([...optIns].sort())
    const all = Array.from({ length: ORDERS }, (_, i) => `${prefix}-${i}`)
    const view = journalView(home, all)
    expect(view.outcomes.filter((outcome) => !isAtTeak(outcome))).toEqual([])
    expect(view.inDoubt).toBe(0)
    expect(view.unfinished).toEqual([])
  }

  it('killed with SIGKILL, then resumed: every order at Teak exactly once, and the journal agrees', async () => {
    const { file, optIns } = backlog('KILL')
    const home = join(dir.path, 'home-kill')
    const env = cliEnv(home, KEYS)
    const hold = sandbox.hold(CALLS_BEFORE_HOLD)
    const first = startCli(importArgs(file), env)
    await heldHalfWay(hold)
    expect(atTeak('KILL').length).toBeGreaterThan(0)
    first.kill('SIGKILL')
    expect(await exited(first)).toEqual({ code: null, signal: 'SIGKILL' })
    // What it had sent still reaches Teak, unknown to its journal: in doubt until the resume settles it.
    await release(hold)
    const interrupted = journalView(home, [])
    expect(interrupted.unfinished).toHaveLength(1)

    const report = join(dir.path, 'kill.json')
    const resumed: CliResult = await runCli(importArgs(file, '--resume', '--report', report), env)
    expect(resumed.stderr).toContain(`Resuming the interrupted import (run ${interrupted.unfinished[0]} `)
    expect(resumed.code).toBe(0)
    expectEveryOrderOnceAtTeak('KILL', optIns, home)
    const json = importReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')))
    expect(json.summary.orders).toBe(ORDERS)
    expect(json.summary.created + json.summary.already_submitted).toBe(optIns.length)
  })

  it('stopped with Ctrl+C: orders in flight finish, a partial report is written, exit 1; --resume completes', async () => {
    const { file, optIns } = backlog('INT')
    const home = join(dir.path, 'home-int')
    const env = cliEnv(home, KEYS)
    const report = join(dir.path, 'int.json')
    const hold = sandbox.hold(CALLS_BEFORE_HOLD)
    const first = startCli(importArgs(file, '--report', report), env)
    await heldHalfWay(hold)
    const reachedTeak = atTeak('INT').length
    first.kill('SIGINT')
    await waitFor('the import to stop taking orders', () => first.output().stderr.includes('Stopping:'))
    await release(hold)
    expect(await exited(first)).toEqual({ code: 1, signal: null })
    expect(first.output().stderr).toContain('Run the same command with --resume to continue.')

    const partial = importReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')))
    expect(reachedTeak).toBeGreaterThan(0)
    expect(partial.summary.orders).toBeGreaterThanOrEqual(reachedTeak)
    expect(partial.summary.orders).toBeLessThan(ORDERS)
    const stopped = journalView(home, [])
    // Nothing was left half-sent: the orders in flight were answered and journaled before the exit.
    expect(stopped.inDoubt).toBe(0)
    expect(stopped.unfinished).toHaveLength(1)

    const resumed = await runCli(importArgs(file, '--resume'), env)
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain(`${partial.summary.orders} of them were already at Teak before this run`)
    expectEveryOrderOnceAtTeak('INT', optIns, home)
  })
})

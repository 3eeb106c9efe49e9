import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOURNAL_FILE_NAME, openJournal } from '../../../src/main/journal/journal'
import { DEMO_KEYS } from '../../../src/sandbox'
import { importReportSchema } from '../../../src/shared/import/report'
import { isAtTeak } from '../../../src/shared/journal/outcomes'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { cliEnv, exited, runCli, startCli, startSandboxProcess, waitFor, type CliResult } from './support/cli'

const KEYS = { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }
const ORDERS = 40

/**
 * The import process dies (SIGKILL) or is stopped (Ctrl+C) mid-run, then is run again with --resume. Teak is a
 * sandbox in its own process, as a real Teak outlives the import: its orders are the ground truth.
 */
describe('an interrupted CLI import', () => {
  const dir = makeTempDir()
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>
  let url = ''

  beforeAll(async () => {
    sandbox = await startSandboxProcess(
      ['--latency-ms', '25', '--state', join(dir.path, 'sandbox.json')],
      cliEnv(dir.path)
    )
    url = sandbox.url
  })
  afterAll(async () => {
    await sandbox.stop()
    dir.remove()
  })

  const sandboxOrders = () => sandbox.orderNumbers()

  async function quoteToken(optIn: boolean): Promise<string> {
    const response = await fetch(`${url}/__sandbox/quote-token`, {
      method: 'POST',
      body: JSON.stringify({ opt_in: optIn })
    })
    return ((await response.json()) as { token: string }).token
  }

  /** `ORDERS` one-item orders, every eighth an opt-out; returns the file and the opt-in order numbers. */
  async function backlog(prefix: string): Promise<{ file: string; optIns: string[] }> {
    const rows = []
    for (let i = 0; i < ORDERS; i++) {
      rows.push({
        order_number: `${prefix}-${i}`,
        quote_token: await quoteToken(i % 8 !== 7),
        item_reference_number: `${prefix}-${i}-r`
      })
    }
    const file = join(dir.path, `${prefix}.csv`)
    writeFileSync(file, backlogCsv(rows))
    return { file, optIns: rows.filter((_, i) => i % 8 !== 7).map((row) => row.order_number) }
  }

  function importArgs(file: string, ...flags: string[]): string[] {
    return ['import', file, '--base-url', url, '--concurrency', '2', ...flags]
  }

  /** What the journal of `home` says about the orders of `prefix`, and about runs still open. */
  function journalView(home: string, orderNumbers: string[]) {
    const journal = openJournal(join(home, JOURNAL_FILE_NAME))
    try {
      return {
        outcomes: orderNumbers.map((n) => journal.latestOutcomeFor(url, n)),
        inDoubt: journal.inDoubt({ environment: url }).length,
        unfinished: journal.unfinishedImportRuns().map((run) => run.id)
      }
    } finally {
      journal.close()
    }
  }

  async function expectEveryOrderOnceAtTeak(prefix: string, optIns: string[], home: string) {
    const atTeak = (await sandboxOrders()).filter((n) => n.startsWith(`${prefix}-`))
    expect(atTeak.sort()).toEqual([...optIns].sort())
    const all = Array.from({ length: ORDERS }, (_, i) => `${prefix}-${i}`)
    const view = journalView(home, all)
    expect(view.outcomes.filter((outcome) => !isAtTeak(outcome))).toEqual([])
    expect(view.inDoubt).toBe(0)
    expect(view.unfinished).toEqual([])
  }

  it('killed with SIGKILL, then resumed: every order at Teak exactly once, and the journal agrees', async () => {
    const { file, optIns } = await backlog('KILL')
    const home = join(dir.path, 'home-kill')
    const env = cliEnv(home, KEYS)
    const first = startCli(importArgs(file), env)
    await waitFor(
      'some orders to reach Teak',
      async () => (await sandboxOrders()).filter((n) => n.startsWith('KILL-')).length >= 8
    )
    first.kill('SIGKILL')
    expect(await exited(first)).toEqual({ code: null, signal: 'SIGKILL' })
    const interrupted = journalView(home, [])
    expect(interrupted.unfinished).toHaveLength(1)

    const report = join(dir.path, 'kill.json')
    const resumed: CliResult = await runCli(importArgs(file, '--resume', '--report', report), env)
    expect(resumed.stderr).toContain(`Resuming the interrupted import (run ${interrupted.unfinished[0]} `)
    expect(resumed.code).toBe(0)
    await expectEveryOrderOnceAtTeak('KILL', optIns, home)
    const json = importReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')))
    expect(json.summary.orders).toBe(ORDERS)
    expect(json.summary.created + json.summary.already_submitted).toBe(optIns.length)
  })

  it('stopped with Ctrl+C: orders in flight finish, a partial report is written, exit 1; --resume completes', async () => {
    const { file, optIns } = await backlog('INT')
    const home = join(dir.path, 'home-int')
    const env = cliEnv(home, KEYS)
    const report = join(dir.path, 'int.json')
    const first = startCli(importArgs(file, '--report', report), env)
    await waitFor(
      'some orders to reach Teak',
      async () => (await sandboxOrders()).filter((n) => n.startsWith('INT-')).length >= 5
    )
    first.kill('SIGINT')
    expect(await exited(first)).toEqual({ code: 1, signal: null })
    expect(first.output().stderr).toContain('Run the same command with --resume to continue.')

    const partial = importReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')))
    expect(partial.summary.orders).toBeGreaterThanOrEqual(5)
    expect(partial.summary.orders).toBeLessThan(ORDERS)
    const stopped = journalView(home, [])
    // Nothing was left half-sent: the orders in flight were answered and journaled before the exit.
    expect(stopped.inDoubt).toBe(0)
    expect(stopped.unfinished).toHaveLength(1)

    const resumed = await runCli(importArgs(file, '--resume'), env)
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain(`${partial.summary.orders} of them were already at Teak before this run`)
    await expectEveryOrderOnceAtTeak('INT', optIns, home)
  })
})

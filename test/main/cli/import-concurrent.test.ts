import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOURNAL_FILE_NAME } from '../../../src/main/journal/journal'
import { DEMO_KEYS } from '../../../src/sandbox'
import { importReportSchema, type ImportReport } from '../../../src/shared/import/report'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { waitFor } from '../../support/wait-for'
import { cliEnv, exited, runCli, startCli, startSandboxProcess } from './support/cli'

const KEYS = { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }
const ORDERS = 60

/**
 * Two imports of the same backlog on one computer and one data folder (a scheduled CLI import and an agent's,
 * or the same command in two terminals): each order is sent by one of them only, neither crashes, and their
 * reports agree on which run sent what. Teak is a sandbox in its own process: its orders are the truth.
 */
describe('two CLI imports of one file at the same time', () => {
  const dir = makeTempDir()
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>
  let url = ''

  beforeAll(async () => {
    sandbox = await startSandboxProcess(['--latency-ms', '10'], cliEnv(dir.path))
    url = sandbox.url
  })
  afterAll(async () => {
    await sandbox.stop()
    dir.remove()
  })

  async function creations(prefix: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>()
    for (const n of await sandbox.orderNumbers()) {
      if (n.startsWith(`${prefix}-`)) counts.set(n, (counts.get(n) ?? 0) + 1)
    }
    return counts
  }

  /** One-item opt-in orders without quote tokens (sent with --missing-token-as-opt-in). */
  function backlog(prefix: string): string {
    const rows = Array.from({ length: ORDERS }, (_, i) => ({
      order_number: `${prefix}-${i}`,
      quote_token: '',
      item_reference_number: `${prefix}-${i}-r`
    }))
    const file = join(dir.path, `${prefix}.csv`)
    writeFileSync(file, backlogCsv(rows))
    return file
  }

  const args = (file: string, report: string, ...flags: string[]) => [
    'import',
    file,
    '--base-url',
    url,
    '--concurrency',
    '4',
    '--missing-token-as-opt-in',
    '--report',
    report,
    ...flags
  ]

  const readReport = (path: string): ImportReport =>
    importReportSchema.parse(JSON.parse(readFileSync(path, 'utf8')))

  /** SIGSTOPs `child` at a moment it holds no write lock on the journal: tries again after its next order. */
  async function stopBetweenWrites(
    child: ReturnType<typeof startCli>,
    journalPath: string,
    sent: () => Promise<Map<string, number>>
  ): Promise<void> {
    for (;;) {
      child.kill('SIGSTOP')
      if (writeLockFree(journalPath)) return
      child.kill('SIGCONT')
      const before = (await sent()).size
      await waitFor('the first import to send one more order', async () => (await sent()).size > before)
    }
  }

  function writeLockFree(journalPath: string): boolean {
    const db = new Database(journalPath, { timeout: 0 })
    try {
      db.exec('BEGIN IMMEDIATE')
      db.exec('ROLLBACK')
      return true
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false
      throw error
    } finally {
      db.close()
    }
  }

  function expectNoStackTrace(stderr: string): void {
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(stderr).not.toMatch(/JournalError|SqliteError|TypeError/)
  }

  it('with --parallel: every order reaches Teak once, and both reports agree on the run that sent it', async () => {
    const file = backlog('PAR')
    const home = join(dir.path, 'home-par')
    const env = cliEnv(home, KEYS)
    const [reportA, reportB] = [join(dir.path, 'par-a.json'), join(dir.path, 'par-b.json')]
    const [a, b] = await Promise.all([
      runCli(args(file, reportA, '--parallel'), env),
      runCli(args(file, reportB, '--parallel'), env)
    ])
    expectNoStackTrace(a.stderr)
    expectNoStackTrace(b.stderr)

    const created = await creations('PAR')
    expect(created.size).toBe(ORDERS)
    expect([...created.values()].every((times) => times === 1)).toBe(true)

    const [first, second] = [readReport(reportA), readReport(reportB)]
    for (const report of [first, second]) {
      expect(report.summary.orders).toBe(ORDERS)
      expect(report.summary.invalid + report.summary.rejected + report.summary.failed).toBe(0)
      expect(report.summary.in_doubt).toBe(0)
    }
    for (const [index, entry] of first.orders.entries()) {
      const other = second.orders[index]
      expect(other.order_number).toBe(entry.order_number)
      // Both name the same run as the sender, whoever sent it.
      expect(entry.sent_by_run).not.toBeNull()
      expect(other.sent_by_run).toBe(entry.sent_by_run)
      // The run that sent it reports Teak's answer; the other, that it was done (or being done) elsewhere.
      for (const report of [entry, other]) {
        expect(['created', 'being_sent_elsewhere']).toContain(report.outcome)
        if (report.outcome === 'being_sent_elsewhere') {
          expect(report.errors[0].message).toMatch(/^Being sent by import run \d+ \(started /)
        }
      }
    }
    // Exit codes: 0 for a run that had every order at Teak, 1 for one that left some to the other run.
    for (const [result, report] of [
      [a, first],
      [b, second]
    ] as const) {
      expect(result.code).toBe(report.summary.being_sent_elsewhere > 0 ? 1 : 0)
    }
  })

  it('with --parallel beside a run held mid-way: the second takes only what the first does not hold', async () => {
    const file = backlog('MID')
    const home = join(dir.path, 'home-mid')
    const env = cliEnv(home, KEYS)
    const [reportA, reportB] = [join(dir.path, 'mid-a.json'), join(dir.path, 'mid-b.json')]
    const first = startCli(args(file, reportA), env)
    await waitFor('the first import to send some orders', async () => (await creations('MID')).size >= 3)
    await stopBetweenWrites(first, join(home, JOURNAL_FILE_NAME), () => creations('MID'))
    const second = await runCli(args(file, reportB, '--parallel'), env)
    first.kill('SIGCONT')
    const firstExit = await exited(first)
    expectNoStackTrace(second.stderr)
    expectNoStackTrace(first.output().stderr)
    expect(second.stderr).toMatch(/Run \d+ is sending this file too: orders it holds are left to it\./)

    const created = await creations('MID')
    expect(created.size).toBe(ORDERS)
    expect([...created.values()].every((times) => times === 1)).toBe(true)
    const [a, b] = [readReport(reportA), readReport(reportB)]
    for (const [index, entry] of a.orders.entries()) {
      expect(b.orders[index].sent_by_run).toBe(entry.sent_by_run)
    }
    // What the second left to the first, the first sent.
    const firstRun = a.orders.find((o) => o.outcome === 'created' && o.sent_by_run !== null)?.sent_by_run
    for (const entry of b.orders.filter((o) => o.outcome === 'being_sent_elsewhere')) {
      expect(entry.sent_by_run).toBe(firstRun)
    }
    expect(firstExit.code).toBe(a.summary.being_sent_elsewhere > 0 ? 1 : 0)
  })

  it('without --parallel: a second import of a file still being imported stops (exit 2) and says so', async () => {
    const file = backlog('SEQ')
    const home = join(dir.path, 'home-seq')
    const env = cliEnv(home, KEYS)
    const first = startCli(args(file, join(dir.path, 'seq-a.json'), '--concurrency', '1'), env)
    await waitFor('the first import to send some orders', async () => (await creations('SEQ')).size >= 3)
    // Held still (alive, mid-run) however fast the machine, until the second import has tried; stopped
    // between two journal writes, as a process that is merely busy would be (one stopped inside a write
    // keeps the journal locked, and the second would rightly say so instead).
    await stopBetweenWrites(first, join(home, JOURNAL_FILE_NAME), () => creations('SEQ'))
    const second = await runCli(args(file, join(dir.path, 'seq-b.json')), env)
    first.kill('SIGCONT')
    expect(second.code).toBe(2)
    expect(second.stderr).toMatch(
      /^An import of this file is running in another window or process since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(run \d+, \d+ of 60 orders processed\)\. Wait for it to finish, or add --parallel/
    )
    expectNoStackTrace(second.stderr)
    // It was not taken for an interrupted run: the first one carries on to the end.
    expect(await exited(first)).toEqual({ code: 0, signal: null })
    const created = await creations('SEQ')
    expect(created.size).toBe(ORDERS)
    expect([...created.values()].every((times) => times === 1)).toBe(true)
  })

  it('a run killed while holding orders leaves them to the resume, which settles them as in doubt', async () => {
    const file = backlog('KILL')
    const home = join(dir.path, 'home-kill')
    const env = cliEnv(home, KEYS)
    const first = startCli(args(file, join(dir.path, 'kill-a.json')), env)
    await waitFor('the first import to send some orders', async () => (await creations('KILL')).size >= 5)
    first.kill('SIGKILL')
    await exited(first)
    const report = join(dir.path, 'kill-b.json')
    // No waiting for a lease: the killed process is gone, so its claims are free at once.
    const resumed = await runCli(args(file, report, '--resume'), env)
    expectNoStackTrace(resumed.stderr)
    expect(resumed.stderr).toMatch(/^Resuming the interrupted import \(run \d+ /)
    expect(resumed.code).toBe(0)
    const created = await creations('KILL')
    expect(created.size).toBe(ORDERS)
    expect([...created.values()].every((times) => times === 1)).toBe(true)
    expect(readReport(report).summary).toMatchObject({ orders: ORDERS, in_doubt: 0, failed: 0 })
  })
})

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historyHandlers } from '../../../src/main/ipc/history-handlers'
import { JOURNAL_FILE_NAME, openJournal } from '../../../src/main/journal/journal'
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../../src/sandbox'
import {
  dryRunOutputSchema,
  exportOutputSchema,
  historyOutputSchema,
  importCommandOutputSchema,
  importOutputSchema,
  inDoubtOutputSchema,
  orderOutputSchema
} from '../../../src/shared/cli/output-schemas'
import { historyRowSchema } from '../../../src/shared/contract/history'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { cliEnv, runCli, type CliResult } from './support/cli'

const KEYS = { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }
/** Each CLI run starts tsx, which on a busy machine takes seconds. */
const CLI_RUNS_MS = 120_000

/**
 * The journal from the shell, after a real import into a real sandbox: the read commands answer what the
 * app's History answers for the same journal.
 */
describe('teak-desk history, order, in-doubt and export', () => {
  const dir = makeTempDir()
  const dataDir = join(dir.path, 'home')
  let sandbox: RunningSandbox
  let file: string
  const cli = (...args: string[]) => runCli(args, cliEnv(dataDir, KEYS))
  let before: CliResult
  let journalBefore: boolean
  let dryRun: CliResult
  let imported: CliResult

  beforeAll(async () => {
    mkdirSync(dataDir)
    sandbox = await startSandbox({ port: 0 })
    file = join(dir.path, 'backlog.csv')
    // Two items per order, one quote token for the whole order.
    const order = (order_number: string, opt_in: boolean) => {
      const quote_token = sandbox.mintQuoteToken({ opt_in })
      return [1, 2].map((n) => ({ order_number, item_reference_number: `${order_number}-${n}`, quote_token }))
    }
    writeFileSync(
      file,
      backlogCsv([...order('JRN-1', true), ...order('JRN-2', false), ...order('=HYPERLINK("x")', true)])
    )
    before = await cli('history', '--json')
    journalBefore = existsSync(join(dataDir, JOURNAL_FILE_NAME))
    dryRun = await cli('import', file, '--dry-run', '--json')
    imported = await cli('import', file, '--base-url', sandbox.url, '--json', '--quiet')
  }, CLI_RUNS_MS)
  afterAll(async () => {
    await sandbox.close()
    dir.remove()
  })

  it('import --json prints the report on stdout in its schema, progress and messages only on stderr', () => {
    expect(before).toMatchObject({ code: 0 })
    expect(historyOutputSchema.parse(JSON.parse(before.stdout))).toEqual({ total: 0, orders: [] })
    // Reading a data folder without a journal did not create one.
    expect(journalBefore).toBe(false)

    expect(dryRun).toMatchObject({ code: 0, stderr: '' })
    expect(dryRunOutputSchema.parse(JSON.parse(dryRun.stdout))).toMatchObject({
      dry_run: true,
      summary: { orders: 3, valid: 3, opt_in: 2, opt_out: 1, invalid: 0 }
    })

    expect(imported).toMatchObject({ code: 0, stderr: '' })
    const output = importOutputSchema.parse(JSON.parse(imported.stdout))
    expect(importCommandOutputSchema.parse(output)).toEqual(output)
    expect(output).toMatchObject({
      environment: sandbox.url,
      dry_run: false,
      complete: true,
      summary: { orders: 3, created: 2, opted_out: 1 }
    })
  })

  it(
    "order --json shows what the app's order detail shows for the same journal, policies included",
    async () => {
      const [shown, missing, text] = await Promise.all([
        cli('order', 'JRN-1', '--json'),
        cli('order', 'NOT-THERE', '--json'),
        cli('order', 'JRN-1')
      ])
      expect(shown.code).toBe(0)
      const detail = orderOutputSchema.parse(JSON.parse(shown.stdout))
      const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME))
      try {
        const app = historyHandlers({ journal })['history.detail']({
          environment: sandbox.url,
          orderNumber: 'JRN-1'
        })
        expect(detail).toEqual(JSON.parse(JSON.stringify(app)))
        expect(detail.policies).toHaveLength(2)
        expect(detail.policies.map((p) => p.itemReference)).toEqual(['JRN-1-1', 'JRN-1-2'])
      } finally {
        journal.close()
      }
      expect(missing).toMatchObject({ code: 1, stdout: '' })
      expect(missing.stderr).toContain('Teak Desk has no order "NOT-THERE" in its history.')
      expect(text.code).toBe(0)
      expect(text.stdout).toContain(`Order JRN-1 in ${sandbox.url}: created`)
      for (const policy of detail.policies) expect(text.stdout).toContain(policy.policyNumber)
      expect(text.stdout).toMatch(/#\d+ .* order via import \(run \d+, rows 2, 3\) {2}created {2}HTTP 201/)
      expect(text.stdout).not.toContain('\x1b[')
    },
    CLI_RUNS_MS
  )

  it(
    'history --json lists the orders in its schema, filtered as the History page filters',
    async () => {
      const [all, search, outcome, future, refused] = await Promise.all([
        cli('history', '--json'),
        cli('history', 'hyperlink', '--json'),
        cli('history', '--outcome', 'opted_out', '--env', sandbox.url, '--json'),
        cli('history', '--since', '2999-01-01', '--json'),
        cli('history', '--since', 'yesterday')
      ])
      const orders = (result: { stdout: string }) =>
        historyOutputSchema.parse(JSON.parse(result.stdout)).orders.map((o) => o.orderNumber)
      expect(orders(all).sort()).toEqual(['=HYPERLINK("x")', 'JRN-1', 'JRN-2'])
      expect(historyOutputSchema.parse(JSON.parse(all.stdout)).orders[0]!.policies.length).toBeGreaterThan(0)
      expect(orders(search)).toEqual(['=HYPERLINK("x")'])
      expect(orders(outcome)).toEqual(['JRN-2'])
      expect(orders(future)).toEqual([])
      expect(refused).toMatchObject({ code: 2, stdout: '' })
      expect(refused.stderr).toContain('--since: Use a date and time like 2027-12-24T00:00:00Z.')
    },
    CLI_RUNS_MS
  )

  it(
    "export writes the app's export, CSV cells guarded against formulas",
    async () => {
      const csvFile = join(dir.path, 'history.csv')
      const [csv, json] = await Promise.all([
        cli('export', '--output', csvFile, '--json'),
        cli('export', '--json')
      ])
      expect(exportOutputSchema.parse(JSON.parse(csv.stdout))).toEqual({
        file: csvFile,
        format: 'csv',
        orders: 3
      })
      const content = readFileSync(csvFile, 'utf8')
      expect(content.startsWith('\uFEFFEnvironment,Order number,')).toBe(true)
      expect(content).toContain(`"'=HYPERLINK(""x"")"`)
      expect(json.code).toBe(0)
      expect(historyRowSchema.array().parse(JSON.parse(json.stdout))).toHaveLength(3)
    },
    CLI_RUNS_MS
  )

  it(
    'in-doubt lists an attempt that never got its answer, with how to resolve it, and exits 1',
    async () => {
      const clean = await cli('in-doubt', '--json')
      expect(clean.code).toBe(0)
      expect(inDoubtOutputSchema.parse(JSON.parse(clean.stdout))).toEqual([])

      const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME))
      const id = journal.recordIntent({
        kind: 'order',
        source: 'form',
        environment: sandbox.url,
        orderNumber: 'JRN-DOUBT',
        request: { order_number: 'JRN-DOUBT' }
      })
      journal.close()
      const [listed, text] = await Promise.all([cli('in-doubt', '--json'), cli('in-doubt')])
      expect(listed.code).toBe(1)
      const entries = inDoubtOutputSchema.parse(JSON.parse(listed.stdout))
      expect(entries).toMatchObject([{ id, orderNumber: 'JRN-DOUBT', outcome: null }])
      expect(entries[0]!.howToResolve).toContain('choose "Resolve"')
      expect(text.code).toBe(1)
      expect(text.stdout).toContain('1 awaiting resolution:')
      expect(text.stdout).toContain('JRN-DOUBT  order sent')
    },
    CLI_RUNS_MS
  )
})

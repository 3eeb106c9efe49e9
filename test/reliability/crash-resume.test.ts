import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOURNAL_FILE_NAME, openJournal } from '../../src/main/journal/journal'
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../src/sandbox'
import { createPrng } from '../../src/sandbox/prng'
import { importReportSchema } from '../../src/shared/import/report'
import { isAtTeak } from '../../src/shared/journal/outcomes'
import { cliEnv, exited, runCli, startCli } from '../main/cli/support/cli'
import { makeTempDir } from '../support/temp-dir'
import { generatedBacklogCsv, orderNumberOf } from './support/backlog-orders'

const ORDERS = 100
/** Every tenth order is an opt-out: Teak answers 204 and stores nothing, also when it is sent again. */
const isOptOut = (order: number) => order % 10 === 0
const KILLS = 20
const SEED = 20_27
const CONCURRENCY = 4
/** Long enough that a kill usually finds requests in flight, short enough for 21 runs in a minute. */
const LATENCY_MS = 40
/** A kill lands after 0 to this many order answers of the run; 0 is a kill during start-up. */
const MOST_ORDERS_BEFORE_KILL = 3
/** Starting takes longer than this (loading the code, opening the journal), so 0 means "while starting". */
const MOST_START_UP_MS = 400

/**
 * SIGKILL at 20 seeded random points of an import, each followed by `--resume`: during start-up, between a
 * token and its order, with orders in flight. Teak is an in-process sandbox, so it outlives every kill, and
 * its orders and request log are the ground truth the journal and the report are held to.
 */
describe('an import killed 20 times and resumed each time', () => {
  const dir = makeTempDir('teak-reliability-crash-')
  const home = join(dir.path, 'home')
  const file = join(dir.path, 'backlog.csv')
  const report = join(dir.path, 'report.json')
  let sandbox: RunningSandbox
  const env = () =>
    cliEnv(home, { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey })
  const importArgs = (...flags: string[]) => [
    'import',
    file,
    '--base-url',
    sandbox.url,
    '--concurrency',
    String(CONCURRENCY),
    '--resume',
    ...flags
  ]
  const orderAnswers = () =>
    sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/api/v2/orders').length

  beforeAll(async () => {
    sandbox = await startSandbox({ latencyMs: LATENCY_MS })
    const optIn = sandbox.mintQuoteToken({ opt_in: true })
    const optOut = sandbox.mintQuoteToken({ opt_in: false })
    writeFileSync(
      file,
      generatedBacklogCsv({
        orders: ORDERS,
        prefix: 'CRASH',
        quoteToken: (order) => (isOptOut(order) ? optOut : optIn)
      })
    )
  })
  afterAll(async () => {
    await sandbox?.close()
    dir.remove()
  })

  /** Starts the import and kills it after `orders` order answers of this run (for 0, after `startUpMs`). */
  async function killAfter(
    orders: number,
    startUpMs: number,
    jitterMs: number
  ): Promise<'killed' | 'finished'> {
    const before = orderAnswers()
    const child = startCli(importArgs(), env())
    const done = exited(child)
    let finished = false
    void done.then(() => (finished = true))
    if (orders === 0) await Promise.race([sleep(startUpMs), done])
    else while (!finished && orderAnswers() - before < orders) await sleep(1)
    await Promise.race([sleep(jitterMs), done])
    if (finished) return 'finished'
    child.kill('SIGKILL')
    expect(await done).toEqual({ code: null, signal: 'SIGKILL' })
    return 'killed'
  }

  it('leaves every order at Teak exactly once, and the journal and the report agree with Teak', async () => {
    const random = createPrng(SEED)
    const endings: string[] = []
    for (let kill = 0; kill < KILLS; kill++) {
      const orders = Math.floor(random() * (MOST_ORDERS_BEFORE_KILL + 1))
      endings.push(await killAfter(orders, random() * MOST_START_UP_MS, random() * LATENCY_MS))
    }
    // Every kill found the import running: none of them came after the import had finished.
    expect(endings).toEqual(Array(KILLS).fill('killed'))

    const final = await runCli(importArgs('--report', report), env())
    expect(final.stderr).toMatch(/Resuming the interrupted import \(run \d+ /)
    expect(final.code).toBe(0)

    const orderNumbers = Array.from({ length: ORDERS }, (_, i) => orderNumberOf('CRASH', i + 1))
    const optIns = orderNumbers.filter((_, i) => !isOptOut(i + 1))

    // Teak: every opt-in once, no opt-out; an order is sent again only when a kill left it in doubt.
    const atTeak = sandbox.orders()
    expect(atTeak.map((order) => order.order_number).sort()).toEqual(optIns)
    const orderCalls = sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/api/v2/orders')
    const duplicates = orderCalls.filter((r) => r.status === 409).length
    expect(orderCalls.filter((r) => r.status === 201)).toHaveLength(optIns.length)
    // Kills did leave orders in doubt (created at Teak, unknown to the journal), which resends settled.
    expect(duplicates).toBeGreaterThan(0)
    expect(duplicates).toBeLessThanOrEqual(KILLS * CONCURRENCY)

    // The journal: every order settled at Teak, nothing in doubt, no run left open, Teak's ids kept.
    const journal = openJournal(join(home, JOURNAL_FILE_NAME))
    try {
      const rows = journal.exportRows({ environment: sandbox.url })
      expect(rows.map((row) => row.orderNumber).sort()).toEqual(orderNumbers)
      expect(rows.filter((row) => !isAtTeak(row.outcome))).toEqual([])
      expect(rows.filter((row) => row.outcome === 'opted_out')).toHaveLength(ORDERS - optIns.length)
      const created = rows.filter((row) => row.outcome === 'created').length
      const alreadySubmitted = rows.filter((row) => row.outcome === 'already_submitted').length
      expect(created + alreadySubmitted).toBe(optIns.length)
      // A resend that Teak refused as a duplicate may have been killed in turn before it was journaled.
      expect(alreadySubmitted).toBeLessThanOrEqual(duplicates)
      const teakIds = new Map(atTeak.map((order) => [order.order_number, order.protecht_order_id]))
      for (const row of rows.filter((r) => r.outcome === 'created')) {
        expect(row.teakOrderId).toBe(teakIds.get(row.orderNumber))
      }
      expect(journal.inDoubt({ environment: sandbox.url })).toEqual([])
      expect(journal.unfinishedImportRuns()).toEqual([])

      // The report of the final run covers the whole file, order by order as the journal has it.
      const json = importReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')))
      expect(json.summary).toEqual({
        orders: ORDERS,
        created,
        opted_out: ORDERS - optIns.length,
        already_submitted: alreadySubmitted,
        invalid: 0,
        rejected: 0,
        failed: 0,
        in_doubt: 0,
        being_sent_elsewhere: 0
      })
      const journaled = new Map(rows.map((row) => [row.orderNumber, row.outcome]))
      for (const order of json.orders) expect(order.outcome).toBe(journaled.get(order.order_number))
    } finally {
      journal.close()
    }
    // 21 CLI starts take about a minute on a quiet machine, several on a busy one.
  }, 300_000)
})

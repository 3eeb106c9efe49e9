import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { runImport } from '../../src/main/import/import-engine'
import { openJournal, type Journal } from '../../src/main/journal/journal'
import { createTeakClient, type TeakClient } from '../../src/main/teak/client'
import { DEMO_KEYS, startSandbox, type Faults, type RunningSandbox } from '../../src/sandbox'
import type { FaultKind } from '../../src/sandbox/faults'
import type { ImportReport } from '../../src/shared/import/report'
import { parseBacklog } from '../../src/shared/import/parse-backlog'
import type { ParsedOrder } from '../../src/shared/import/types'
import { isAtTeak, type OrderOutcome } from '../../src/shared/journal/outcomes'
import { rateLimitClock } from '../support/rate-limit-clock'
import { makeTempDir } from '../support/temp-dir'
import { generatedBacklogCsv } from './support/backlog-orders'

const ORDERS = 60
const isOptOut = (order: number) => order % 10 === 0
const CONCURRENCY = 8
/**
 * Timing, kept apart from what the scenarios assert. The client's timeout is the app's default, far above
 * any real answer even on a busy machine (where one can take seconds), so only the calls the sandbox leaves
 * unanswered on purpose time out. Each of those costs this long, hence the long test timeout.
 */
const CLIENT_TIMEOUT_MS = 15_000
const SCENARIO_TIMEOUT_MS = 240_000
/**
 * Two attempts per order and quick back-off: enough faults outlast the retries that some orders end
 * `failed`, which the final retry pass must then settle.
 */
const RETRY = { maxAttempts: 2, baseMs: 20, capMs: 200 }
const MAY_HAVE_REACHED_TEAK = 'Teak may still have carried it out'
const atTeak = (outcome: ImportReport['orders'][number]['outcome']) => isAtTeak(outcome as OrderOutcome)

const SCENARIOS: { name: string; faults: Partial<Faults>; expected: FaultKind[] }[] = [
  { name: '10 % of calls answered 503', faults: { failRate: 0.1 }, expected: ['fail'] },
  {
    name: '5 % of connections dropped before Teak acts',
    faults: { resetRate: 0.05, resetTiming: 'before' },
    expected: ['reset']
  },
  {
    name: '5 % of connections dropped after Teak acts (order created, answer lost)',
    faults: { resetRate: 0.05, resetTiming: 'after' },
    expected: ['reset']
  },
  {
    name: `5 % of calls never answered (client timeout ${CLIENT_TIMEOUT_MS} ms)`,
    faults: { timeoutRate: 0.05 },
    expected: ['timeout']
  },
  {
    name: 'at most 40 calls a second (429 with Retry-After)',
    faults: { rateLimit: 40 },
    expected: ['rate-limit']
  },
  {
    name: 'all of them at once',
    faults: { failRate: 0.1, resetRate: 0.05, resetTiming: 'after', timeoutRate: 0.03, rateLimit: 60 },
    expected: ['fail', 'reset', 'timeout', 'rate-limit']
  }
]

/**
 * The import engine against a sandbox that fails on purpose (seeded), with a real journal file: whatever
 * fails, every order ends with a final outcome and a reason, Teak never holds an order twice, the journal
 * and the report agree, and once the faults stop, retrying the failed orders puts every order at Teak.
 */
describe('an import against a failing Teak', () => {
  const dir = makeTempDir('teak-reliability-faults-')
  const open: { sandbox: RunningSandbox; client: TeakClient; journal: Journal }[] = []
  afterEach(async () => {
    for (const { sandbox, client, journal } of open.splice(0)) {
      client.close()
      journal.close()
      await sandbox.close()
    }
  })
  afterAll(() => dir.remove())

  async function setUp(name: string, faults: Partial<Faults>) {
    // Timing: the first window of a rate limit overflows however slowly this machine sends.
    const rateClock = rateLimitClock()
    const sandbox = await startSandbox({ latencyMs: 5, seed: 7, rateLimitClock: rateClock.now })
    sandbox.setFaults(faults)
    if (faults.rateLimit) rateClock.overflow(faults.rateLimit)
    const client = createTeakClient({
      baseUrl: sandbox.url,
      credentials: DEMO_KEYS,
      timeoutMs: CLIENT_TIMEOUT_MS
    })
    const journal = openJournal(join(dir.path, `${name.replace(/\W+/g, '-')}.sqlite`))
    open.push({ sandbox, client, journal })
    const optIn = sandbox.mintQuoteToken({ opt_in: true })
    const optOut = sandbox.mintQuoteToken({ opt_in: false })
    const csv = generatedBacklogCsv({
      orders: ORDERS,
      prefix: 'FAULT',
      quoteToken: (order) => (isOptOut(order) ? optOut : optIn)
    })
    return { sandbox, client, journal, orders: parseBacklog(csv).orders }
  }

  function expectFinalOutcomesWithReasons(report: ImportReport): void {
    expect(report.summary.orders).toBe(ORDERS)
    expect(report.summary.invalid + report.summary.rejected).toBe(0)
    for (const order of report.orders) {
      if (atTeak(order.outcome)) continue
      expect(['failed', 'in_doubt']).toContain(order.outcome)
      expect(order.errors.length).toBeGreaterThan(0)
      for (const error of order.errors) {
        // The reason names the order: the order call, or the token it needed, failed; or an earlier attempt may have landed.
        expect(error.message).toMatch(
          /^(Could not (create order|get an access token from Teak)\b|An earlier attempt may have reached Teak)/
        )
        expect(error.message).toContain(order.order_number)
      }
    }
  }

  /**
   * Teak created each order once, and every order it holds is reported at Teak or in doubt: never failed,
   * never "not sent".
   */
  function expectNoDuplicatesAndNoFalseRefusal(sandbox: RunningSandbox, report: ImportReport): void {
    const atTeakThere = sandbox.orders().map((order) => order.order_number)
    const creations = sandbox
      .requests()
      .filter((r) => r.method === 'POST' && r.path === '/api/v2/orders' && r.status === 201)
    expect(creations).toHaveLength(atTeakThere.length)
    expect(new Set(atTeakThere).size).toBe(atTeakThere.length)
    const reported = new Map(report.orders.map((order) => [order.order_number, order]))
    for (const orderNumber of atTeakThere) {
      const order = reported.get(orderNumber)!
      expect(['created', 'already_submitted', 'in_doubt']).toContain(order.outcome)
      if (order.outcome === 'in_doubt') {
        expect(order.errors[0].message).toMatch(
          new RegExp(`${MAY_HAVE_REACHED_TEAK}|An earlier attempt may have reached Teak`)
        )
      }
      for (const error of order.errors) expect(error.message).not.toMatch(/nothing was sent|was not sent/i)
    }
  }

  /** The report and the journal tell the same story: the same standing per order, the same orders in doubt. */
  function expectJournalAgrees(journal: Journal, environment: string, report: ImportReport): void {
    const inDoubt = report.orders.filter((order) => order.outcome === 'in_doubt').map((o) => o.order_number)
    expect(
      journal
        .inDoubt({ environment })
        .map((op) => op.orderNumber)
        .sort()
    ).toEqual(inDoubt.sort())
    for (const order of report.orders) {
      expect(journal.latestOutcomeFor(environment, order.order_number)).toBe(order.outcome)
    }
  }

  const optInNumbers = (orders: readonly ParsedOrder[]) =>
    orders.filter((order) => order.optIn).map((order) => order.orderNumber)

  for (const { name, faults, expected } of SCENARIOS) {
    it(name, { timeout: SCENARIO_TIMEOUT_MS }, async () => {
      const { sandbox, client, journal, orders } = await setUp(name, faults)
      const environment = sandbox.url
      const run = { journal, client, environment, file: 'faults.csv', orders, concurrency: CONCURRENCY }

      const first = await runImport({ ...run, retry: RETRY })
      const injected = new Set(sandbox.requests().map((r) => r.fault))
      for (const fault of expected) expect(injected).toContain(fault)
      expect(first.complete).toBe(true)
      expectFinalOutcomesWithReasons(first.report)
      expectNoDuplicatesAndNoFalseRefusal(sandbox, first.report)
      expectJournalAgrees(journal, environment, first.report)

      sandbox.setFaults({ failRate: 0, resetRate: 0, timeoutRate: 0, rateLimit: 0 })
      const retried = await runImport({ ...run, retry: RETRY, onlyFailed: true })
      expect(retried.report.summary.failed + retried.report.summary.in_doubt).toBe(0)
      expectNoDuplicatesAndNoFalseRefusal(sandbox, retried.report)
      expectJournalAgrees(journal, environment, retried.report)
      expect(
        sandbox
          .orders()
          .map((order) => order.order_number)
          .sort()
      ).toEqual(optInNumbers(orders))
    })
  }
})

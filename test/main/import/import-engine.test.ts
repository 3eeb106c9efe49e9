import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ImportControl } from '../../../src/main/import/import-control'
import { runImport, type ImportRunOptions } from '../../../src/main/import/import-engine'
import type { ImportProgress } from '../../../src/main/import/import-progress'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { createTeakClient, type TeakClient } from '../../../src/main/teak/client'
import { DEMO_KEYS, NO_FAULTS, startSandbox, type RunningSandbox } from '../../../src/sandbox'
import { parseBacklog } from '../../../src/shared/import/parse-backlog'
import { importReportSchema } from '../../../src/shared/import/report'
import type { ParsedOrder } from '../../../src/shared/import/types'
import { isAtTeak, type OrderOutcome } from '../../../src/shared/journal/outcomes'
import { backlogCsv, quoteToken } from '../../shared/import/csv-fixtures'
import { rateLimitClock } from '../../support/rate-limit-clock'
import { makeTempDir } from '../../support/temp-dir'

/** Fast back-off so fault-heavy runs finish in seconds; Retry-After still wins when Teak asks for longer. */
const QUICK_RETRY = { maxAttempts: 8, baseMs: 20, capMs: 200 }
/**
 * The app's default, far above any real answer even on a busy machine (where one can take seconds): only
 * the calls the sandbox leaves unanswered on purpose time out, each then costing this long.
 */
const CLIENT_TIMEOUT_MS = 15_000

describe('runImport against the sandbox', () => {
  const dir = makeTempDir()
  let sandbox: RunningSandbox
  let journal: Journal
  let client: TeakClient
  let environment = 0
  const rateClock = rateLimitClock()

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, rateLimitClock: rateClock.now })
    journal = openJournal(`${dir.path}/journal.sqlite`)
    client = createTeakClient({ baseUrl: sandbox.url, credentials: DEMO_KEYS, timeoutMs: CLIENT_TIMEOUT_MS })
  })
  afterEach(() => sandbox.setFaults(NO_FAULTS))
  afterAll(async () => {
    client.close()
    journal.close()
    await sandbox.close()
    dir.remove()
  })

  /** Each test imports into its own journal environment, so earlier tests' orders never count as sent. */
  function nextEnvironment(): string {
    return `env-${++environment}`
  }

  /** `count` two-item orders with sandbox-minted quote tokens, every fifth an opt-out; `override` wins. */
  function backlog(
    prefix: string,
    count: number,
    override: (i: number) => Record<string, string> = () => ({})
  ) {
    const rows = Array.from({ length: count }, (_, i) => {
      const orderNumber = `${prefix}-${i}`
      const row = { order_number: orderNumber, quote_token: sandbox.mintQuoteToken({ opt_in: i % 5 !== 4 }) }
      return [
        { ...row, item_reference_number: `${orderNumber}-a`, item_cost: '40.00', ...override(i) },
        { ...row, item_reference_number: `${orderNumber}-b`, item_cost: '12,50', ...override(i) }
      ]
    }).flat()
    return parseBacklog(backlogCsv(rows)).orders
  }

  function run(orders: ParsedOrder[], options: Partial<ImportRunOptions> = {}) {
    return runImport({
      journal,
      client,
      environment: options.environment ?? nextEnvironment(),
      file: 'backlog.csv',
      orders,
      retry: QUICK_RETRY,
      ...options
    })
  }

  const storedTimes = (orderNumber: string) =>
    sandbox.orders().filter((order) => order.order_number === orderNumber).length

  it('ends every order at Teak exactly once despite 5xx, dropped connections, 429s and timeouts', async () => {
    const orders = backlog('FI', 60)
    sandbox.setFaults({
      failRate: 0.1,
      resetRate: 0.05,
      resetTiming: 'after',
      timeoutRate: 0.03,
      rateLimit: 40,
      seed: 7
    })
    rateClock.overflow(40)
    const env = nextEnvironment()
    const result = await run(orders, { environment: env, concurrency: 6 })
    sandbox.setFaults(NO_FAULTS)

    expect(result.complete).toBe(true)
    expect(importReportSchema.parse(result.report)).toEqual(result.report)
    expect(result.report.orders.map((o) => o.order_number)).toEqual(orders.map((o) => o.orderNumber))
    for (const entry of result.report.orders) {
      // A final outcome for every order, and for any that did not end at Teak, the reason.
      expect(isAtTeak(entry.outcome as OrderOutcome) || entry.errors.length > 0).toBe(true)
      expect(journal.latestOutcomeFor(env, entry.order_number)).toBe(entry.outcome)
    }
    for (const order of orders) expect(storedTimes(order.orderNumber)).toBe(order.optIn ? 1 : 0)
    expect(result.report.summary.failed).toBe(0)
    expect(journal.inDoubt({ environment: env })).toEqual([])
    expect(journal.unfinishedImportRuns().map((r) => r.id)).not.toContain(result.runId)
    // The faults did happen: the run was not a fair-weather one.
    const faults = new Set(sandbox.requests().map((request) => request.fault))
    expect([...faults]).toEqual(expect.arrayContaining(['fail', 'reset', 'rate-limit', 'timeout']))
  }, 240_000)

  it('reports invalid orders with their row errors and sends only the valid ones', async () => {
    const orders = backlog('IV', 3, (i): Record<string, string> => (i === 1 ? { item_cost: 'ten' } : {}))
    const result = await run(orders)
    expect(result.report.summary).toMatchObject({ orders: 3, created: 2, invalid: 1 })
    const invalid = result.report.orders[1]
    expect(invalid).toMatchObject({ order_number: 'IV-1', outcome: 'invalid', status: null, rows: [4, 5] })
    expect(invalid.errors[0]).toMatchObject({ row: 4, column: 'item_cost' })
    expect(storedTimes('IV-1')).toBe(0)
  })

  it('records an order Teak refuses as rejected, with its status and reason', async () => {
    // A well-formed token the sandbox never issued: read fine locally, refused by Teak.
    const orders = backlog('RJ', 1, () => ({ quote_token: quoteToken({ opt_in: true }) }))
    const result = await run(orders)
    expect(result.report.orders[0]).toMatchObject({ outcome: 'rejected', status: 400 })
    expect(result.report.orders[0].errors.length).toBeGreaterThan(0)
    expect(storedTimes('RJ-0')).toBe(0)
  })

  it('never sends again an order Teak already holds, and reports it from the journal with its policies', async () => {
    const env = nextEnvironment()
    const orders = backlog('RE', 3)
    const first = await run(orders, { environment: env })
    const before = sandbox.requests().length
    const second = await run(orders, { environment: env })
    expect(sandbox.requests().length).toBe(before)
    expect(second.alreadyAtTeak).toBe(3)
    expect(second.report.orders).toEqual(first.report.orders)
    expect(second.report.orders[0].policies).toHaveLength(2)
  })

  it('resends an in-doubt order and records the duplicate answer as already_submitted', async () => {
    const env = nextEnvironment()
    const [order] = backlog('ID', 1)
    // Teak has the order, but the process that sent it died before journaling the answer.
    journal.recordIntent({
      kind: 'order',
      source: 'import',
      environment: env,
      orderNumber: order.orderNumber,
      request: order.request
    })
    await client.createOrder(order.request!)
    const result = await run([order], { environment: env })
    expect(result.report.orders[0]).toMatchObject({ outcome: 'already_submitted', status: 409 })
    expect(storedTimes(order.orderNumber)).toBe(1)
    expect(journal.inDoubt({ environment: env })).toEqual([])
  })

  it('ends an order whose every attempt got a 5xx in doubt (Teak may have done it), and "retry failed" resends it', async () => {
    const env = nextEnvironment()
    const orders = backlog('RF', 2)
    await run([orders[0]], { environment: env })
    sandbox.setFaults({ failRate: 1, paths: ['/api/v2/orders'] })
    const failing = await run([orders[1]], {
      environment: env,
      retry: { maxAttempts: 2, baseMs: 1, capMs: 1 }
    })
    expect(failing.report.orders[0]).toMatchObject({ outcome: 'in_doubt', sent_by_run: failing.runId })
    expect(failing.report.orders[0].errors[0].message).toMatch(
      /server error \(503\).*Teak may still have carried it out/
    )
    expect(journal.latestOutcomeFor(env, 'RF-1')).toBe('in_doubt')
    expect(journal.inDoubt({ environment: env }).map((op) => op.orderNumber)).toEqual(['RF-1'])

    sandbox.setFaults(NO_FAULTS)
    const notInFile = backlog('RF-new', 1)
    const retried = await run([...orders, ...notInFile], { environment: env, onlyFailed: true })
    expect(retried.report.orders[1].outcome).toBe('created')
    expect(retried.report.orders.map((o) => o.order_number)).toEqual(['RF-0', 'RF-1'])
    expect(storedTimes('RF-0')).toBe(1)
    expect(storedTimes('RF-1')).toBe(1)
    expect(storedTimes('RF-new-0')).toBe(0)
  })

  it('ends an order it could never send (no access token) as failed: Teak did not get it', async () => {
    const env = nextEnvironment()
    const [order] = backlog('NT', 1)
    sandbox.setFaults({ failRate: 1, paths: ['/api/v2/auth/'] })
    // A client of its own: no token minted ahead for earlier tests.
    const fresh = createTeakClient({ baseUrl: sandbox.url, credentials: DEMO_KEYS, maxRetries: 0 })
    const ordersCalls = () => sandbox.requests().filter((r) => r.path === '/api/v2/orders').length
    const callsBefore = ordersCalls()
    try {
      const result = await run([order], {
        environment: env,
        client: fresh,
        retry: { maxAttempts: 2, baseMs: 1, capMs: 1 }
      })
      expect(result.report.orders[0]).toMatchObject({ outcome: 'failed', status: null })
      expect(result.report.orders[0].errors[0].message).toMatch(
        /^Could not get an access token from Teak: .*\(Needed to create order NT-0; this attempt stopped before sending it\.\)$/
      )
      expect(journal.latestOutcomeFor(env, 'NT-0')).toBe('failed')
      expect(ordersCalls()).toBe(callsBefore)
    } finally {
      fresh.close()
    }
  })

  it('keeps at most `concurrency` orders in flight', async () => {
    sandbox.setFaults({ latencyMs: 25 })
    let inFlight = 0
    let most = 0
    const counting: TeakClient = {
      ...client,
      async createOrder(body) {
        most = Math.max(most, ++inFlight)
        try {
          return await client.createOrder(body)
        } finally {
          inFlight--
        }
      }
    }
    const result = await run(backlog('CC', 12), { client: counting, concurrency: 3 })
    expect(result.report.summary.orders).toBe(12)
    expect(most).toBe(3)
  })

  it("waits out Teak's Retry-After (all workers) instead of spending its attempts", async () => {
    const patient = createTeakClient({
      baseUrl: sandbox.url,
      credentials: DEMO_KEYS,
      maxRetries: 0,
      tokenReuse: true
    })
    sandbox.setFaults({ rateLimit: 3 })
    rateClock.overflow(3)
    try {
      // Four quick attempts would all fall in one rate-limit window if Retry-After (1 s) were ignored.
      const result = await run(backlog('RA', 6), {
        client: patient,
        concurrency: 4,
        retry: { maxAttempts: 4, baseMs: 5, capMs: 10 }
      })
      expect(result.report.summary).toMatchObject({ orders: 6, failed: 0 })
      expect(sandbox.requests().some((request) => request.status === 429)).toBe(true)
    } finally {
      patient.close()
    }
  })

  it('on cancel lets orders in flight finish, leaves the run unfinished, and a resume completes it', async () => {
    sandbox.setFaults({ latencyMs: 30 })
    const env = nextEnvironment()
    const orders = backlog('CA', 20)
    const control = new ImportControl()
    const seen: ImportProgress[] = []
    const first = await run(orders, {
      environment: env,
      concurrency: 2,
      control,
      onProgress: (progress) => {
        seen.push(progress)
        if (progress.done === 4) control.cancel()
      }
    })
    expect(first.complete).toBe(false)
    // The two workers' orders in flight when cancel came were finished, not dropped.
    expect(first.report.summary.orders).toBeGreaterThanOrEqual(4)
    expect(first.report.summary.orders).toBeLessThan(20)
    expect(journal.inDoubt({ environment: env })).toEqual([])
    expect(journal.unfinishedImportRuns().map((r) => r.id)).toContain(first.runId)
    expect(seen.at(-1)).toMatchObject({ total: 20, done: first.report.summary.orders })

    const resumed = await run(orders, { environment: env, runId: first.runId })
    expect(resumed).toMatchObject({ runId: first.runId, complete: true })
    expect(resumed.report.summary.orders).toBe(20)
    expect(journal.importRunProgress(first.runId).ending).toBe('completed')
    for (const order of orders) expect(storedTimes(order.orderNumber)).toBe(order.optIn ? 1 : 0)
  })

  it('pauses between orders and carries on after resume', async () => {
    sandbox.setFaults({ latencyMs: 10 })
    const control = new ImportControl()
    const progress: number[] = []
    const orders = backlog('PA', 6)
    const running = run(orders, {
      concurrency: 1,
      control,
      onProgress: (p) => {
        progress.push(p.done)
        if (p.done === 2) control.pause()
      }
    })
    // The worker waiting for resume, not a moment's quiet, shows that the pause took hold.
    await Promise.race([
      control.whenHolding(),
      running.then(() => {
        throw new Error('The import ran to its end without pausing.')
      })
    ])
    expect(progress.at(-1)).toBe(2)
    expect(orders.filter((order) => storedTimes(order.orderNumber) > 0).map((o) => o.orderNumber)).toEqual([
      'PA-0',
      'PA-1'
    ])
    control.resume()
    const result = await running
    expect(result.complete).toBe(true)
    expect(progress.at(-1)).toBe(6)
  })
})

import { join } from 'node:path'
import type { HistoryQuery } from '../src/shared/contract/history'
import type { OrderRequest } from '../src/shared/teak/order-request'
import type { TeakOrderAnswer } from '../src/shared/teak/responses'
import { openJournal, type Journal } from '../src/main/journal/journal'
import { policySnapshotsOf } from '../src/main/orders/teak-results'
import { createTeakClient } from '../src/main/teak/client'
import { parseBacklog } from '../src/shared/import/parse-backlog'
import { DEMO_KEYS, startSandbox } from '../src/sandbox'
import { seedHistory } from '../test/main/journal/support/seed-history'
import { generatedBacklogCsv } from '../test/reliability/support/backlog-orders'
import type { Measurement } from './support/measurement'
import { median, percentile } from './support/stats'

const HISTORY_ORDERS = 100_000
const JOURNALED_ORDERS = 2000
const SEARCH_REPEATS = 20
const BENCHMARK = 'Journal'

/** Queries a person makes on the History page, by kind (the seeded history is described in seedHistory). */
const QUERIES: Record<string, Omit<HistoryQuery, 'limit'>> = {
  'no filter, first page': {},
  'order number': { text: 'HAY-054321' },
  'order number prefix': { text: 'HAY-0543' },
  'customer name': { text: 'Given54321 Family483' },
  'email prefix': { text: 'person777@mail' },
  'policy number prefix': { text: 'PLC3' },
  'one-letter prefix': { text: 'g' },
  outcome: { outcome: 'rejected' },
  'environment + source': { environment: 'sandbox', source: 'import' },
  'date range': { from: '2024-02-01T00:00:00Z', to: '2024-02-08T00:00:00Z' },
  'text + outcome': { text: 'Family483', outcome: 'created' },
  'page 200 by offset': { offset: 10_000 },
  'page 2000 by offset': { offset: 100_000 - 50 }
}

/**
 * On a real journal file holding 100,000 orders: what journaling one order costs (its intent committed
 * before the request leaves, its outcome after, with the response and policies Teak returned), and how
 * fast History searches are.
 */
export async function journalBenchmarks(workDir: string): Promise<Measurement[]> {
  const path = join(workDir, 'journal.sqlite')
  openJournal(path).close()
  seedHistory(path, HISTORY_ORDERS)
  const answered = await sandboxAnswers(JOURNALED_ORDERS)
  const journal = openJournal(path)
  try {
    const perOrder = journalOrders(journal, answered)
    const searches = searchTimes(journal)
    const all = Object.values(searches).flat()
    const slowest = Object.entries(searches).sort((a, b) => Math.max(...b[1]) - Math.max(...a[1]))[0]
    const mean = perOrder.reduce((sum, ms) => sum + ms, 0) / perOrder.length
    return [
      {
        benchmark: BENCHMARK,
        metric: `journaling one order (intent + outcome), mean of ${JOURNALED_ORDERS.toLocaleString('en-US')}`,
        value: mean,
        unit: 'ms',
        target: { atMost: 1 },
        note: `p50 ${median(perOrder).toFixed(3)} ms, p99 ${percentile(perOrder, 0.99).toFixed(3)} ms, on a journal of ${HISTORY_ORDERS.toLocaleString('en-US')} orders`
      },
      {
        benchmark: BENCHMARK,
        metric: `History search over ${HISTORY_ORDERS.toLocaleString('en-US')} orders: p50`,
        value: median(all),
        unit: 'ms',
        target: { atMost: 50 },
        note: `${Object.keys(QUERIES).length} query kinds × ${SEARCH_REPEATS}, 50 rows a page, total counted`
      },
      {
        benchmark: BENCHMARK,
        metric: `History search over ${HISTORY_ORDERS.toLocaleString('en-US')} orders: max`,
        value: Math.max(...all),
        unit: 'ms',
        target: { atMost: 50 },
        note: `slowest kind: ${slowest[0]}`
      }
    ]
  } finally {
    journal.close()
  }
}

interface Answered {
  request: OrderRequest
  order: TeakOrderAnswer
}

/** Real answers to journal: the orders created at an in-process sandbox, as the import would get them. */
async function sandboxAnswers(count: number): Promise<Answered[]> {
  const sandbox = await startSandbox()
  const client = createTeakClient({ baseUrl: sandbox.url, credentials: DEMO_KEYS, tokenReuse: true })
  try {
    const csv = generatedBacklogCsv({
      orders: count,
      itemsPerOrder: 2,
      prefix: 'JRN',
      quoteToken: sandbox.mintQuoteToken({ opt_in: true })
    })
    const answered: Answered[] = []
    for (const { request } of parseBacklog(csv).orders) {
      const result = await client.createOrder(request!)
      if (result.kind !== 'created') throw new Error(`The sandbox did not create ${request!.order_number}.`)
      answered.push({ request: request!, order: result.value })
    }
    return answered
  } finally {
    client.close()
    await sandbox.close()
  }
}

/** Milliseconds each order's intent and outcome took to commit, as `sendOrderOnce` writes them. */
function journalOrders(journal: Journal, answered: readonly Answered[]): number[] {
  return answered.map(({ request, order }) => {
    const started = performance.now()
    const operationId = journal.recordIntent({
      kind: 'order',
      source: 'import',
      environment: 'local',
      orderNumber: request.order_number,
      request,
      csvRows: [2, 3]
    })
    journal.recordOutcome(operationId, {
      outcome: 'created',
      httpStatus: 201,
      response: order,
      teakOrderId: order.protecht_order_id,
      policies: policySnapshotsOf(order)
    })
    return performance.now() - started
  })
}

function searchTimes(journal: Journal): Record<string, number[]> {
  const times: Record<string, number[]> = {}
  for (let repeat = 0; repeat < SEARCH_REPEATS; repeat++) {
    for (const [kind, query] of Object.entries(QUERIES)) {
      const started = performance.now()
      const page = journal.search({ ...query, limit: 50 })
      const ms = performance.now() - started
      if (page.total === 0)
        throw new Error(`The "${kind}" search found nothing; the benchmark measures nothing.`)
      ;(times[kind] ??= []).push(ms)
    }
  }
  return times
}

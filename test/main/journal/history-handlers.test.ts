import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { AppError } from '../../../src/shared/contract'
import { historyMethods } from '../../../src/shared/contract/history'
import { historyHandlers } from '../../../src/main/ipc/history-handlers'
import { openJournal } from '../../../src/main/journal/journal'
import { steppingClock, useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

describe('history handlers', () => {
  const journalPath = useJournalPath()

  function setUp() {
    const journal = openJournal(journalPath(), { now: steppingClock() })
    const created = journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: 'H-1',
      request: orderBody('H-1')
    })
    journal.recordOutcome(created, {
      outcome: 'created',
      httpStatus: 201,
      response: { order_number: 'H-1' },
      policies: [{ policyNumber: 'ORAAS-H1', itemReference: 'H-1-FLOOR', status: 'Issued' }]
    })
    journal.recordIntent({
      kind: 'order',
      source: 'import',
      environment: 'local',
      orderNumber: 'H-2',
      request: orderBody('H-2'),
      csvRows: [7]
    })
    const handlers = historyHandlers({ journal, now: () => new Date('2027-03-02T08:00:00Z') })
    return { journal, handlers }
  }

  /** What the dispatcher does: parse the input, call the handler, parse the output against the contract. */
  async function call<M extends keyof typeof historyMethods>(
    handlers: ReturnType<typeof historyHandlers>,
    name: M,
    input: unknown
  ): Promise<z.output<(typeof historyMethods)[M]['output']>> {
    const spec = historyMethods[name]
    const handler = handlers[name] as (input: unknown) => unknown
    return spec.output.parse(await handler(spec.input.parse(input))) as z.output<
      (typeof historyMethods)[M]['output']
    >
  }

  it('answer every method with output that satisfies the contract', async () => {
    const { journal, handlers } = setUp()
    const page = await call(handlers, 'history.search', { text: 'h-1' })
    expect(page).toMatchObject({
      total: 1,
      nextCursor: null,
      rows: [{ orderNumber: 'H-1', outcome: 'created' }]
    })

    const detail = await call(handlers, 'history.detail', { environment: 'local', orderNumber: 'H-1' })
    expect(detail).toMatchObject({
      order: { orderNumber: 'H-1' },
      timeline: [{ kind: 'order', response: { order_number: 'H-1' } }]
    })

    const inDoubt = await call(handlers, 'history.inDoubt', {})
    expect(inDoubt).toMatchObject([{ orderNumber: 'H-2', csvRows: [7], outcome: null }])

    const file = await call(handlers, 'history.export', { format: 'csv', filter: { outcome: 'in_doubt' } })
    expect(file.fileName).toBe('teak-history-2027-03-02T08-00-00Z.csv')
    expect(file.content.split('\r\n').filter(Boolean)).toHaveLength(2)
    journal.close()
  })

  it('reports an unknown order as not found', () => {
    const { journal, handlers } = setUp()
    let error: unknown
    try {
      handlers['history.detail']({ environment: 'sandbox', orderNumber: 'H-1' })
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).toShape()).toEqual({
      code: 'not_found',
      message: 'Teak Desk has no order "H-1" in sandbox in its history.'
    })
    journal.close()
  })

  it('refuses a page asked for by offset and cursor at once', () => {
    const result = historyMethods['history.search'].input.safeParse({ offset: 50, cursor: '10' })
    expect(result.error?.issues).toMatchObject([
      { path: ['cursor'], message: 'Give either an offset or a cursor, not both.' }
    ])
  })
})

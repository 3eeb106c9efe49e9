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

  it('sorts by a column on the server, pages by offset, and keeps newest first as the cursor order', async () => {
    const { journal, handlers } = setUp()
    for (const [orderNumber, first, last] of [
      ['H-3', 'adam', 'Zeller'],
      ['h-0', 'Berta', 'Young'],
      ['H-10', 'Carl', 'Xu']
    ] as const) {
      journal.recordIntent({
        kind: 'order',
        source: 'form',
        environment: 'local',
        orderNumber,
        request: orderBody(orderNumber, { customer: { first_name: first, last_name: last, email: 'x@e.x' } })
      })
    }
    const numbers = async (input: object) =>
      (await call(handlers, 'history.search', input)).rows.map((row) => row.orderNumber)

    expect(await numbers({})).toEqual(['H-10', 'h-0', 'H-3', 'H-2', 'H-1'])
    expect(await numbers({ sort: { by: 'orderNumber', direction: 'asc' } })).toEqual([
      'h-0',
      'H-1',
      'H-10',
      'H-2',
      'H-3'
    ])
    expect(await numbers({ sort: { by: 'customer', direction: 'asc' } })).toEqual([
      'H-3',
      'h-0',
      'H-10',
      'H-2',
      'H-1'
    ])
    // Page two of a sort continues where page one stopped, with the same total.
    const second = await call(handlers, 'history.search', {
      sort: { by: 'orderNumber', direction: 'desc' },
      limit: 2,
      offset: 2
    })
    expect(second).toMatchObject({ total: 5, nextCursor: null })
    expect(second.rows.map((row) => row.orderNumber)).toEqual(['H-10', 'H-1'])
    // A text filter answered by the search index sorts as well.
    expect(await numbers({ text: 'floor', sort: { by: 'orderNumber', direction: 'desc' } })).toEqual([
      'H-3',
      'H-2',
      'H-10',
      'H-1',
      'h-0'
    ])
    expect(
      historyMethods['history.search'].input.safeParse({
        cursor: '4',
        sort: { by: 'outcome', direction: 'asc' }
      }).error?.issues[0]?.message
    ).toBe('A cursor pages newest first only; use an offset with another sort.')
    journal.close()
  })

  it('exports the selected orders in the order given, through the same guarded CSV', async () => {
    const { journal, handlers } = setUp()
    const file = await call(handlers, 'history.exportSelected', {
      format: 'csv',
      orders: [
        { environment: 'local', orderNumber: 'H-2' },
        { environment: 'local', orderNumber: 'NOT-THERE' },
        { environment: 'local', orderNumber: 'H-1' }
      ]
    })
    const lines = file.content.split('\r\n').filter(Boolean)
    expect(lines.map((line) => line.split(',')[1])).toEqual(['Order number', 'H-2', 'H-1'])
    expect(file.fileName).toBe('teak-history-2027-03-02T08-00-00Z.csv')
    const json = await call(handlers, 'history.exportSelected', {
      format: 'json',
      orders: [{ environment: 'local', orderNumber: 'H-1' }]
    })
    expect(JSON.parse(json.content)).toMatchObject([
      { orderNumber: 'H-1', policies: [{ policyNumber: 'ORAAS-H1', status: 'Issued' }] }
    ])
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

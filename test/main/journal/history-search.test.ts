import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryFilter } from '../../../src/shared/contract/history'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'
import { seedHistory } from './support/seed-history'

const HAYSTACK = 100_000

describe('History search over 100,000 orders', () => {
  const journalPath = useJournalPath()
  let journal: Journal

  const find = (filter: HistoryFilter) =>
    journal.search({ ...filter, limit: 20 }).rows.map((row) => row.orderNumber)
  const total = (filter: HistoryFilter) => journal.search({ ...filter, limit: 1 }).total

  beforeAll(() => {
    const filePath = journalPath()
    openJournal(filePath).close()
    seedHistory(filePath, HAYSTACK)
    journal = openJournal(filePath)
    // Two needles journaled through the API after the haystack: one created, one still in doubt.
    const needle = journal.recordIntent({
      kind: 'order',
      source: 'import',
      environment: 'sandbox',
      orderNumber: 'NEEDLE-7',
      request: orderBody('NEEDLE-7', {
        customer: { first_name: 'Ottilie', last_name: 'Vasquez-Brandt', email: 'ottilie@brandt.example' },
        items: [{ name: 'Box seat', reference_number: 'QZX-99-A', cost: '310.00' }]
      })
    })
    journal.recordOutcome(needle, {
      outcome: 'created',
      policies: [{ policyNumber: 'ZZTOP-8K2M4N6P0Q', itemReference: 'QZX-99-A', status: 'Issued' }]
    })
    journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: 'DOUBT-1',
      request: orderBody('DOUBT-1')
    })
  })
  afterAll(() => journal.close())

  it('finds an order by its number', () => {
    expect(find({ text: 'HAY-054321' })).toEqual(['HAY-054321'])
    expect(find({ text: 'needle-7' })).toEqual(['NEEDLE-7'])
  })

  it('finds an order by customer name, accents and case aside, and by the start of a name', () => {
    expect(find({ text: 'Given54321 Family483' })).toEqual(['HAY-054321'])
    expect(find({ text: 'ottil' })).toEqual(['NEEDLE-7'])
    expect(find({ text: 'vasquez brandt' })).toEqual(['NEEDLE-7'])
    expect(find({ text: 'ZOE QUIGLEY' })).toEqual(['DOUBT-1'])
  })

  it('finds an order by email', () => {
    expect(find({ text: 'person54321@mail21.test' })).toEqual(['HAY-054321'])
    expect(find({ text: 'ottilie@brandt.example' })).toEqual(['NEEDLE-7'])
  })

  it('finds an order by item reference number', () => {
    expect(find({ text: 'SKU-054322-B' })).toEqual(['HAY-054322'])
    expect(find({ text: 'QZX-99-A' })).toEqual(['NEEDLE-7'])
  })

  it('finds an order by policy number', () => {
    const [policy] = journal.orderDetail('local', 'HAY-054322')!.order.policies
    expect(find({ text: policy!.policyNumber })).toEqual(['HAY-054322'])
    expect(find({ text: 'ZZTOP-8K2M4N6P0Q' })).toEqual(['NEEDLE-7'])
  })

  it('filters by environment, outcome, source and first-seen time, alone and combined', () => {
    expect(total({})).toBe(HAYSTACK + 2)
    expect(total({ environment: 'sandbox' })).toBe(HAYSTACK / 4 + 1)
    expect(total({ outcome: 'rejected' })).toBe(HAYSTACK / 5)
    expect(total({ outcome: 'in_doubt' })).toBe(1)
    expect(total({ source: 'import' })).toBe(Math.floor(HAYSTACK / 3) + 1)
    // Order i was first seen i minutes after 2024-01-01: the second day holds i = 1440 … 2879.
    expect(total({ from: '2024-01-02T00:00:00Z', to: '2024-01-03T00:00:00Z' })).toBe(1440)
    expect(total({ from: '2024-01-02T01:00:00+01:00', to: '2024-01-02T00:02:00Z' })).toBe(2)
    // sandbox (i % 4 = 0), rejected (i % 5 = 0) and imported (i % 3 = 0): i % 60 = 0.
    expect(total({ environment: 'sandbox', outcome: 'rejected', source: 'import' })).toBe(
      Math.floor(HAYSTACK / 60)
    )
    const combined = journal.search({
      text: 'family12',
      environment: 'sandbox',
      outcome: 'rejected',
      limit: 500
    })
    expect(combined.total).toBe(combined.rows.length)
    expect(combined.total).toBeGreaterThan(0)
    for (const row of combined.rows) {
      expect(row).toMatchObject({
        environment: 'sandbox',
        outcome: 'rejected',
        customerName: expect.stringMatching(/ Family12\d*$/)
      })
    }
    expect(find({ text: 'ottilie', environment: 'local' })).toEqual([])
  })

  it('lists newest first and ignores text without letters or digits', () => {
    expect(find({}).slice(0, 3)).toEqual(['DOUBT-1', 'NEEDLE-7', 'HAY-100000'])
    expect(total({ text: ' -- @ ' })).toBe(HAYSTACK + 2)
  })

  it('pages by offset and by cursor alike, without overlap, to a last page', () => {
    const filter: HistoryFilter = { environment: 'sandbox', outcome: 'rejected' }
    const byOffset = [0, 1, 2].map((page) => journal.search({ ...filter, limit: 50, offset: page * 50 }))
    const byCursor = [journal.search({ ...filter, limit: 50 })]
    for (let page = 1; page < 3; page++) {
      byCursor.push(journal.search({ ...filter, limit: 50, cursor: byCursor[page - 1]!.nextCursor! }))
    }
    const numbers = (pages: typeof byOffset) =>
      pages.flatMap((page) => page.rows.map((row) => row.orderNumber))
    expect(numbers(byCursor)).toEqual(numbers(byOffset))
    expect(new Set(numbers(byOffset)).size).toBe(150)
    expect(numbers(byOffset).slice(0, 3)).toEqual(['HAY-100000', 'HAY-099980', 'HAY-099960'])
    expect(byOffset.every((page) => page.total === HAYSTACK / 20)).toBe(true)

    const last = journal.search({ ...filter, limit: 50, offset: HAYSTACK / 20 - 10 })
    expect(last.rows.map((row) => row.orderNumber).at(-1)).toBe('HAY-000020')
    expect(last.rows).toHaveLength(10)
    expect(last.nextCursor).toBeNull()
  })
})

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openJournal } from '../../../src/main/journal/journal'
import { ftsQuery, SEARCH_BATCH } from '../../../src/main/journal/search-index'
import { useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

describe('ftsQuery', () => {
  it('asks for every word as a word start, quoting away FTS5 syntax', () => {
    expect(ftsQuery('ORD-0042')).toBe('"ORD"* "0042"*')
    expect(ftsQuery('john.doe@example.com')).toBe('"john"* "doe"* "example"* "com"*')
    expect(ftsQuery('a"b OR c*')).toBe('"a"* "b"* "OR"* "c"*')
    expect(ftsQuery('Zoë')).toBe('"Zoë"*')
    expect(ftsQuery(' -- @ ')).toBeNull()
  })
})

describe('the search index', () => {
  const journalPath = useJournalPath()

  it('is brought up to date by the write path in batches, and before every search', () => {
    const filePath = journalPath()
    const journal = openJournal(filePath)
    const waiting = new Database(filePath, { readonly: true }).prepare<[], number>(
      'SELECT count(*) FROM search_pending'
    )
    waiting.pluck()
    const count = SEARCH_BATCH + 5
    for (let n = 1; n <= count; n++) {
      const orderNumber = `B-${n}`
      const id = journal.recordIntent({
        kind: 'order',
        source: 'import',
        environment: 'local',
        orderNumber,
        request: orderBody(orderNumber)
      })
      journal.recordOutcome(id, {
        outcome: 'created',
        policies: [{ policyNumber: `POL-${n}`, status: 'Issued' }]
      })
      expect(waiting.get()).toBeLessThan(SEARCH_BATCH)
    }
    expect(waiting.get()).toBeGreaterThan(0)

    expect(journal.search({ text: 'zoe', limit: 1 }).total).toBe(count)
    expect(journal.search({ text: `POL-${count}`, limit: 5 }).rows.map((row) => row.orderNumber)).toEqual([
      `B-${count}`
    ])
    expect(waiting.get()).toBe(0)
    waiting.database.close()
    journal.close()
  })
})

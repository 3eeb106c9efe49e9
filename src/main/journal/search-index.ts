import type { Database } from 'better-sqlite3'

/** A search box query as FTS5 syntax; null when the text has no letters or digits to look for. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}\p{M}]+/gu)
  // Every word must appear, each as the start of a word, so partly typed names and numbers match.
  return words ? words.map((word) => `"${word}"*`).join(' ') : null
}

/**
 * How many changed orders may wait before the write path re-indexes them. FTS5 pays about 0.2–0.3 ms per
 * committing transaction on a 100,000-order index however little it indexes, which alone would blow the
 * 1 ms budget of a journaled order (intent + outcome); re-indexing in batches pays it once per batch. The
 * batch also bounds what a search may have to index first (a few milliseconds).
 */
export const SEARCH_BATCH = 128

/**
 * Keeps `order_search` (one entry per order, built by the `order_search_text` view) in step with orders,
 * items and policies. Writers mark an order stale inside their own transaction; stale entries are rebuilt
 * together before any search and, inside a write's transaction, whenever a batch's worth has gathered, so
 * a search never sees stale text and a failed rebuild rolls back with the write that triggered it.
 */
export interface SearchIndex {
  markStale(orderId: number): void
  /** Rebuilds the stale entries if at least `minimumStale` orders wait. */
  catchUp(minimumStale?: number): void
}

export function searchIndex(db: Database): SearchIndex {
  const markStale = db.prepare<[number]>('INSERT OR IGNORE INTO search_pending (order_id) VALUES (?)')
  const staleCount = db.prepare<[], number>('SELECT count(*) FROM search_pending').pluck()
  const removeStale = db.prepare(
    'DELETE FROM order_search WHERE rowid IN (SELECT order_id FROM search_pending)'
  )
  const insertFresh = db.prepare(
    `INSERT INTO order_search (rowid, order_number, customer, items, policies)
     SELECT id, order_number, customer, items, policies FROM order_search_text
     WHERE id IN (SELECT order_id FROM search_pending)`
  )
  const clearStale = db.prepare('DELETE FROM search_pending')
  const rebuildStale = db.transaction(() => {
    removeStale.run()
    insertFresh.run()
    clearStale.run()
  })

  return {
    markStale(orderId) {
      markStale.run(orderId)
    },
    catchUp(minimumStale = 1) {
      // Another connection may catch up first; the rebuild then finds nothing to do.
      if (staleCount.get()! >= minimumStale) rebuildStale.immediate()
    }
  }
}

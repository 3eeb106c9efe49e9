import type { Database, Statement } from 'better-sqlite3'
import type { HistoryFilter, HistoryPage, HistoryQuery, HistoryRow } from '../../shared/contract/history'
import { HISTORY_ROW_COLUMNS, toHistoryRow, type HistoryRowRecord } from './history-rows'
import { ftsQuery, type SearchIndex } from './search-index'

export interface HistorySearch {
  /**
   * One page of orders matching the filter, newest first, with the number of all matches. A `cursor` (the
   * previous page's `nextCursor`) takes the page after it; otherwise `offset` rows are skipped.
   */
  search(query: HistoryQuery): HistoryPage
  /** Every order matching the filter, newest first: what an export writes. */
  exportRows(filter: HistoryFilter): HistoryRow[]
}

interface FilterSql {
  from: string
  conditions: string[]
  /** The order id column of the FROM: FTS5 yields matches in rowid order, so sorting on it costs nothing. */
  idColumn: string
  params: Record<string, string>
}

const EQUALITY_FILTERS = [
  ['environment', 'o.environment'],
  ['outcome', 'o.outcome'],
  ['source', 'o.source']
] as const

/**
 * The FROM and WHERE of a History query. Text matches whole words or their beginnings in the order number,
 * customer name or email, item reference numbers and policy numbers; text without letters or digits filters
 * nothing. `from`/`to` bound when the order was first seen, normalised to the stored ISO form.
 */
function filterSql(filter: HistoryFilter): FilterSql {
  const conditions: string[] = []
  const params: Record<string, string> = {}
  for (const [key, column] of EQUALITY_FILTERS) {
    const value = filter[key]
    if (value) {
      conditions.push(`${column} = @${key}`)
      params[key] = value
    }
  }
  if (filter.from) {
    conditions.push('o.first_seen_at >= @from')
    params.from = new Date(filter.from).toISOString()
  }
  if (filter.to) {
    conditions.push('o.first_seen_at < @to')
    params.to = new Date(filter.to).toISOString()
  }
  const match = filter.text ? ftsQuery(filter.text) : null
  if (!match) return { from: 'orders o', conditions, idColumn: 'o.id', params }
  // Text alone is answered by the index alone: joining every match to its order would double a count's cost.
  return {
    from: conditions.length ? 'order_search s JOIN orders o ON o.id = s.rowid' : 'order_search s',
    conditions: ['s.order_search MATCH @match', ...conditions],
    idColumn: 's.rowid',
    params: { ...params, match }
  }
}

function whereOf(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
}

/**
 * History rows for the chosen order ids. The ids are chosen first so the row columns are computed only for
 * the rows returned; CROSS JOIN keeps SQLite from scanning every order to join the chosen ones to.
 */
function rowsSql({ from, conditions, idColumn }: FilterSql, limit: string): string {
  return `WITH chosen AS (SELECT ${idColumn} AS id FROM ${from} ${whereOf(conditions)}
                          ORDER BY ${idColumn} DESC ${limit})
          SELECT o.id, ${HISTORY_ROW_COLUMNS} FROM chosen CROSS JOIN orders o ON o.id = chosen.id
          ORDER BY o.id DESC`
}

export function historySearch(db: Database, index: SearchIndex): HistorySearch {
  // A filter's shape (which fields are set) decides its SQL; the few shapes in use are prepared once each.
  const statements = new Map<string, Statement>()
  const prepared = (sql: string): Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }

  return {
    search({ limit, offset = 0, cursor, ...filter }) {
      index.catchUp()
      const sql = filterSql(filter)
      const total = prepared(`SELECT count(*) FROM ${sql.from} ${whereOf(sql.conditions)}`)
        .pluck()
        .get(sql.params)
      const page =
        cursor === undefined ? sql : { ...sql, conditions: [...sql.conditions, `${sql.idColumn} < @cursor`] }
      // One row more than asked tells whether a page follows.
      const records = prepared(rowsSql(page, 'LIMIT @take OFFSET @skip')).all({
        ...sql.params,
        cursor: cursor === undefined ? null : Number(cursor),
        take: limit + 1,
        skip: cursor === undefined ? offset : 0
      }) as (HistoryRowRecord & { id: number })[]
      const rows = records.slice(0, limit)
      return {
        rows: rows.map(toHistoryRow),
        total: total as number,
        nextCursor: records.length > limit ? String(rows[rows.length - 1]!.id) : null
      }
    },
    exportRows(filter) {
      index.catchUp()
      const sql = filterSql(filter)
      return (prepared(rowsSql(sql, '')).all(sql.params) as HistoryRowRecord[]).map(toHistoryRow)
    }
  }
}

import type { Database, Statement } from 'better-sqlite3'
import {
  isDefaultSort,
  type HistoryFilter,
  type HistoryPage,
  type HistoryQuery,
  type HistoryRow,
  type HistorySort,
  type HistorySortColumn,
  type OrderKey
} from '../../shared/contract/history'
import { HISTORY_ROW_COLUMNS, toHistoryRow, type HistoryRowRecord } from './history-rows'
import { ftsQuery, type SearchIndex } from './search-index'

export interface HistorySearch {
  /**
   * One page of orders matching the filter, newest first unless `sort` says otherwise, with the number of
   * all matches. A `cursor` (the previous page's `nextCursor`) takes the page after it; otherwise `offset`
   * rows are skipped.
   */
  search(query: HistoryQuery): HistoryPage
  /** Every order matching the filter, newest first unless `sort` says otherwise: what an export writes. */
  exportRows(filter: HistoryFilter, sort?: HistorySort): HistoryRow[]
  /** The named orders, in the order given; orders the journal does not hold are left out. */
  rowsOf(orders: readonly OrderKey[]): HistoryRow[]
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

/**
 * The sort key of each column. Text sorts without regard to case; orders without a customer come last either
 * way; ties keep newest first, so pages never overlap.
 */
const SORT_KEYS: Readonly<Record<HistorySortColumn, string>> = {
  orderNumber: 'o.order_number COLLATE NOCASE',
  environment: 'o.environment COLLATE NOCASE',
  outcome: 'o.outcome',
  source: 'o.source',
  customer: 'coalesce(o.customer_name, o.customer_email) COLLATE NOCASE',
  firstSeen: 'o.id',
  lastActivity: 'o.last_activity_at'
}

function orderBySql(sort: HistorySort | undefined, idColumn: string): string {
  if (!sort || isDefaultSort(sort)) return `${idColumn} DESC`
  const key = SORT_KEYS[sort.by]
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC'
  const nullsLast = sort.by === 'customer' ? `(${key.replace(/ COLLATE NOCASE$/, '')}) IS NULL, ` : ''
  return `${nullsLast}${key} ${direction}, o.id DESC`
}

/** A sort on an order column needs the orders table in the FROM, also when the index alone would answer. */
function joinedForSort(sql: FilterSql, sort: HistorySort | undefined): FilterSql {
  if (isDefaultSort(sort) || sql.from !== 'order_search s') return sql
  return { ...sql, from: 'order_search s JOIN orders o ON o.id = s.rowid' }
}

function whereOf(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
}

/**
 * History rows for the chosen order ids. The ids are chosen first so the row columns are computed only for
 * the rows returned; CROSS JOIN keeps SQLite from scanning every order to join the chosen ones to.
 */
function rowsSql(
  { from, conditions, idColumn }: FilterSql,
  limit: string,
  sort: HistorySort | undefined
): string {
  return `WITH chosen AS (SELECT ${idColumn} AS id FROM ${from} ${whereOf(conditions)}
                          ORDER BY ${orderBySql(sort, idColumn)} ${limit})
          SELECT o.id, ${HISTORY_ROW_COLUMNS} FROM chosen CROSS JOIN orders o ON o.id = chosen.id
          ORDER BY ${orderBySql(sort, 'o.id')}`
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

  const oneRow = db.prepare<[string, string], HistoryRowRecord>(
    `SELECT ${HISTORY_ROW_COLUMNS} FROM orders o WHERE o.environment = ? AND o.order_number = ?`
  )

  return {
    search({ limit, offset = 0, cursor, sort, ...filter }) {
      index.catchUp()
      const sql = joinedForSort(filterSql(filter), sort)
      const total = prepared(`SELECT count(*) FROM ${sql.from} ${whereOf(sql.conditions)}`)
        .pluck()
        .get(sql.params)
      const page =
        cursor === undefined ? sql : { ...sql, conditions: [...sql.conditions, `${sql.idColumn} < @cursor`] }
      // One row more than asked tells whether a page follows.
      const records = prepared(rowsSql(page, 'LIMIT @take OFFSET @skip', sort)).all({
        ...sql.params,
        cursor: cursor === undefined ? null : Number(cursor),
        take: limit + 1,
        skip: cursor === undefined ? offset : 0
      }) as (HistoryRowRecord & { id: number })[]
      const rows = records.slice(0, limit)
      return {
        rows: rows.map(toHistoryRow),
        total: total as number,
        nextCursor: records.length > limit && isDefaultSort(sort) ? String(rows[rows.length - 1]!.id) : null
      }
    },
    exportRows(filter, sort) {
      index.catchUp()
      const sql = joinedForSort(filterSql(filter), sort)
      return (prepared(rowsSql(sql, '', sort)).all(sql.params) as HistoryRowRecord[]).map(toHistoryRow)
    },
    rowsOf(orders) {
      return orders.flatMap(({ environment, orderNumber }) => {
        const record = oneRow.get(environment, orderNumber)
        return record ? [toHistoryRow(record)] : []
      })
    }
  }
}

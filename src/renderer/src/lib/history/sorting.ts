import type { HistorySort, HistorySortColumn } from '../../../../shared/contract/history'

/** Columns whose natural first look is the latest: a first click sorts them newest first. */
const NEWEST_FIRST: readonly HistorySortColumn[] = ['firstSeen', 'lastActivity']

/** The sort after a click on `column`'s header: the same column turns around, another starts afresh. */
export function nextSort(current: HistorySort, column: HistorySortColumn): HistorySort {
  if (current.by === column) {
    return { by: column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  }
  return { by: column, direction: NEWEST_FIRST.includes(column) ? 'desc' : 'asc' }
}

/** The header's aria-sort: only the sorted column carries one. */
export function ariaSortOf(
  sort: HistorySort,
  column: HistorySortColumn
): 'ascending' | 'descending' | undefined {
  if (sort.by !== column) return undefined
  return sort.direction === 'asc' ? 'ascending' : 'descending'
}

/** "Orders, sorted by customer, A to Z", for the table's caption. */
export function sortCaption(sort: HistorySort, labels: Readonly<Record<HistorySortColumn, string>>): string {
  const dates = NEWEST_FIRST.includes(sort.by)
  const order = dates
    ? sort.direction === 'desc'
      ? 'newest first'
      : 'oldest first'
    : sort.direction === 'asc'
      ? 'A to Z'
      : 'Z to A'
  return `Orders, sorted by ${labels[sort.by].toLowerCase()}, ${order}`
}

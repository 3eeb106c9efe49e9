import type { HistoryRow, OrderKey } from '../../../../shared/contract/history'

/** The orders ticked on the History list, kept across pages until the search changes. */
export type Selection = ReadonlyMap<string, HistoryRow>

export const NO_SELECTION: Selection = new Map()

export function keyOf(row: Pick<HistoryRow, 'environment' | 'orderNumber'>): string {
  return `${row.environment}\u0000${row.orderNumber}`
}

/** The selection with `rows` ticked (`on`) or unticked. */
export function withRows(selection: Selection, rows: readonly HistoryRow[], on: boolean): Selection {
  const next = new Map(selection)
  for (const row of rows) {
    if (on) next.set(keyOf(row), row)
    else next.delete(keyOf(row))
  }
  return next
}

/** How much of the page is ticked, for its "select all" box (mixed shows as indeterminate). */
export function pageTicks(selection: Selection, rows: readonly HistoryRow[]): 'all' | 'some' | 'none' {
  const ticked = rows.filter((row) => selection.has(keyOf(row))).length
  if (ticked === 0) return 'none'
  return ticked === rows.length ? 'all' : 'some'
}

/** The selected orders as "Export selected" names them. */
export function orderKeysOf(selection: Selection): OrderKey[] {
  return [...selection.values()].map(({ environment, orderNumber }) => ({ environment, orderNumber }))
}

/** The current policy numbers of the selected orders, one a line, for pasting into an email or a sheet. */
export function policyNumbersText(selection: Selection): string {
  return [...selection.values()]
    .flatMap((row) => row.policies.map((policy) => policy.policyNumber))
    .join('\n')
}

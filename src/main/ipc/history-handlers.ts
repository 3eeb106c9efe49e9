import { AppError } from '../../shared/contract'
import type { Handlers } from '../contract/dispatcher'
import { historyExport } from '../journal/history-export'
import type { Journal } from '../journal/journal'

export interface HistoryDeps {
  journal: Journal
  /** Stamps export file names (tests pin it). */
  now?: () => Date
}

export function historyHandlers(
  deps: HistoryDeps
): Pick<
  Handlers,
  'history.search' | 'history.detail' | 'history.inDoubt' | 'history.export' | 'history.exportSelected'
> {
  const { journal, now = () => new Date() } = deps
  return {
    'history.search': (query) => journal.search(query),
    'history.detail': ({ environment, orderNumber }) => {
      const detail = journal.orderDetail(environment, orderNumber)
      if (!detail) {
        throw new AppError(
          'not_found',
          `Teak Desk has no order "${orderNumber}" in ${environment} in its history.`
        )
      }
      return detail
    },
    'history.inDoubt': (filter) => journal.inDoubt(filter),
    'history.export': ({ format, filter, sort }) =>
      historyExport(journal.exportRows(filter, sort), format, now()),
    'history.exportSelected': ({ format, orders }) => historyExport(journal.rowsOf(orders), format, now())
  }
}

import { openDatabase } from './database'
import { damageOr } from './errors'
import { historySearch, type HistorySearch } from './history-search'
import { importRunBook, type ImportRunBook } from './import-runs'
import { migrate } from './migrations'
import { operationWriter, type OperationWriter } from './operation-writer'
import { orderReader, type OrderReader } from './order-reader'
import { searchIndex } from './search-index'

/**
 * The local journal (`journal.sqlite` in the data directory): every operation that reaches Teak, written
 * as an intent committed before the request leaves and settled by its outcome after; each order's current
 * state; and the bookkeeping that lets an interrupted import resume. Synchronous, like better-sqlite3.
 */
export interface Journal extends OperationWriter, OrderReader, HistorySearch, ImportRunBook {
  close(): void
}

export const JOURNAL_FILE_NAME = 'journal.sqlite'

export interface JournalOptions {
  /** The clock that stamps operations (tests pin it). */
  now?: () => Date
  /** A better-sqlite3 binary built for another runtime (Electron during `npm start`; see scripts/electron-native.mjs). */
  nativeBinding?: string
}

/** Opens (creating or upgrading as needed) the journal at `filePath`; a damaged one throws JournalDamagedError. */
export function openJournal(filePath: string, options: JournalOptions = {}): Journal {
  const db = openDatabase(filePath, options.nativeBinding)
  try {
    migrate(db)
    const now = options.now ?? (() => new Date())
    const search = searchIndex(db)
    return {
      ...operationWriter(db, search, now),
      ...orderReader(db),
      ...historySearch(db, search),
      ...importRunBook(db, now),
      close: () => db.close()
    }
  } catch (error) {
    db.close()
    throw damageOr(error, filePath)
  }
}

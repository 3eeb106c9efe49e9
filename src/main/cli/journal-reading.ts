import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { resolveDataDir } from '../data-dir'
import { JOURNAL_FILE_NAME, openJournal, type Journal } from '../journal/journal'

/** The journal's queries the read commands use: the app's own (History, order detail, in doubt, export). */
export type JournalReads = Pick<Journal, 'search' | 'exportRows' | 'orderDetail' | 'inDoubt'>

/** A data directory that never had a journal: nothing was sent from it, so every list is empty. */
const NO_JOURNAL: JournalReads = {
  search: () => ({ rows: [], total: 0, nextCursor: null }),
  exportRows: () => [],
  orderDetail: () => null,
  inDoubt: () => []
}

/**
 * Runs `read` over the journal of the data directory, then closes it. Reading holds no sender lease and
 * takes no claim, so it never stands in the way of an import or the app; a missing journal is not created.
 */
export function readJournal<T>(read: (journal: JournalReads) => T, dataDir = resolveDataDir()): T {
  const path = join(dataDir, JOURNAL_FILE_NAME)
  if (!existsSync(path)) return read(NO_JOURNAL)
  const journal = openJournal(path)
  try {
    return read(journal)
  } finally {
    journal.close()
  }
}

import Database from 'better-sqlite3'

/** How long a write waits for another process (the app and the CLI may share a journal) to finish its own. */
const BUSY_TIMEOUT_MS = 5000

/**
 * Opens the journal file with the settings every connection needs.
 *
 * WAL lets the History page read while an import writes. `synchronous = NORMAL` is safe with WAL: every
 * commit is in the WAL file before `commit` returns, so a crash or kill of Teak Desk loses nothing; only a
 * power cut or OS crash can roll back the last commits, and the database stays consistent even then. If that
 * drops an intent whose request had left, the order looks unsent and a resend meets Teak's unique order
 * number (contract-notes §8): it comes back `already_submitted`, never as a second order. FULL adds an
 * fsync to every commit (measured on our build machine: about 1.1 ms per commit against 25 µs), and a
 * journaled order commits twice, so FULL alone would exceed the 1 ms per-order budget.
 */
export function openDatabase(filePath: string, nativeBinding?: string): Database.Database {
  const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS, nativeBinding })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

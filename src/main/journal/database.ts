import { chmodSync, closeSync, existsSync, openSync } from 'node:fs'
import Database from 'better-sqlite3'
import { PRIVATE_FILE_MODE } from '../data-dir'
import { damageOr, JournalDamagedError } from './errors'

/** How long a write waits for another process (the app and the CLI may share a journal) to finish its own. */
const BUSY_TIMEOUT_MS = 5000

/**
 * Opens the journal file with the settings every connection needs, after checking that it is intact.
 *
 * WAL lets the History page read while an import writes. `synchronous = NORMAL` is safe with WAL: every
 * commit is in the WAL file before `commit` returns, so a crash or kill of Teak Desk loses nothing; only a
 * power cut or OS crash can roll back the last commits, and the database stays consistent even then. If that
 * drops an intent whose request had left, the order looks unsent and a resend meets Teak's unique order
 * number (contract-notes §8): it comes back `already_submitted`, never as a second order. FULL adds an
 * fsync to every commit (measured on our build machine: about 1.1 ms per commit against 25 µs), and a
 * journaled order commits twice, so FULL alone would exceed the 1 ms per-order budget.
 *
 * A damaged file throws `JournalDamagedError`: one whose pages no longer fit together could make a sent order
 * look unsent, and a resend a duplicate. `quick_check` reads every page (about 1 s for 100,000 orders on our
 * build machine), once per open, before anything is sent.
 */
export function openDatabase(filePath: string, nativeBinding?: string): Database.Database {
  makePrivate(filePath)
  const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS, nativeBinding })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    const verdict = db.pragma('quick_check(1)', { simple: true })
    if (verdict !== 'ok') throw new JournalDamagedError(filePath, firstProblem(String(verdict)))
    return db
  } catch (error) {
    db.close()
    throw damageOr(error, filePath)
  }
}

/**
 * The journal holds customer data: its file is created for its owner only, and SQLite gives the -wal and -shm
 * files the database file's mode. Files an older version created readable by others are restricted here too.
 */
function makePrivate(filePath: string): void {
  if (process.platform === 'win32') return
  if (!existsSync(filePath)) closeSync(openSync(filePath, 'a', PRIVATE_FILE_MODE))
  for (const path of [filePath, `${filePath}-wal`, `${filePath}-shm`]) {
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE)
  }
}

/** quick_check's first finding on one line, e.g. "Tree 6 page 226: btreeInitPage() returns error code 11". */
function firstProblem(verdict: string): string {
  return verdict
    .replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

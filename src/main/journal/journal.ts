import { hostname } from 'node:os'
import { claimBook, processExists, type ClaimBook, type Liveness } from './claims'
import { openDatabase } from './database'
import { dayCountsReader, type DayCountsReader } from './day-counts'
import { damageOr } from './errors'
import { flushAllGroups, groupCommit, type GroupCommit } from './group-commit'
import { historySearch, type HistorySearch } from './history-search'
import { importRunBook, type ImportRunBook } from './import-runs'
import { migrate } from './migrations'
import { notificationBook, type NotificationBook } from './notifications'
import { operationWriter, type OperationWriter } from './operation-writer'
import { orderReader, type OrderReader } from './order-reader'
import { searchIndex } from './search-index'

/**
 * The local journal (`journal.sqlite` in the data directory): every operation that reaches Teak, written
 * as an intent committed before the request leaves and settled by its outcome after; each order's current
 * state; and the bookkeeping that lets an interrupted import resume. Synchronous, like better-sqlite3.
 */
export interface Journal
  extends
    OperationWriter,
    OrderReader,
    HistorySearch,
    ImportRunBook,
    ClaimBook,
    NotificationBook,
    DayCountsReader {
  close(): void
}

export const JOURNAL_FILE_NAME = 'journal.sqlite'

/** How long a sender's claims outlive its last heartbeat (see claims.ts); heartbeats come 4 times as often. */
export const SENDER_LEASE_MS = 60_000

export interface JournalOptions {
  /** The clock that stamps operations and times leases (tests pin it). */
  now?: () => Date
  /** Sender liveness: lease length, and who this process is (tests pose as another computer or process). */
  liveness?: Partial<Omit<Liveness, 'now'>>
  /** A better-sqlite3 binary built for another runtime (Electron during `npm start`; see scripts/electron-native.mjs). */
  nativeBinding?: string
}

/** Opens (creating or upgrading as needed) the journal at `filePath`; a damaged one throws JournalDamagedError. */
export function openJournal(filePath: string, options: JournalOptions = {}): Journal {
  flushAllGroups()
  const db = openDatabase(filePath, options.nativeBinding)
  const writes = groupCommit(db)
  try {
    migrate(db)
    const now = options.now ?? (() => new Date())
    const search = searchIndex(db)
    const claims = claimBook(
      db,
      {
        now,
        leaseMs: SENDER_LEASE_MS,
        host: hostname(),
        pid: process.pid,
        processExists,
        ...options.liveness
      },
      writes
    )
    const writer = operationWriter(db, search, claims, now, writes)
    const parts = {
      ...orderReader(db, claims),
      ...historySearch(db, search),
      ...importRunBook(db, claims, now),
      ...dayCountsReader(db),
      ...claims,
      // A notification is committed at once: Teak gets its 2xx only after that.
      ...notificationBook(db, now)
    }
    return {
      ...afterQueuedWrites(parts, writes),
      // These take the queued writes into their own transaction, or queue theirs.
      recordIntent: writer.recordIntent,
      recordOutcome: writer.recordOutcome,
      claimOrder: claims.claimOrder,
      releaseOrder: claims.releaseOrder,
      close: () => {
        try {
          writes.close()
        } finally {
          db.close()
        }
      }
    }
  } catch (error) {
    writes.close()
    db.close()
    throw damageOr(error, filePath)
  }
}

/** Every call runs the queued writes first, so it reads (and builds on) what this journal has written. */
function afterQueuedWrites<T extends object>(parts: T, writes: GroupCommit): T {
  const wrapped = {} as Record<string, unknown>
  for (const [name, value] of Object.entries(parts)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            writes.flush()
            return (value as (...args: unknown[]) => unknown)(...args)
          }
        : value
  }
  return wrapped as T
}

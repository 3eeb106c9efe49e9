import type { Database, Transaction } from 'better-sqlite3'

/**
 * Group commit: writes that need not be on disk before anything else happens (an outcome, a claim taken or
 * released) share one transaction, committed `windowMs` after the first of them or together with the next
 * write that must be on disk at once (an intent, before its request leaves). An import then commits about
 * once per order instead of four times. Until committed, these writes are visible to this connection (this
 * process) only; a crash loses at most the last few milliseconds of outcomes, which leaves those orders in
 * doubt: a resume resends them and Teak's duplicate answer settles them (journal rules in README).
 *
 * Only while a process has one journal open: a second connection in the same thread (a test, a second
 * window's services) would wait for a lock the first can only release on a timer that never gets to run,
 * so with more than one open, every write commits at once.
 */
export interface GroupCommit {
  /** Runs `write` in the open group (opening one); committed within the window. */
  soon<A extends unknown[], R>(write: Transaction<(...args: A) => R>, ...args: A): R
  /** Runs `write` in the open group and commits the group before returning. */
  now<A extends unknown[], R>(write: Transaction<(...args: A) => R>, ...args: A): R
  /** Commits the open group, if any (before others must see it). */
  flush(): void
  /** Commits the open group and stops grouping (before the connection closes). */
  close(): void
}

export const GROUP_COMMIT_WINDOW_MS = 4

/** The groups of this process's open journals. */
const groups = new Set<GroupCommit>()

/** Commits every open group of this process, so another connection may write (see above). */
export function flushAllGroups(): void {
  for (const group of groups) group.flush()
}

export function groupCommit(db: Database, windowMs = GROUP_COMMIT_WINDOW_MS): GroupCommit {
  let open = false
  let timer: NodeJS.Timeout | undefined
  /** A commit the timer could not make: reported by the next write, which must not pretend it is on disk. */
  let failed: unknown

  function begin(): void {
    if (failed !== undefined) {
      const error = failed
      failed = undefined
      throw error
    }
    // Inside a transaction someone else opened, the write joins it and that transaction commits it.
    if (open || db.inTransaction) return
    db.exec('BEGIN IMMEDIATE')
    open = true
    timer = setTimeout(flushFromTimer, windowMs)
  }

  function commit(): void {
    if (!open) return
    clearTimeout(timer)
    open = false
    try {
      db.exec('COMMIT')
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw error
    }
  }

  function flushFromTimer(): void {
    try {
      commit()
    } catch (error) {
      failed = error
    }
  }

  /** `now` writes under way: one nested in another (an intent taking its claim) commits with the outer one. */
  let depth = 0

  function now<A extends unknown[], R>(write: Transaction<(...args: A) => R>, ...args: A): R {
    begin()
    depth++
    try {
      return write(...args)
    } finally {
      if (--depth === 0) commit()
    }
  }

  const group: GroupCommit = {
    soon(write, ...args) {
      if (groups.size > 1 || depth > 0) return now(write, ...args)
      begin()
      // Inside the group, a better-sqlite3 transaction is a savepoint: a write that throws undoes only itself.
      return write(...args)
    },
    now,
    flush() {
      commit()
      if (failed !== undefined) {
        const error = failed
        failed = undefined
        throw error
      }
    },
    close() {
      groups.delete(group)
      group.flush()
    }
  }
  groups.add(group)
  return group
}

import type { Database } from 'better-sqlite3'

/**
 * Group commit: writes that need not be on disk before anything else happens (an outcome, a claim
 * released) wait, checked, in a queue, and are committed together: inside the next write that must be on
 * disk at once (a claim, an intent before its request leaves), before any other journal call reads, or
 * `windowMs` after the first of them. An import then commits about twice per order instead of four times.
 * No transaction stays open between calls: a process stopped or suspended mid-import never holds the
 * journal's lock. A crash loses at most the last few milliseconds of outcomes, which leaves those orders in
 * doubt: a resume resends them and Teak's duplicate answer settles them (journal rules in README).
 *
 * Only while a process has one journal open: another connection in the same process must see every write
 * as soon as the call that made it returns, so with more than one open, every write commits at once.
 */
export interface GroupCommit {
  /** Queues `write` (already checked); it runs right away when grouping is off. */
  later(write: () => void): void
  /** Runs the queued writes: inside the caller's transaction when one is open, else in one of their own. */
  flush(): void
  /** Runs the queued writes and stops grouping (before the connection closes). */
  close(): void
}

export const GROUP_COMMIT_WINDOW_MS = 4

/** The groups of this process's open journals. */
const groups = new Set<GroupCommit>()

/** Commits every open group of this process (before another connection opens). */
export function flushAllGroups(): void {
  for (const group of groups) group.flush()
}

export function groupCommit(db: Database, windowMs = GROUP_COMMIT_WINDOW_MS): GroupCommit {
  let queue: (() => void)[] = []
  let timer: NodeJS.Timeout | undefined
  /** Queued writes the timer could not commit: reported by the next call, which must not build on them. */
  let failed: unknown
  const runAll = db.transaction((writes: (() => void)[]) => writes.forEach((write) => write()))

  function flush(): void {
    if (failed !== undefined) {
      const error = failed
      failed = undefined
      throw error
    }
    if (queue.length === 0) return
    const writes = queue
    queue = []
    clearTimeout(timer)
    runAll.immediate(writes)
  }

  function flushFromTimer(): void {
    try {
      flush()
    } catch (error) {
      failed = error
    }
  }

  const group: GroupCommit = {
    later(write) {
      if (groups.size > 1) return runAll.immediate([write])
      queue.push(write)
      if (queue.length === 1) timer = setTimeout(flushFromTimer, windowMs)
    },
    flush,
    close() {
      groups.delete(group)
      flush()
    }
  }
  groups.add(group)
  return group
}

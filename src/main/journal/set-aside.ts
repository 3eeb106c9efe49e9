import { existsSync, renameSync } from 'node:fs'
import { asidePath } from '../data-dir'

/**
 * Moves a damaged journal out of the way so a new one can start: renamed to `journal.sqlite.corrupt-<time>`,
 * with its -wal and -shm renamed alike (SQLite pairs them by name), never deleted. Returns the new path.
 */
export function setAsideJournal(filePath: string, now: Date = new Date()): string {
  const aside = asidePath(filePath, now)
  // The companions first: a -wal left beside a new, empty journal would be replayed into it.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${filePath}${suffix}`)) renameSync(`${filePath}${suffix}`, `${aside}${suffix}`)
  }
  renameSync(filePath, aside)
  return aside
}

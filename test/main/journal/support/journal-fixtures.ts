import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { JOURNAL_FILE_NAME } from '../../../../src/main/journal/journal'

/** A fresh data directory per test, removed afterwards; returns the journal's path in it. */
export function useJournalPath(): () => string {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'teak-journal-'))
    dirs.push(dir)
    return join(dir, JOURNAL_FILE_NAME)
  }
}

/** A clock that moves one second per reading, so every stamp is distinct and predictable. */
export function steppingClock(start = '2027-03-01T09:00:00.000Z'): () => Date {
  let next = Date.parse(start)
  return () => {
    const now = new Date(next)
    next += 1000
    return now
  }
}

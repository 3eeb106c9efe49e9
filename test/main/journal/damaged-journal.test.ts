import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JournalDamagedError } from '../../../src/main/journal/errors'
import { openJournal } from '../../../src/main/journal/journal'
import { setAsideJournal } from '../../../src/main/journal/set-aside'
import { journalWithOverwrittenPage, notADatabase } from './support/damaged-journal'
import { useJournalPath } from './support/journal-fixtures'

const journalPath = useJournalPath()

function openingError(path: string): unknown {
  try {
    openJournal(path).close()
  } catch (error) {
    return error
  }
  return null
}

describe('a damaged journal', () => {
  it.each([
    ['not a database at all', notADatabase, /file is not a database/],
    ['a page overwritten', journalWithOverwrittenPage, /.+/]
  ])('%s: refused when opened, with a typed error naming the file', (_label, damage, problem) => {
    const path = journalPath()
    damage(path)
    const error = openingError(path)
    expect(error).toBeInstanceOf(JournalDamagedError)
    expect(error).toMatchObject({ filePath: path, problem: expect.stringMatching(problem) })
    expect((error as Error).message).toBe(
      `The journal ${path} is damaged (${(error as JournalDamagedError).problem}), so Teak Desk cannot use it.`
    )
  })

  it('an intact journal opens as before', () => {
    const path = journalPath()
    openJournal(path).close()
    expect(openingError(path)).toBeNull()
  })
})

describe('moving a damaged journal aside', () => {
  it('renames it with its -wal and -shm, deletes nothing, and a new journal starts in its place', () => {
    const path = journalPath()
    notADatabase(path)
    const content = readFileSync(path)
    writeFileSync(`${path}-wal`, 'old wal')
    writeFileSync(`${path}-shm`, 'old shm')

    const movedTo = setAsideJournal(path, new Date('2027-03-01T09:00:00.123Z'))
    expect(movedTo).toBe(`${path}.corrupt-2027-03-01T09-00-00-123Z`)
    expect(readFileSync(movedTo)).toEqual(content)
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('old wal')
    expect(readFileSync(`${movedTo}-shm`, 'utf8')).toBe('old shm')
    expect(existsSync(path)).toBe(false)

    const journal = openJournal(path)
    expect(journal.search({ limit: 5 }).total).toBe(0)
    journal.close()
    expect(
      readdirSync(dirname(path))
        .filter((name) => name.includes('corrupt'))
        .sort()
    ).toEqual([basename(movedTo), `${basename(movedTo)}-shm`, `${basename(movedTo)}-wal`].sort())
    expect(join(dirname(path), basename(movedTo))).toBe(movedTo)
  })
})

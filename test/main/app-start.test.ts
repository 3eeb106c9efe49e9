import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../../src/main/app-start'
import { JOURNAL_FILE_NAME } from '../../src/main/journal/journal'
import { makeTempDir } from '../support/temp-dir'
import { journalWithOverwrittenPage, notADatabase } from './journal/support/damaged-journal'

const opened: { app: RunningApp; dir: ReturnType<typeof makeTempDir> }[] = []
afterEach(async () => {
  for (const { app, dir } of opened.splice(0)) {
    await app.close()
    dir.remove()
  }
})

async function appOver(damage: (path: string) => void) {
  const dir = makeTempDir()
  const dataDir = join(dir.path, 'data')
  mkdirSync(dataDir)
  const journal = join(dataDir, JOURNAL_FILE_NAME)
  damage(journal)
  const app = await startApp({
    dataDir,
    version: '0.0.0-test',
    host: 'browser',
    now: () => new Date('2027-03-01T09:00:00.000Z')
  })
  opened.push({ app, dir })
  const call = async (method: string, input: unknown = {}) => app.dispatch(method, input)
  return { app, journal, call }
}

describe('the app over a damaged journal', () => {
  it.each([
    ['not a database', notADatabase],
    ['a page overwritten', journalWithOverwrittenPage]
  ])('%s: starts, says what is wrong, and refuses everything else', async (_label, damage) => {
    const { journal, call } = await appOver(damage)
    expect(await call('app.journalProblem')).toEqual({
      ok: true,
      data: {
        file: journal,
        message: expect.stringMatching(/^The journal .* is damaged \(.+\), so Teak Desk cannot use it\.$/)
      }
    })
    expect(await call('app.info')).toMatchObject({
      ok: true,
      data: { version: '0.0.0-test', host: 'browser' }
    })
    for (const method of ['history.search', 'settings.get', 'orders.submit', 'import.unfinished']) {
      expect(await call(method, method === 'history.search' ? { limit: 5 } : {})).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/conflict|invalid_input/) }
      })
    }
    expect(await call('history.search', { limit: 5 })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('Move it aside on the start page to continue.')
      }
    })
  })

  it('moves it aside when asked, keeps it, and then answers everything with a new journal', async () => {
    const { journal, call } = await appOver(notADatabase)
    const damaged = readFileSync(journal)
    const movedTo = `${journal}.corrupt-2027-03-01T09-00-00-000Z`
    expect(await call('app.setAsideJournal')).toEqual({ ok: true, data: { movedTo } })
    expect(readFileSync(movedTo)).toEqual(damaged)
    expect(existsSync(journal)).toBe(true)
    expect(await call('app.journalProblem')).toEqual({ ok: true, data: null })
    expect(await call('history.search', { limit: 5 })).toMatchObject({ ok: true, data: { total: 0 } })
    expect(await call('settings.get')).toMatchObject({ ok: true })
    expect(await call('app.setAsideJournal')).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('an intact journal: no problem, and nothing to move aside', async () => {
    const { call } = await appOver(() => undefined)
    expect(await call('app.journalProblem')).toEqual({ ok: true, data: null })
    expect(await call('app.setAsideJournal')).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await call('history.search', { limit: 5 })).toMatchObject({ ok: true })
  })
})

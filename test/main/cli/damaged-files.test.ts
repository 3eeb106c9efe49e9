import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOURNAL_FILE_NAME } from '../../../src/main/journal/journal'
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../../src/sandbox'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { journalWithOverwrittenPage, notADatabase } from '../journal/support/damaged-journal'
import { cliEnv, runCli } from './support/cli'

const KEYS = { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }

describe('teak-desk import over damaged files in the data folder', () => {
  const dir = makeTempDir()
  let sandbox: RunningSandbox
  let homes = 0
  let file: string

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    file = join(dir.path, 'backlog.csv')
    writeFileSync(
      file,
      backlogCsv([{ order_number: 'DMG-1', quote_token: sandbox.mintQuoteToken({ opt_in: true }) }])
    )
  })
  afterAll(async () => {
    await sandbox.close()
    dir.remove()
  })

  function home(): string {
    const path = join(dir.path, `home-${++homes}`)
    mkdirSync(path)
    return path
  }

  it.each([
    ['not a database', notADatabase],
    ['with a page overwritten', journalWithOverwrittenPage]
  ])(
    'a journal %s: exit 4 naming the file and what to do, no stack trace, nothing sent or read',
    async (_label, damage) => {
      const dataDir = home()
      const journal = join(dataDir, JOURNAL_FILE_NAME)
      damage(journal)
      const before = sandbox.requests().length
      const [result, history] = await Promise.all([
        runCli(['import', file, '--base-url', sandbox.url], cliEnv(dataDir, KEYS)),
        runCli(['history', '--json'], cliEnv(dataDir))
      ])
      expect(history).toMatchObject({ code: 4, stdout: '' })
      expect(history.stderr).toContain(`The journal ${journal} is damaged (`)
      expect(result.stderr).not.toMatch(/^\s+at /m)
      expect(result.code).toBe(4)
      expect(result.stderr).toContain(`The journal ${journal} is damaged (`)
      expect(result.stderr).toContain('so Teak Desk cannot use it. Nothing was sent.\n')
      expect(result.stderr).toMatch(
        /run `teak-desk ui` and choose "Move it aside", or rename the file yourself/
      )
      expect(sandbox.requests().length).toBe(before)
      // Nothing is moved or deleted without the person's say.
      expect(readdirSync(dataDir).filter((name) => name.includes('corrupt'))).toEqual([])
    },
    60_000
  )

  it('a settings.json that is not JSON: set aside with the warning the app shows, for a dry run and an import', async () => {
    const warning =
      /^Your settings file could not be used \(it is not valid JSON\), so Teak Desk started with default settings\. The old file was kept as settings\.json\.corrupt-\S+ in the data folder\. API keys are kept in the system keychain and were not affected\.$/m
    for (const flags of [['--dry-run'], ['--base-url', sandbox.url]]) {
      const dataDir = home()
      writeFileSync(join(dataDir, 'settings.json'), '{ "version": 1, ')
      const result = await runCli(['import', file, ...flags], cliEnv(dataDir, KEYS))
      expect(result.stderr).toMatch(warning)
      expect(result.code).toBe(0)
      expect(readdirSync(dataDir).filter((name) => name.startsWith('settings.json.corrupt-'))).toHaveLength(1)
    }
  }, 60_000)
})

import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../../src/main/app-start'
import { RENDERER_OUT_DIR } from '../../src/main/cli/renderer-build'
import { startBrowserHost, type BrowserHost } from '../../src/main/host/server'
import { JOURNAL_FILE_NAME } from '../../src/main/journal/journal'
import { notADatabase } from '../main/journal/support/damaged-journal'
import { launchBrowser, screenshot } from '../support/browser'
import { makeTempDir } from '../support/temp-dir'

describe('a damaged journal, in Chromium through the browser host', () => {
  const dir = makeTempDir()
  const dataDir = join(dir.path, 'data')
  const journal = join(dataDir, JOURNAL_FILE_NAME)
  let app: RunningApp
  let host: BrowserHost
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(dataDir)
    notADatabase(journal)
    app = await startApp({
      dataDir,
      version: '0.0.0-test',
      host: 'browser',
      now: () => new Date('2027-03-01T09:00:00Z')
    })
    host = await startBrowserHost({
      dispatch: app.dispatch,
      events: app.events,
      rendererDir: RENDERER_OUT_DIR
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.close()
    await app?.close()
    dir.remove()
  })

  it('says what is wrong instead of any page, and moves the file aside when asked', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
    page.setDefaultTimeout(5_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(host.url)
    await page.getByRole('heading', { name: 'The journal cannot be used', level: 1 }).waitFor()
    expect(await page.getByRole('alert').first().textContent()).toContain(
      `The journal ${journal} is damaged (file is not a database), so Teak Desk cannot use it.`
    )
    await screenshot(page, 'journal-damaged')

    const button = page.getByRole('button', { name: 'Move it aside and start a new journal' })
    await button.focus()
    await page.keyboard.press('Enter')
    const done = page.getByTestId('journal-set-aside')
    await done.waitFor()
    const movedTo = `${journal}.corrupt-2027-03-01T09-00-00-000Z`
    expect(await done.textContent()).toContain(movedTo)
    expect(existsSync(movedTo)).toBe(true)
    expect(await page.getByRole('heading', { name: 'The journal cannot be used' }).count()).toBe(0)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click()
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-store'
import { NO_FAULTS } from '../../src/sandbox/faults'
import { backlogCsv } from '../shared/import/csv-fixtures'
import { testKeychainService } from '../main/secrets/support/keychain'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import { makeTempDir } from '../support/temp-dir'

describe('Overview page in Chromium through the browser host', () => {
  const dir = makeTempDir()
  let app: RunningApp
  let browser: Browser
  const pageErrors: string[] = []

  beforeAll(async () => {
    app = await startApp({ secrets: createKeytarSecretStore({ service: testKeychainService() }) })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    dir.remove()
  })

  async function openPage(route: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))
    await page.goto(app.host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: route }).click()
    await page.getByRole('heading', { name: route, level: 1 }).waitFor()
    return page
  }

  function csvFile(name: string, rows: Record<string, string>[]): string {
    const path = join(dir.path, name)
    writeFileSync(path, backlogCsv(rows))
    return path
  }

  const order = (orderNumber: string, optIn: boolean) => ({
    order_number: orderNumber,
    quote_token: app.services.sandbox.mintQuoteToken({ opt_in: optIn }),
    item_reference_number: `${orderNumber}-seat`
  })

  /** Imports `path` on the Import page, as a person would, and waits for its summary. */
  async function importFile(page: Page, path: string, button: string): Promise<void> {
    if ((await page.getByRole('button', { name: 'Import another file' }).count()) > 0)
      await page.getByRole('button', { name: 'Import another file' }).click()
    await page.getByLabel(/^Backlog file/).setInputFiles(path)
    await page.getByRole('button', { name: button }).click()
    await page.getByTestId('import-summary').waitFor()
  }

  it("lists what needs doing and counts the day's work after a mixed import, refreshing as imports run", async () => {
    const overview = await openPage('Overview')
    const today = overview.getByTestId('overview-today')
    await today.waitFor()
    expect(text(await today.textContent())).toBe('Sent 0 Opted out 0 Voided 0 Canceled 0')
    expect(text(await overview.getByTestId('overview-environment').textContent())).toContain(
      'Local sandbox (built in)'
    )
    expect(await overview.getByTestId('overview-attention').textContent()).toContain('Nothing is waiting')

    // Three created, two opted out, one invalid; then one whose answer is lost on every attempt (in doubt).
    const importer = await openPage('Import CSV')
    const mixed = csvFile('mixed.csv', [
      order('OV-1', true),
      order('OV-2', true),
      order('OV-3', true),
      order('OV-OUT-1', false),
      order('OV-OUT-2', false),
      { ...order('OV-BAD', true), currency: 'XYZ' }
    ])
    await importFile(importer, mixed, 'Import 5 orders')
    // Refreshed by the import's events: the Overview page was not reloaded.
    await expect
      .poll(async () => text(await today.textContent()))
      .toBe('Sent 3 Opted out 2 Voided 0 Canceled 0')

    app.services.sandbox.setFaults({ resetRate: 1, resetTiming: 'after', paths: ['/api/v2/orders'] })
    try {
      await importFile(importer, csvFile('lost.csv', [order('OV-LOST', true)]), 'Import 1 order')
    } finally {
      app.services.sandbox.setFaults(NO_FAULTS)
    }
    await importer.close()

    const inDoubt = overview.getByTestId('overview-in-doubt')
    await inDoubt.waitFor()
    const link = inDoubt.getByRole('link', { name: 'OV-LOST' })
    expect(await link.getAttribute('href')).toBe('#/history?order=OV-LOST&environment=local')
    const imports = overview.getByTestId('overview-imports-needing-action')
    expect(text(await imports.textContent())).toMatch(
      /^lost\.csv into Local sandbox \(built in\), started .*: 1 in doubt$/
    )
    expect(await imports.getByRole('link', { name: 'lost.csv' }).getAttribute('href')).toBe('#/import')
    const recent = overview.getByTestId('overview-recent-imports').locator('tbody tr')
    const rows = await recent.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()))
    )
    expect(rows).toEqual([
      ['lost.csv', 'Local sandbox (built in)', expect.any(String), 'Finished', 'In doubt 1 of 1 in the file'],
      [
        'mixed.csv',
        'Local sandbox (built in)',
        expect.any(String),
        'Finished',
        'Created 3 · Opted out 2 of 6 in the file'
      ]
    ])
    await screenshot(overview, 'overview')

    await link.click()
    await overview.getByRole('heading', { name: 'History', level: 1 }).waitFor()
    await expect.poll(() => overview.url()).toContain('order=OV-LOST')
    await overview.getByText('OV-LOST').first().waitFor()
    await overview.close()
    expect(pageErrors).toEqual([])
  })
})

/** An element's text as a person reads it: runs of white space (from the markup's line breaks) as one space. */
function text(content: string | null): string {
  return (content ?? '').replace(/\s+/g, ' ').trim()
}

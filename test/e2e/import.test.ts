import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ImportControl } from '../../src/main/import/import-control'
import { runImport } from '../../src/main/import/import-engine'
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-store'
import { createTeakClient } from '../../src/main/teak/client'
import { DEMO_KEYS } from '../../src/sandbox'
import { parseBacklog } from '../../src/shared/import/parse-backlog'
import { importReportSchema, REPORT_CSV_COLUMNS } from '../../src/shared/import/report'
import { backlogCsv } from '../shared/import/csv-fixtures'
import { testKeychainService } from '../main/secrets/support/keychain'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import { makeTempDir } from '../support/temp-dir'
import { waitFor } from '../support/wait-for'

const VALID = 24
/** Teak calls (tokens and orders) answered before the sandbox holds the rest: at least 8 orders are done. */
const CALLS_BEFORE_HOLD = 20

describe('Import CSV page in Chromium through the browser host', () => {
  const dir = makeTempDir()
  let app: RunningApp
  let browser: Browser
  let page: Page
  let pageErrors: string[]

  beforeAll(async () => {
    app = await startApp({ secrets: createKeytarSecretStore({ service: testKeychainService() }) })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    dir.remove()
  })

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true })
    pageErrors = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))
    await page.goto(app.host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import CSV' }).click()
    await page.getByRole('heading', { name: 'Import CSV', level: 1 }).waitFor()
  })
  afterEach(async () => {
    await page.close()
    expect(pageErrors).toEqual([])
  })

  /** `VALID` orders (every sixth an opt-out) and two invalid ones, with tokens the app's sandbox minted. */
  function backlogFile(prefix: string): string {
    const rows = Array.from({ length: VALID }, (_, i) => ({
      order_number: `${prefix}-${i + 1}`,
      quote_token: app.services.sandbox.mintQuoteToken({ opt_in: i % 6 !== 5 }),
      item_reference_number: `${prefix}-${i + 1}-seat`
    }))
    rows.splice(3, 0, { ...rows[0], order_number: `${prefix}-BAD-COST`, item_cost: '1,234.99' } as never)
    rows.push({ ...rows[0], order_number: `${prefix}-BAD-CURRENCY`, currency: 'XYZ' } as never)
    const path = join(dir.path, `${prefix}.csv`)
    writeFileSync(path, backlogCsv(rows))
    return path
  }

  /** Back to choosing a file: the page opens on the summary of this session's latest run, if there is one. */
  async function startOver(): Promise<void> {
    const another = page.getByRole('button', { name: 'Import another file' })
    await page.getByRole('heading', { name: '1. Choose the backlog file' }).or(another).waitFor()
    if (await another.isVisible()) await another.click()
  }

  const atTeak = (prefix: string) =>
    app.services.sandbox.orders().filter((order) => order.order_number.startsWith(`${prefix}-`))

  it('previews, imports with progress, pause and resume, and summarises with downloadable reports', async () => {
    await app.services.settings.update({ importConcurrency: 2 })
    await page.getByLabel(/^Backlog file/).setInputFiles(backlogFile('UI'))

    const counts = page.getByTestId('preview-counts')
    await counts.getByText('Orders to send', { exact: true }).waitFor()
    expect(text(await counts.textContent())).toBe(
      'Orders to send 24 Already at Teak (sent before) 0 Invalid orders 2 Valid, with warnings 0 Rows read 26'
    )
    await page.getByLabel('Show only orders with errors').check()
    const rows = page.getByTestId('preview-table').locator('tbody tr')
    expect(await rows.count()).toBe(2)
    expect(text(await rows.first().textContent())).toMatch(
      /UI-BAD-COST.*Row 5, item_cost.*uses a thousands separator.*1,234\.99/
    )
    await screenshot(page, 'import-preview')

    // Teak answers the first calls and holds the rest until the import is paused: the import is half-way
    // when the person pauses it, however fast or slow this machine is.
    const hold = app.services.sandbox.hold(CALLS_BEFORE_HOLD)
    try {
      await page.getByRole('button', { name: 'Import 24 orders' }).click()
      const bar = page.getByRole('progressbar', { name: 'Orders done' })
      await bar.waitFor()
      expect(await bar.getAttribute('aria-valuemax')).toBe('26')
      await waitFor('the import to reach the held calls', () => hold.held().length > 0)
      await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(6)
      await page.getByRole('button', { name: 'Pause' }).click()
      await page.getByRole('button', { name: 'Resume' }).waitFor()
    } finally {
      hold.release()
    }
    expect(await page.getByRole('heading', { name: /^Paused UI\.csv/ }).count()).toBe(1)
    await screenshot(page, 'import-progress')
    await page.getByRole('button', { name: 'Resume' }).click()

    const summary = page.getByTestId('import-summary')
    await summary.waitFor()
    expect(text(await summary.getByRole('status').textContent())).toBe('2 orders are not at Teak: see below.')
    expect(text(await summary.getByTestId('run-counts').textContent())).toBe(
      '24 sent in this run · 0 already done before · 2 invalid'
    )
    const link = summary.getByRole('link', { name: 'UI-1', exact: true })
    expect(await link.getAttribute('href')).toBe('#/history?order=UI-1&environment=local')
    await screenshot(page, 'import-summary')

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (JSON)' }).click()
    ])
    expect(json.suggestedFilename()).toBe('UI-import-report.json')
    const report = importReportSchema.parse(JSON.parse(readFileSync(await json.path(), 'utf8')))
    expect(report.summary).toEqual({
      orders: 26,
      created: 20,
      opted_out: 4,
      already_submitted: 0,
      invalid: 2,
      rejected: 0,
      failed: 0,
      in_doubt: 0,
      being_sent_elsewhere: 0
    })
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (CSV)' }).click()
    ])
    expect(readFileSync(await csv.path(), 'utf8').split('\r\n')[0]).toBe(REPORT_CSV_COLUMNS.join(','))
    expect(
      atTeak('UI')
        .map((o) => o.order_number)
        .sort()
    ).toEqual(
      report.orders
        .filter((o) => o.outcome === 'created')
        .map((o) => o.order_number)
        .sort()
    )
  })

  it("lists the warnings of orders Teak's docs allow, and imports them: no zip code in a country without postcodes", async () => {
    app.services.sandbox.setFaults({ latencyMs: 0 })
    const token = () => app.services.sandbox.mintQuoteToken({ opt_in: true })
    const path = join(dir.path, 'AE.csv')
    writeFileSync(
      path,
      backlogCsv([
        { order_number: 'AE-1', quote_token: token(), item_reference_number: 'AE-1-seat' },
        {
          order_number: 'AE-2',
          quote_token: token(),
          item_reference_number: 'AE-2-seat',
          billing_city: 'Dubai',
          billing_zip_code: '',
          billing_country: 'AE'
        }
      ])
    )
    // The page opens on the summary of the run this app session made last, if an earlier test made one.
    await startOver()
    await page.getByLabel(/^Backlog file/).setInputFiles(path)
    const counts = page.getByTestId('preview-counts')
    await counts.getByText('Orders to send', { exact: true }).waitFor()
    expect(text(await counts.textContent())).toBe(
      'Orders to send 2 Already at Teak (sent before) 0 Invalid orders 0 Valid, with warnings 1 Rows read 2'
    )
    const warnings = page.getByRole('list', { name: 'Warnings for order AE-2' })
    expect(text(await warnings.textContent())).toBe(
      'Warning, Row 3, billing_zip_code: No zip code given. (assumption billingZipCode: a warning; the order is still sent)'
    )
    await screenshot(page, 'import-preview-warnings')
    await page.getByRole('button', { name: 'Import 2 orders' }).click()
    await page.getByTestId('import-summary').waitFor({ timeout: 20_000 })
    expect(
      atTeak('AE')
        .map((order) => order.order_number)
        .sort()
    ).toEqual(['AE-1', 'AE-2'])
    expect(atTeak('AE').find((order) => order.order_number === 'AE-2')?.billing_address).toEqual({
      address1: '123 Main St',
      city: 'Dubai',
      country: 'AE'
    })
  })

  it('offers to resume an import that a closed app interrupted, and finishes it without duplicates', async () => {
    // What a closed app leaves behind: the kept file, and a run stopped after a few orders.
    const upload = randomUUID()
    const csv = readFileSync(backlogFile('RES'), 'utf8')
    mkdirSync(join(app.dataDir, 'imports'), { recursive: true })
    writeFileSync(join(app.dataDir, 'imports', `${upload}.csv`), csv)
    const control = new ImportControl()
    const client = createTeakClient({ baseUrl: app.services.sandbox.url, credentials: DEMO_KEYS })
    const interrupted = await runImport({
      journal: app.services.journal,
      client,
      environment: 'local',
      file: 'RES.csv',
      orders: parseBacklog(csv).orders,
      concurrency: 1,
      control,
      onProgress: (progress) => progress.done >= 5 && control.cancel(),
      runOptions: { upload, missingTokenAsOptIn: false, onlyFailed: false }
    })
    client.close()
    expect(interrupted.complete).toBe(false)

    await page.reload()
    const offer = page.getByTestId('unfinished-imports')
    await offer.waitFor()
    // The environment's label arrives with the settings, possibly just after the offer renders.
    await expect
      .poll(async () => text(await offer.textContent()))
      .toMatch(/RES\.csv into Local sandbox \(built in\), started .*: 3 of 26 orders done/)
    await offer.getByRole('button', { name: 'Resume' }).click()
    // The page may still show the earlier import's summary until the resumed run's own replaces it.
    const summary = page.getByTestId('import-summary')
    await expect
      .poll(
        async () =>
          (await summary
            .getByRole('heading')
            .textContent()
            .catch(() => '')) ?? ''
      )
      .toContain('Import finished: RES.csv')
    expect(atTeak('RES')).toHaveLength(20)
    expect(new Set(atTeak('RES').map((o) => o.order_number)).size).toBe(20)
    expect(app.services.journal.unfinishedImportRuns()).toEqual([])
  })

  it('previews and summarises a re-import as 0 to send and every order already done', async () => {
    app.services.sandbox.setFaults({ latencyMs: 0 })
    const rows = [1, 2, 3, 4].map((n) => ({
      order_number: `AGAIN-${n}`,
      quote_token: app.services.sandbox.mintQuoteToken({ opt_in: n <= 2 }),
      item_reference_number: `AGAIN-${n}-seat`
    }))
    const path = join(dir.path, 'again.csv')
    writeFileSync(path, backlogCsv([...rows, { ...rows[0], order_number: 'AGAIN-BAD', currency: 'XYZ' }]))
    const counts = page.getByTestId('preview-counts')
    const summary = page.getByTestId('import-summary')

    await startOver()
    await page.getByLabel(/^Backlog file/).setInputFiles(path)
    await page.getByRole('button', { name: 'Import 4 orders' }).click()
    await expect
      .poll(async () =>
        text(
          await summary
            .getByTestId('run-counts')
            .textContent()
            .catch(() => '')
        )
      )
      .toBe('4 sent in this run · 0 already done before · 1 invalid')

    await page.getByRole('button', { name: 'Import another file' }).click()
    await page.getByLabel(/^Backlog file/).setInputFiles(path)
    await counts.getByText('Orders to send', { exact: true }).waitFor()
    expect(text(await counts.textContent())).toBe(
      'Orders to send 0 Already at Teak (sent before) 4 Invalid orders 1 Valid, with warnings 0 Rows read 5'
    )
    expect(text(await page.getByTestId('preview-table').locator('tbody tr').first().textContent())).toContain(
      'Already at Teak (sent before): not sent again'
    )
    expect(await page.getByTestId('nothing-to-send').isVisible()).toBe(true)
    await screenshot(page, 'import-reimport-preview')
    const sentBefore = atTeak('AGAIN').length
    await page.getByRole('button', { name: 'Import 0 orders' }).click()
    await expect
      .poll(async () =>
        text(
          await summary
            .getByTestId('run-counts')
            .textContent()
            .catch(() => '')
        )
      )
      .toBe('0 sent in this run · 4 already done before · 1 invalid')
    expect(text(await summary.getByRole('row', { name: /AGAIN-1/ }).textContent())).toContain('sent before')
    await screenshot(page, 'import-reimport-summary')
    expect(atTeak('AGAIN')).toHaveLength(sentBefore)
  })

  it('asks before sending orders without a token as opt-ins, with their number and total cost', async () => {
    app.services.sandbox.setFaults({ latencyMs: 0 })
    const path = join(dir.path, 'tokenless.csv')
    writeFileSync(
      path,
      backlogCsv([
        { order_number: 'NOTOKEN-1', quote_token: '', item_reference_number: 'NT-1a', item_cost: '50.00' },
        { order_number: 'NOTOKEN-1', quote_token: '', item_reference_number: 'NT-1b', item_cost: '25.55' },
        { order_number: 'NOTOKEN-2', quote_token: '', item_reference_number: 'NT-2', item_cost: '0.1' },
        {
          order_number: 'NOTOKEN-3',
          quote_token: '',
          currency: 'EUR',
          item_reference_number: 'NT-3',
          item_cost: '89,90'
        },
        {
          order_number: 'WITHTOKEN-1',
          quote_token: app.services.sandbox.mintQuoteToken({ opt_in: true }),
          item_reference_number: 'WT-1'
        }
      ])
    )
    await startOver()
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the backlog template' }).click()
    ])
    expect(template.suggestedFilename()).toBe('backlog-template.csv')
    expect(readFileSync(await template.path(), 'utf8')).toBe(
      readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'backlog-template.csv'), 'utf8')
    )

    await page.getByLabel('Treat missing tokens as opt-in').check()
    await page.getByLabel(/^Backlog file/).setInputFiles(path)
    await page.getByRole('button', { name: 'Import 4 orders' }).click()
    const dialog = page.getByRole('dialog', { name: 'Send orders without a quote token as opt-ins?' })
    await dialog.waitFor()
    expect(text(await dialog.getByTestId('opt-in-confirm-text').textContent())).toBe(
      '3 orders have no quote token. Teak processes them as opt-ins and issues policies billed to you, for items costing 75.65 USD and 89.90 EUR in total.'
    )
    await screenshot(page, 'import-opt-in-confirm')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(atTeak('NOTOKEN')).toHaveLength(0)
    expect(await page.getByTestId('import-summary').count()).toBe(0)

    await page.getByRole('button', { name: 'Import 4 orders' }).click()
    await dialog.getByRole('button', { name: 'Send them as opt-ins' }).click()
    await expect
      .poll(async () =>
        text(
          await page
            .getByTestId('run-counts')
            .textContent()
            .catch(() => '')
        )
      )
      .toBe('4 sent in this run · 0 already done before · 0 invalid')
    expect(atTeak('NOTOKEN')).toHaveLength(3)
  })
})

/** An element's text as a person reads it: runs of white space (from the markup's line breaks) as one space. */
function text(content: string | null): string {
  return (content ?? '').replace(/\s+/g, ' ').trim()
}

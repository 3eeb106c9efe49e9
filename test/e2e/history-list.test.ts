import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import { waitFor } from '../support/wait-for'
import { createOrderAtTeak, optInOrder } from '../main/policies/support/teak-desk'

const ITEMS = [
  { name: 'Floor ticket', reference: 'floor', cost: '100.00' },
  { name: 'Balcony ticket', reference: 'balcony', cost: '60.00' }
]
// Created in this order: newest first is C, A, B; by order number A, B, C.
const ORDERS = ['LIST-B', 'LIST-A', 'LIST-C']
const FORMULA_ORDER = 'LIST-FORMULA'

describe('History list in Chromium: sorting, multi-select, copy, print', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    for (const orderNumber of ORDERS) await createOrderAtTeak(app.services, orderNumber, ITEMS)
    // A customer name a spreadsheet would run as a formula: exports must guard it.
    const body = optInOrder(app.services, FORMULA_ORDER, ITEMS.slice(0, 1))
    const refused = app.services.journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: FORMULA_ORDER,
      request: { ...body, customer: { first_name: '=HYPERLINK("http://evil.example")', last_name: 'X' } }
    })
    app.services.journal.recordOutcome(refused, { outcome: 'rejected', httpStatus: 400 })

    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url })
    await page.goto(app.host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click()
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor()
    await waitFor(
      'the list of 4 orders',
      async () => (await page.getByTestId('history-range').textContent()) === 'Showing 1–4 of 4 orders'
    )
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const orderNumbers = async () =>
    (await page.getByTestId('history-row').locator('th[scope="row"]').allTextContents()).map((text) =>
      text.trim()
    )
  const header = (name: string) => page.getByRole('columnheader', { name })
  const policyNumbersOf = (orderNumber: string) =>
    app.services.journal.orderDetail('local', orderNumber)!.policies.map((policy) => policy.policyNumber)

  it('sorts by a column header on the server, by click and by keyboard, with aria-sort', async () => {
    expect(await orderNumbers()).toEqual([FORMULA_ORDER, 'LIST-C', 'LIST-A', 'LIST-B'])
    expect(await header('First seen').getAttribute('aria-sort')).toBe('descending')

    await page.getByRole('button', { name: 'Order number' }).click()
    await expect.poll(orderNumbers).toEqual(['LIST-A', 'LIST-B', 'LIST-C', FORMULA_ORDER])
    expect(await header('Order number').getAttribute('aria-sort')).toBe('ascending')
    expect(await header('First seen').getAttribute('aria-sort')).toBeNull()

    // The header is a button: focus and Enter turn the order around.
    await page.getByRole('button', { name: 'Order number' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(orderNumbers).toEqual([FORMULA_ORDER, 'LIST-C', 'LIST-B', 'LIST-A'])
    expect(await header('Order number').getAttribute('aria-sort')).toBe('descending')
    expect(await page.locator('table caption').first().textContent()).toBe(
      'Orders, sorted by order number, Z to A'
    )
    await screenshot(page, 'history-sorted', { fullPage: false })

    await page.getByRole('button', { name: 'Outcome' }).click()
    await expect.poll(async () => (await orderNumbers())[0]).toBe('LIST-C')
    expect((await orderNumbers()).at(-1)).toBe(FORMULA_ORDER)
  })

  it('selects orders, exports only those (CSV guarded, JSON), and copies their policy numbers', async () => {
    await page.getByLabel('Select order LIST-A').check()
    await page.getByLabel(`Select order ${FORMULA_ORDER}`).check()
    const bar = page.getByTestId('selection-bar')
    await expect.poll(() => bar.textContent()).toContain('2 selected')

    const csvDownload = page.waitForEvent('download')
    await bar.getByRole('button', { name: 'Export selected (CSV)' }).click()
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8')
    expect(csv).toContain('LIST-A')
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"") X`)
    expect(csv).not.toContain('LIST-B')
    expect(csv).not.toContain('LIST-C')
    await expect
      .poll(() => page.getByTestId('selection-status').textContent())
      .toContain('Exported 2 selected')

    const jsonDownload = page.waitForEvent('download')
    await bar.getByRole('button', { name: 'Export selected (JSON)' }).click()
    const json = JSON.parse(readFileSync((await (await jsonDownload).path())!, 'utf8')) as {
      orderNumber: string
    }[]
    expect(json.map((row) => row.orderNumber).sort()).toEqual(['LIST-A', FORMULA_ORDER])

    // Select all on the page, then untick one: the others stay selected.
    await page.getByLabel('Select all orders on this page').check()
    await expect.poll(() => bar.textContent()).toContain('4 selected')
    await page.getByLabel('Select order LIST-B').uncheck()
    await page.getByLabel(`Select order ${FORMULA_ORDER}`).uncheck()
    expect(
      await page
        .getByLabel('Select all orders on this page')
        .evaluate((box) => (box as HTMLInputElement).indeterminate)
    ).toBe(true)
    await bar.getByRole('button', { name: 'Copy policy numbers' }).click()
    await expect
      .poll(() => page.getByTestId('selection-status').textContent())
      .toContain('Copied 4 policy numbers, one a line.')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied.split('\n').sort()).toEqual(
      [...policyNumbersOf('LIST-A'), ...policyNumbersOf('LIST-C')].sort()
    )
    await screenshot(page, 'history-selection', { fullPage: false })
  })

  it('prints the order’s policies alone for a customer email', async () => {
    await page.getByRole('button', { name: 'LIST-A' }).click()
    await page.getByRole('heading', { name: 'Order LIST-A' }).waitFor()

    await page.getByRole('button', { name: 'Copy order number LIST-A' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('LIST-A')

    // window.print opens the system dialog; here it only has to be called.
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number }
      counted.printed = 0
      window.print = () => {
        counted.printed += 1
      }
    })
    await page.getByRole('button', { name: 'Print / Save as PDF' }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

    const summary = page.getByTestId('print-summary')
    expect(await summary.isVisible()).toBe(false)
    await page.emulateMedia({ media: 'print' })
    await expect.poll(() => summary.isVisible()).toBe(true)
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: 'Print / Save as PDF' }).isVisible()).toBe(false)
    expect(
      await page
        .getByRole('button', { name: /^Void policy/ })
        .first()
        .isVisible()
    ).toBe(false)
    const text = (await summary.textContent())!
    expect(text).toContain('Refund protection — order LIST-A')
    expect(text).toContain('Ada Lovelace')
    expect(text).toContain('Winter concert')
    for (const policyNumber of policyNumbersOf('LIST-A')) expect(text).toContain(policyNumber)
    await screenshot(page, 'order-print')
    await page.emulateMedia({ media: 'screen' })
    expect(errors).toEqual([])
  })
})

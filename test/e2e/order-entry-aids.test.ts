import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import { chooseCurrency, field, fill, fillCustomerAndAddress, openWorkbench } from '../support/workbench'

/** What the order workbench does to make an agent fast and right: quotes, events, money, results, keys. */
describe('order entry aids in Chromium', () => {
  let app: RunningApp
  let browser: Browser
  let errors: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    errors = []
    app = await startApp()
  })
  afterEach(async () => {
    await Promise.all(browser.contexts().map((context) => context.close()))
    await app?.stop()
  })

  const quoteTable = (page: Page) => page.getByRole('table', { name: /Quote decoded by/ })
  /** The table's text as read, whitespace collapsed. */
  const quoteText = async (page: Page) => (await quoteTable(page).innerText()).replace(/\s+/g, ' ')
  const describedText = async (page: Page, label: string, suffix: string) => {
    const ids = (await field(page, label).getAttribute('aria-describedby'))?.split(' ') ?? []
    const id = ids.find((one) => one.endsWith(suffix))
    return id ? page.locator(`[id="${id}"]`).textContent() : null
  }

  async function twoItems(page: Page, currency = 'eur'): Promise<void> {
    await fill(page, {
      'Order number': 'AID-1',
      'Event name': 'Jazz Night',
      'Event start date (UTC)': '2027-07-01',
      'Item 1 name': 'Standing',
      'Item 1 reference number': 'JZ-1',
      'Item 1 cost': '45.50'
    })
    await chooseCurrency(page, currency)
    await page.getByRole('button', { name: 'Add item' }).click()
    await fill(page, { 'Item 2 name': 'Seated', 'Item 2 reference number': 'JZ-2', 'Item 2 cost': '65' })
  }

  it('marks a quote made for other items, and shows an opt-out quote without premiums', async () => {
    const page = await openWorkbench(browser, app, errors)
    await twoItems(page)
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect.poll(() => quoteTable(page).count()).toBe(1)
    expect(await page.getByTestId('quote-stale').count()).toBe(0)

    await fill(page, { 'Item 2 cost': '70' })
    const stale = page.getByTestId('quote-stale')
    await expect
      .poll(() => stale.textContent())
      .toContain('This token was made for other items: generate a new one.')
    const changed = quoteTable(page).locator('tr[data-differs="cost"]')
    expect((await changed.innerText()).replace(/\s+/g, ' ')).toBe(
      'JZ-2 65.00 EUR — the form says 70 5.53 EUR'
    )
    await page.getByRole('button', { name: 'Add item' }).click()
    await expect.poll(() => stale.textContent()).toContain('Item 3 is not in it.')
    await stale.scrollIntoViewIfNeeded()
    await screenshot(page, 'order-aids-stale-quote', { fullPage: false })

    await page.getByRole('button', { name: 'Remove item 3' }).click()
    await page.getByRole('button', { name: 'Generate opt-out token' }).click()
    await expect.poll(() => page.getByTestId('quote-mode').textContent()).toContain('Opt-out')
    await expect.poll(() => stale.count()).toBe(0)
    await expect.poll(() => quoteText(page)).toContain('JZ-2 70.00 EUR')
    expect(await quoteText(page)).not.toMatch(/Premium|Protection subtotal/)
    expect(errors).toEqual([])
  })

  it('starts an own event from the order event, copies it on demand, and takes dates from a picker', async () => {
    const page = await openWorkbench(browser, app, errors)
    await fill(page, { 'Event name': 'Summer Festival', 'Event location': 'Riverside Park' })
    const startDate = field(page, 'Event start date (UTC)')
    await page
      .locator('.with-picker')
      .filter({ has: startDate })
      .locator('input[type="date"]')
      .fill('2027-08-15')
    expect(await startDate.inputValue()).toBe('2027-08-15')
    const startTime = field(page, 'Event start time (UTC)')
    await page.locator('.with-picker').filter({ has: startTime }).locator('input[type="time"]').fill('21:45')
    expect(await startTime.inputValue()).toBe('21:45')
    expect(await describedText(page, 'Event start time (UTC)', '-hint')).toMatch(/your time/)

    await page.getByRole('checkbox', { name: 'Item 1 has its own event' }).check()
    expect(await field(page, 'Item 1 event name').inputValue()).toBe('Summer Festival')
    expect(await field(page, 'Item 1 event start date (UTC)').inputValue()).toBe('2027-08-15')
    await fill(page, { 'Item 1 event name': 'Late show' })

    await page.getByRole('button', { name: 'Add item' }).click()
    await page.getByRole('button', { name: 'Copy order event to item 2' }).click()
    expect(await page.getByRole('checkbox', { name: 'Item 2 has its own event' }).isChecked()).toBe(true)
    expect(await field(page, 'Item 2 event location').inputValue()).toBe('Riverside Park')
    expect(await field(page, 'Item 1 event name').inputValue()).toBe('Late show')
    expect(errors).toEqual([])
  })

  it('warns (without blocking) about more decimals than the currency has', async () => {
    const page = await openWorkbench(browser, app, errors)
    await twoItems(page)
    await fill(page, { 'Item 1 cost': '45.505' })
    await field(page, 'Item 1 cost').blur()
    // 45.505 also reads like a thousands separator: both warnings stand, one after the other.
    expect(await describedText(page, 'Item 1 cost', '-warning')).toContain(
      'EUR amounts have 2 decimals (ISO 4217), but this cost has 3: check it before sending.'
    )
    expect(await field(page, 'Item 1 cost').getAttribute('aria-invalid')).toBeNull()
    expect(await page.getByTestId('order-warnings').textContent()).toContain('Item 1 cost: EUR amounts')
    await chooseCurrency(page, 'jpy')
    await fill(page, { 'Item 1 cost': '100.5' })
    expect(await describedText(page, 'Item 1 cost', '-warning')).toContain(
      'JPY amounts have no decimals (ISO 4217), but this cost has 1'
    )
    // A warning does not hold the order back: the body to send is ready.
    await fillCustomerAndAddress(page)
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await page.getByText('Request body sent to Teak').click()
    await expect.poll(() => page.getByTestId('request-body').textContent()).toContain('"cost": "100.5"')
    expect(errors).toEqual([])
  })

  it('marks every missing field of a group an opt-in needs', async () => {
    const page = await openWorkbench(browser, app, errors)
    await twoItems(page)
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect.poll(() => quoteTable(page).count()).toBe(1)
    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    await page.getByRole('alert').filter({ hasText: 'Please fix these problems' }).waitFor()
    for (const label of ['First name', 'Last name', 'Email']) {
      expect(await field(page, label).getAttribute('aria-invalid'), label).toBe('true')
      expect(await describedText(page, label, '-error')).toBe('Opt-in orders need the customer.')
    }
    for (const label of ['Address line 1', 'City', 'Zip code', 'Country code']) {
      expect(await field(page, label).getAttribute('aria-invalid'), label).toBe('true')
      expect(await describedText(page, label, '-error')).toBe('Opt-in orders need the billing address.')
    }
    expect(await field(page, 'Phone').getAttribute('aria-invalid')).toBeNull()
    expect(errors).toEqual([])
  })

  it('gives the result copy buttons and a History link, in view and focused; no question after the send', async () => {
    const page = await openWorkbench(browser, app, errors, { width: 1280, height: 800 })
    await twoItems(page)
    await fillCustomerAndAddress(page)
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect.poll(() => quoteTable(page).count()).toBe(1)
    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    const result = page.getByTestId('order-result')
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('created')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('order-result')
    const top = (await result.boundingBox())!.y
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top).toBeLessThan(800)
    await screenshot(page, 'order-aids-result', { fullPage: false })

    const clipboard = () => page.evaluate(() => navigator.clipboard.readText())
    const policies = await result.locator('.policy-numbers code').allTextContents()
    expect(policies).toHaveLength(2)
    await result.getByRole('button', { name: 'Copy all policy numbers, one per line' }).click()
    await expect.poll(clipboard).toBe(policies.join('\n'))
    await result.getByRole('button', { name: `Copy policy number ${policies[1]}` }).click()
    await expect.poll(clipboard).toBe(policies[1])
    expect(await result.getByRole('status').textContent()).toBe(`Copied policy number ${policies[1]}.`)
    const orderId = await result.getByTestId('teak-order-id').textContent()
    await result.getByRole('button', { name: "Copy Teak's order id" }).click()
    await expect.poll(clipboard).toBe(orderId)

    const link = result.getByRole('link', { name: 'Open order AID-1 in History' })
    expect(await link.getAttribute('href')).toBe('#/history?order=AID-1&environment=local')

    // Sent: clearing loses nothing, so it asks nothing.
    await page.getByRole('button', { name: 'Clear form' }).click()
    await expect.poll(() => field(page, 'Order number').inputValue()).toBe('')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('New order')
    expect(errors).toEqual([])
  })

  it('has a skip link, Alt+N, Alt+I and a "Keyboard shortcuts" help on F1 or ? outside text fields', async () => {
    const page = await openWorkbench(browser, app, errors)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('order-order_number')

    await page.keyboard.type('A?1')
    expect(await field(page, 'Order number').inputValue()).toBe('A?1')
    expect(await page.getByRole('dialog').count()).toBe(0)
    await page.keyboard.press('Alt+I')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('order-items-1-name')

    await page.keyboard.press('F1')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    expect(await help.textContent()).toMatch(/Alt\+N.*Alt\+I.*Ctrl\+Enter.*F1 or \?/)
    await screenshot(page, 'order-aids-shortcuts-help', { fullPage: false })
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: 'Add item' }).focus()
    await page.keyboard.press('?')
    await help.waitFor()
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'hidden' })

    // Something typed: Alt+N asks before clearing it.
    await page.keyboard.press('Alt+N')
    const clear = page.getByRole('dialog', { name: 'Clear the form?' })
    await clear.getByRole('button', { name: 'Clear the form' }).click()
    await expect.poll(() => field(page, 'Order number').inputValue()).toBe('')
    expect(await page.getByRole('textbox', { name: 'Item 2 name' }).count()).toBe(0)

    // From another page, Alt+N comes back to the workbench.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click()
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor()
    await page.keyboard.press('Alt+N')
    await page.getByRole('heading', { level: 1, name: 'New order' }).waitFor()
    expect(errors).toEqual([])
  })
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import {
  chooseCurrency,
  fill,
  fillCustomerAndAddress,
  openWorkbench,
  sandboxOrder
} from '../support/workbench'

/** Issue 16's measure: a support agent's two-item EUR opt-in, by keyboard alone, at 1280×800. */
const SCREEN = { width: 1280, height: 800 }
/** Keys other than typed characters (Tab, Enter, shortcuts) the whole order may take. */
const KEYSTROKE_TARGET = 150
/** A two-item order fits in two screens of document height at 1280×800. */
const HEIGHT_TARGET = 2 * SCREEN.height

/** Drives the keyboard and counts: every press (a chord such as Ctrl+Enter is one), every character typed. */
class CountingKeyboard {
  presses = 0
  typed = 0
  constructor(private readonly page: Page) {}

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.presses++
      await this.page.keyboard.press(key)
    }
  }

  async type(text: string): Promise<void> {
    this.typed += text.length
    await this.page.keyboard.type(text)
  }

  /** Tab `tabs` times, then type: the test also checks that focus landed on the field it means. */
  async tabTo(label: string, text: string, tabs = 1): Promise<void> {
    await this.press('Tab', tabs)
    expect(await focusedName(this.page)).toBe(label)
    await this.type(text)
  }
}

/** The accessible name of the focused element, as its label says it. */
function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null
    const label =
      active?.labels?.[0]?.textContent ?? active?.getAttribute('aria-label') ?? active?.textContent
    return label?.replace(/\s*\*$/, '').trim() ?? null
  })
}

const documentHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight)

describe('order entry at the speed of a trained agent (Chromium, 1280×800)', () => {
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

  it('enters the two-item EUR opt-in by keyboard alone within the keystroke target', async () => {
    const page = await openWorkbench(browser, app, errors, SCREEN)
    const keys = new CountingKeyboard(page)

    await keys.press('Tab')
    expect(await focusedName(page)).toBe('Skip to the order form')
    await keys.press('Enter')
    expect(await focusedName(page)).toBe('Order number')
    await keys.type('KB-1001')
    await keys.tabTo('Currency', 'eur')
    await keys.press('Enter')
    expect(await page.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe('EUR — Euro')
    await keys.tabTo('Event name', 'Jazz Night')
    await keys.tabTo('Event start date (UTC)', '2027-07-01')
    await keys.tabTo('Event start time (UTC)', '19:30')
    await keys.tabTo('Event location', 'Amsterdam', 3)
    await keys.tabTo('First name', 'Eva')
    await keys.tabTo('Last name', 'de Vries')
    await keys.tabTo('Email', 'eva@example.com')
    await keys.tabTo('Address line 1', 'Keizersgracht 1', 2)
    await keys.tabTo('City', 'Amsterdam', 2)
    await keys.tabTo('Zip code', '1015 CJ', 2)
    await keys.tabTo('Country code', 'NL')
    // Payment (left as Invoice) and the request preview's summary, then the items on the right.
    await keys.tabTo('Item 1 name', 'Standing ticket', 3)
    await keys.tabTo('Item 1 reference number', 'JZ-1')
    await keys.tabTo('Item 1 cost', '45.50')
    await keys.press('Alt+I')
    expect(await focusedName(page)).toBe('Item 2 name')
    await keys.type('Seated ticket')
    await keys.tabTo('Item 2 reference number', 'JZ-2')
    await keys.tabTo('Item 2 cost', '65')
    // Past item 2's own-event box and actions, Add item, the taxes helper and the token field.
    await keys.press('Tab', 8)
    expect(await focusedName(page)).toBe('Generate opt-in token')
    await keys.press('Enter')
    await expect
      .poll(() => page.getByTestId('quote-generated').textContent())
      .toBe('Opt-in token generated for 2 items in EUR.')
    // Focus stays on the button pressed, so the next key goes on from there.
    expect(await focusedName(page)).toBe('Generate opt-in token')
    await expect.poll(() => page.getByRole('table', { name: /Quote decoded by/ }).count()).toBe(1)
    expect(await page.getByTestId('quote-stale').count()).toBe(0)
    await screenshot(page, 'order-speed-two-column-form', { fullPage: false })
    await keys.press('Control+Enter')

    const result = page.getByTestId('order-result')
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('created')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('order-result')
    console.log(
      `[issue 16] keyboard-only two-item EUR opt-in: ${keys.presses} keystrokes besides ${keys.typed} characters typed (target <= ${KEYSTROKE_TARGET} + typed)`
    )
    expect(keys.presses).toBeLessThanOrEqual(KEYSTROKE_TARGET)

    const order = sandboxOrder(app, 'KB-1001')
    expect(order).toMatchObject({
      currency: 'EUR',
      customer: { first_name: 'Eva', last_name: 'de Vries', email: 'eva@example.com' },
      billing_address: { address1: 'Keizersgracht 1', city: 'Amsterdam', zip_code: '1015 CJ', country: 'NL' }
    })
    expect(order?.items.map((item) => [item.reference_number, item.cost])).toEqual([
      ['JZ-1', '45.50'],
      ['JZ-2', '65.00']
    ])
    expect(order?.policies).toHaveLength(2)
    expect(errors).toEqual([])
  })

  /** A two-item EUR order, typed by the test's fast path (the keyboard test above shows a person's). */
  async function fillTwoItems(page: Page): Promise<void> {
    await fill(page, {
      'Order number': 'HT-1',
      'Event name': 'Jazz Night',
      'Event start date (UTC)': '2027-07-01',
      'Event start time (UTC)': '19:30',
      'Event location': 'Amsterdam',
      'Item 1 name': 'Standing ticket',
      'Item 1 reference number': 'JZ-1',
      'Item 1 cost': '45.50'
    })
    await chooseCurrency(page, 'eur')
    await page.getByRole('button', { name: 'Add item' }).click()
    await fill(page, {
      'Item 2 name': 'Seated ticket',
      'Item 2 reference number': 'JZ-2',
      'Item 2 cost': '65'
    })
  }

  async function generate(page: Page, kind: 'opt-in' | 'opt-out'): Promise<void> {
    await page.getByRole('button', { name: `Generate ${kind} token` }).click()
    await expect.poll(() => page.getByRole('table', { name: /Quote decoded by/ }).count()).toBe(1)
  }

  it('fits a two-item order in two screens at 1280×800, opt-in and opt-out; one column below 1200 px', async () => {
    const page = await openWorkbench(browser, app, errors, SCREEN)
    await fillTwoItems(page)
    await fillCustomerAndAddress(page)
    await generate(page, 'opt-in')
    const optIn = await documentHeight(page)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'order-speed-two-column-top', { fullPage: false })

    await generate(page, 'opt-out')
    await expect.poll(() => page.getByTestId('quote-mode').textContent()).toContain('Opt-out')
    const optOut = await documentHeight(page)
    // The customer was typed, so the opt-out shows it unfolded; folded it is shorter still.
    expect(await page.getByTestId('opt-out-details').getAttribute('open')).not.toBeNull()

    // Two columns side by side here; the priced column stays in view (sticky) while the page scrolls.
    const columns = page.locator('#order-form > .column')
    const box = async (index: number) => (await columns.nth(index).boundingBox())!
    await page.evaluate(() => window.scrollTo(0, 0))
    const [left, right] = [await box(0), await box(1)]
    expect(right.x).toBeGreaterThan(left.x + left.width)
    await page.evaluate(() => window.scrollTo(0, 300))
    await expect.poll(async () => (await box(0)).y).toBe(left.y - 300)
    // The left column moved up with the page; the priced one stopped at the top of the window.
    expect((await box(1)).y).toBe(8)
    expect((await box(1)).y + (await box(1)).height).toBeLessThanOrEqual(SCREEN.height)

    await page.getByText('Customer and billing address (optional for an opt-out)').click()
    const optOutFolded = await documentHeight(page)
    console.log(
      `[issue 16] form height at 1280x800: opt-in two items ${optIn}px, opt-out two items ${optOut}px (customer and billing folded: ${optOutFolded}px); target <= ${HEIGHT_TARGET}px`
    )
    expect(optIn).toBeLessThanOrEqual(HEIGHT_TARGET)
    expect(optOut).toBeLessThanOrEqual(HEIGHT_TARGET)

    await page.setViewportSize({ width: 1024, height: 800 })
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect
      .poll(async () => {
        const [narrowLeft, narrowRight] = [await box(0), await box(1)]
        return narrowRight.y >= narrowLeft.y + narrowLeft.height
      })
      .toBe(true)
    await screenshot(page, 'order-speed-narrow-single-column')
    expect(errors).toEqual([])
  })
})

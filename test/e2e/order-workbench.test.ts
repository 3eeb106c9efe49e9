import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DRAFT_FILE_NAME } from '../../src/main/drafts/draft-store'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import {
  chooseCurrency,
  field,
  fill,
  fillCustomerAndAddress,
  openWorkbench,
  ordersPosted,
  sandboxOrder
} from '../support/workbench'

describe('order workbench in Chromium through the browser host, against the local sandbox', () => {
  let app: RunningApp
  let browser: Browser
  let errors: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  // An app (data directory, journal, sandbox) per test: a page saves its draft as it closes, and that draft
  // must not turn up in the next test's form.
  beforeEach(async () => {
    errors = []
    app = await startApp()
  })
  afterEach(async () => {
    await Promise.all(browser.contexts().map((context) => context.close()))
    await app?.stop()
  })

  /** The text of the element an input's aria-describedby names with this suffix ("-error", "-warning"). */
  async function describedText(page: Page, input: ReturnType<Page['getByRole']>, suffix: string) {
    const id = (await input.getAttribute('aria-describedby'))?.split(' ').find((one) => one.endsWith(suffix))
    if (!id) return null
    return page.locator(`[id="${id}"]`).textContent()
  }

  it('submits an opt-in with two items, one with its own event, and shows the issued policies', async () => {
    const page = await openWorkbench(browser, app, errors)
    await fill(page, { 'Order number': 'WB-OPTIN-1' })
    await chooseCurrency(page, 'usd')
    expect(await page.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe('USD — US dollar')
    await fill(page, {
      'Event name': 'Summer Festival',
      'Event start date (UTC)': '2027-07-01',
      'Event start time (UTC)': '18:30',
      'Event location': 'Riverside Park',
      'Item 1 name': 'General admission',
      'Item 1 reference number': 'GA-1',
      'Item 1 cost': '50.00'
    })
    await page.getByRole('button', { name: 'Add item' }).click()
    await fill(page, {
      'Item 2 name': 'VIP pass',
      'Item 2 reference number': 'VIP-1',
      'Item 2 cost': '120,50'
    })
    await expect
      .poll(() => page.getByText('Uses the order event: Summer Festival, 2027-07-01 18:30 UTC').count())
      .toBe(2)
    await page.getByRole('checkbox', { name: 'Item 2 has its own event' }).check()
    await fill(page, {
      'Item 2 event name': 'VIP Lounge Night',
      'Item 2 event start date (UTC)': '2027-07-02',
      'Item 2 event start time (UTC)': '20:00'
    })
    await fillCustomerAndAddress(page)
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect.poll(() => field(page, 'Quote token').inputValue()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    await expect
      .poll(() => page.getByRole('table', { name: /Quote decoded by/ }).textContent())
      .toContain('VIP-1')
    await page.getByText('Request body sent to Teak').click()
    await page.getByRole('button', { name: 'Copy the request body' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1)
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))
    expect(copied).toMatchObject({
      order_number: 'WB-OPTIN-1',
      currency: 'USD',
      items: [{ cost: '50.00' }, { cost: '120.50', event: { name: 'VIP Lounge Night' } }],
      billing_address: { country: 'US' }
    })
    expect(copied.items[0]).not.toHaveProperty('event')
    await screenshot(page, 'order-form')

    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    const result = page.getByTestId('order-result')
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('created')
    expect(await page.getByRole('status').filter({ hasText: "Teak's order id" }).count()).toBe(1)
    const policies = page.getByRole('table', { name: 'Policies issued by Teak for order WB-OPTIN-1' })
    const rows = policies.locator('tbody tr')
    expect(await rows.count()).toBe(2)
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/General admission.*GA-1.*50\.00 USD.*Issued/),
      expect.stringMatching(/VIP pass.*VIP-1.*120\.50 USD.*Issued/)
    ])
    await screenshot(page, 'order-created')

    const order = sandboxOrder(app, 'WB-OPTIN-1')
    const eventOf = (reference: string) => {
      const item = order?.items.find((i) => i.reference_number === reference)
      return order?.events.find((e) => e.id === item?.event_id)
    }
    expect(eventOf('GA-1')).toMatchObject({
      name: 'Summer Festival',
      start_date: '2027-07-01',
      start_time: '18:30:00'
    })
    expect(eventOf('VIP-1')).toMatchObject({
      name: 'VIP Lounge Night',
      start_date: '2027-07-02',
      start_time: '20:00:00'
    })
    expect(order?.customer).toMatchObject({ first_name: 'Dana', email: 'dana@example.com' })
    // Sent: the draft is gone, so reopening the app does not offer the same order again.
    expect(existsSync(join(app.dataDir, DRAFT_FILE_NAME))).toBe(false)
    expect(errors).toEqual([])
  })

  it('records an opt-out with a generated opt-out token: Teak answers 204 and stores nothing', async () => {
    const page = await openWorkbench(browser, app, errors)
    await fill(page, { 'Order number': 'WB-OPTOUT-1' })
    await chooseCurrency(page, 'eu')
    await fill(page, { 'Item 1 name': 'Seat 14F', 'Item 1 reference number': 'S-14F', 'Item 1 cost': '80' })
    await page.getByRole('button', { name: 'Generate opt-out token' }).click()
    await expect.poll(() => page.getByTestId('quote-mode').textContent()).toContain('Opt-out')
    // No customer or address: an opt-out does not need them.
    await page.getByRole('button', { name: 'Record opt-out' }).click()
    const result = page.getByTestId('order-result')
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('opted_out')
    expect(await result.getAttribute('role')).toBe('status')
    expect(await result.textContent()).toContain('Opt-out recorded by Teak; no order or policy was created.')
    await screenshot(page, 'order-opt-out')
    expect(sandboxOrder(app, 'WB-OPTOUT-1')).toBeUndefined()
    expect(app.services.journal.latestOutcomeFor('local', 'WB-OPTOUT-1')).toBe('opted_out')
    expect(errors).toEqual([])
  })

  it('blocks an invalid cost at the field and sends nothing; a cost like 1,234 is only a warning', async () => {
    const page = await openWorkbench(browser, app, errors)
    const postedBefore = ordersPosted(app)
    await fill(page, { 'Order number': 'WB-INVALID-1' })
    await chooseCurrency(page, 'USD')
    await fill(page, { 'Item 1 name': 'Ticket', 'Item 1 reference number': 'T-1', 'Item 1 cost': '12.3.4' })
    await page.getByRole('button', { name: 'Add item' }).click()
    await fill(page, { 'Item 2 name': 'Ticket', 'Item 2 reference number': 'T-2', 'Item 2 cost': '1,234' })
    await page.getByRole('button', { name: 'Generate opt-out token' }).click()
    await page.getByRole('button', { name: 'Record opt-out' }).click()

    const summary = page.getByRole('alert').filter({ hasText: 'Please fix these problems' })
    await summary.waitFor()
    const invalid = field(page, 'Item 1 cost')
    expect(await invalid.getAttribute('aria-invalid')).toBe('true')
    expect(await describedText(page, invalid, '-error')).toContain('"12.3.4" is not a cost')
    // The ambiguous cost is told apart from the error: a warning, the field not marked invalid.
    const ambiguous = field(page, 'Item 2 cost')
    expect(await ambiguous.getAttribute('aria-invalid')).toBeNull()
    expect(await describedText(page, ambiguous, '-warning')).toBe(
      'Warning: "1,234" is ambiguous: Teak reads this as 1.234, not 1234. Write 1234 if that is what you mean. ' +
        'USD amounts have 2 decimals (ISO 4217), but this cost has 3: check it before sending.'
    )
    expect(await summary.textContent()).not.toContain('Item 2 cost')
    expect(await page.getByTestId('order-warnings').textContent()).toContain(
      'Item 2 cost: "1,234" is ambiguous: Teak reads this as 1.234, not 1234.'
    )
    await summary.getByRole('link', { name: /Item 1 cost/ }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('order-items-0-cost')
    await screenshot(page, 'order-invalid-cost')

    expect(ordersPosted(app)).toBe(postedBefore)
    expect(app.services.journal.latestOutcomeFor('local', 'WB-INVALID-1')).toBeNull()
    expect(errors).toEqual([])
  })

  it('sends an order whose billing address has no zip code (the United Arab Emirates), with a warning', async () => {
    const page = await openWorkbench(browser, app, errors)
    await fill(page, {
      'Order number': 'WB-AE-1',
      'Event start date (UTC)': '2027-11-20',
      'Item 1 name': 'Desert concert',
      'Item 1 reference number': 'AE-1',
      'Item 1 cost': '300'
    })
    await chooseCurrency(page, 'aed')
    await fill(page, {
      'First name': 'Layla',
      'Last name': 'Haddad',
      Email: 'layla@example.com',
      'Address line 1': 'Sheikh Zayed Rd 1',
      City: 'Dubai',
      'Country code': 'ae'
    })
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect
      .poll(() => page.getByTestId('quote-mode').textContent())
      .toContain('Opt-in: the customer chose')
    const zip = field(page, 'Zip code')
    await zip.focus()
    await zip.blur()
    expect(await zip.getAttribute('aria-invalid')).toBeNull()
    expect(await zip.getAttribute('aria-required')).toBeNull()
    expect(await describedText(page, zip, '-warning')).toBe('Warning: No zip code given.')
    const warnings = page.getByTestId('order-warnings')
    expect(await warnings.getByRole('heading').textContent()).toMatch(
      /1 warning: the order can still be sent/
    )
    await warnings.getByRole('button', { name: 'Zip code' }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('order-billing_address-zip_code')
    await screenshot(page, 'order-warning-no-zip')

    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    await expect.poll(() => page.getByTestId('order-result').getAttribute('data-outcome')).toBe('created')
    expect(sandboxOrder(app, 'WB-AE-1')?.billing_address).toEqual({
      address1: 'Sheikh Zayed Rd 1',
      city: 'Dubai',
      country: 'AE'
    })
    expect(errors).toEqual([])
  })

  it('refuses the same order where the environment sets the zip code assumption to block', async () => {
    await app.services.settings.setAssumptions('local', { billingZipCode: 'block' })
    const page = await openWorkbench(browser, app, errors)
    await fill(page, {
      'Order number': 'WB-AE-2',
      'Event start date (UTC)': '2027-11-20',
      'Item 1 name': 'Desert concert',
      'Item 1 reference number': 'AE-2',
      'Item 1 cost': '300',
      'First name': 'Layla',
      'Last name': 'Haddad',
      Email: 'layla@example.com',
      'Address line 1': 'Sheikh Zayed Rd 1',
      City: 'Dubai',
      'Country code': 'ae'
    })
    await chooseCurrency(page, 'aed')
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect
      .poll(() => page.getByTestId('quote-mode').textContent())
      .toContain('Opt-in: the customer chose')
    expect(await field(page, 'Zip code').getAttribute('aria-required')).toBe('true')
    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'Please fix these problems' })
    await summary.waitFor()
    expect(await summary.textContent()).toContain(
      'No zip code given. (assumption billingZipCode: set to block)'
    )
    expect(sandboxOrder(app, 'WB-AE-2')).toBeUndefined()
    expect(errors).toEqual([])
  })

  it('asks for confirmation before sending without a quote token, and sends only when confirmed', async () => {
    const page = await openWorkbench(browser, app, errors)
    const postedBefore = ordersPosted(app)
    await fill(page, {
      'Order number': 'WB-NOTOKEN-1',
      'Event start date (UTC)': '2027-09-10',
      'Item 1 name': 'Ticket',
      'Item 1 reference number': 'NT-1',
      'Item 1 cost': '40'
    })
    await chooseCurrency(page, 'gbp')
    await fillCustomerAndAddress(page)
    expect(
      await page.getByText('Without a quote token, Teak treats the order as an opt-in').isVisible()
    ).toBe(true)
    expect(await page.getByTestId('order-warnings').textContent()).toContain(
      'Quote token: no token — Teak treats this as opt-in'
    )

    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    const dialog = page.getByRole('dialog', { name: 'Send without a quote token?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(ordersPosted(app)).toBe(postedBefore)

    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    await dialog.getByRole('button', { name: 'Send as an opt-in' }).click()
    await expect.poll(() => page.getByTestId('order-result').getAttribute('data-outcome')).toBe('created')
    expect(sandboxOrder(app, 'WB-NOTOKEN-1')?.policies).toHaveLength(1)
    expect(errors).toEqual([])
  })

  it("shows Teak's refusal next to the field it names, and a quote it cannot decode politely", async () => {
    // Well formed and opt-in, but not issued by this sandbox: only Teak can tell, when it receives the order.
    const foreignToken = [{ alg: 'HS256', typ: 'JWT' }, { opt_in: true }]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .concat('c2lnbmF0dXJl')
      .join('.')
    const page = await openWorkbench(browser, app, errors)
    await fill(page, {
      'Order number': 'WB-FOREIGN-1',
      'Quote token': foreignToken,
      'Event start date (UTC)': '2027-05-01',
      'Item 1 name': 'Ticket',
      'Item 1 reference number': 'FT-1',
      'Item 1 cost': '30'
    })
    await chooseCurrency(page, 'usd')
    await fillCustomerAndAddress(page)
    await expect
      .poll(() => page.getByText('The quote could not be shown').innerText())
      .toContain('Teak checks the token itself')
    await page.getByRole('button', { name: 'Submit opt-in order' }).click()

    const result = page.getByTestId('order-result')
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('rejected')
    expect(await result.getAttribute('role')).toBe('alert')
    expect(await result.textContent()).toContain('Teak refused order WB-FOREIGN-1')
    const token = field(page, 'Quote token')
    expect(await token.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#order-token-error').textContent()).toContain('not valid')
    expect(sandboxOrder(app, 'WB-FOREIGN-1')).toBeUndefined()
    // Changing the field withdraws Teak's verdict on the old value.
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect.poll(() => token.getAttribute('aria-invalid')).toBeNull()
    expect(errors).toEqual([])
  })

  it('corrects a refused order handed over by History, and links the new attempt to the old one', async () => {
    const refused = app.services.journal.recordIntent({
      kind: 'order',
      source: 'import',
      environment: 'local',
      orderNumber: 'WB-FIX-1',
      request: {
        order_number: 'WB-FIX-1',
        currency: 'USD',
        event: { name: 'Gala', start_date: '2027-10-01' },
        items: [{ name: 'Dinner', reference_number: 'D-1', cost: '1,234' }],
        customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
        billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'US' }
      }
    })
    app.services.journal.recordOutcome(refused, {
      outcome: 'rejected',
      httpStatus: 400,
      error: { kind: 'validation', message: 'Cost is not valid.' }
    })
    const page = await openWorkbench(browser, app, errors)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click()
    await page.getByRole('button', { name: 'WB-FIX-1' }).click()
    await page.getByRole('button', { name: 'Correct and resend' }).click()

    await page.getByRole('heading', { level: 1, name: 'Correct order' }).waitFor()
    expect(await page.getByTestId('correcting-banner').textContent()).toContain(
      'Correcting order WB-FIX-1; the new attempt will be linked to the old one'
    )
    expect(await field(page, 'Order number').inputValue()).toBe('WB-FIX-1')
    expect(await field(page, 'Event name').inputValue()).toBe('Gala')
    const cost = field(page, 'Item 1 cost')
    expect(await cost.inputValue()).toBe('1,234')
    await cost.fill('1234')
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect
      .poll(() => page.getByTestId('quote-mode').textContent())
      .toContain('Opt-in: the customer chose')
    await page.getByRole('button', { name: 'Submit opt-in order' }).click()

    await expect.poll(() => page.getByTestId('order-result').getAttribute('data-outcome')).toBe('created')
    const timeline = app.services.journal.orderDetail('local', 'WB-FIX-1')?.timeline ?? []
    expect(timeline.map((operation) => [operation.outcome, operation.supersedes, operation.source])).toEqual([
      ['rejected', null, 'import'],
      ['created', refused, 'resend']
    ])
    expect(sandboxOrder(app, 'WB-FIX-1')?.items[0].cost).toBe('1234.00')
    expect(errors).toEqual([])
  })

  it('lets the currency be chosen with the keyboard alone', async () => {
    const page = await openWorkbench(browser, app, errors)
    const box = page.getByRole('combobox', { name: 'Currency' })
    await box.focus()
    await box.press('ArrowDown')
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    expect(await box.getAttribute('aria-activedescendant')).toBe('order-currency-option-USD')
    await box.press('ArrowDown')
    await box.press('ArrowDown')
    expect(await box.getAttribute('aria-activedescendant')).toBe('order-currency-option-EUR')
    await box.press('Enter')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    expect(await box.inputValue()).toBe('EUR — Euro')

    await box.pressSequentially('yen')
    const options = page.getByRole('listbox', { name: 'Currencies' }).getByRole('option')
    expect(await options.allTextContents()).toEqual(['JPY — Japanese yen'])
    await box.press('Escape')
    expect(await box.inputValue()).toBe('EUR — Euro')
    await box.pressSequentially('chf')
    await box.press('Tab')
    expect(await box.inputValue()).toBe('CHF — Swiss franc')
    expect(errors).toEqual([])
  })

  it('keeps what was typed as a draft across a reload, until "Clear form" clears it', async () => {
    const page = await openWorkbench(browser, app, errors)
    await fill(page, { 'Order number': 'WB-DRAFT-1', 'Item 1 cost': '9,99' })
    await expect.poll(() => existsSync(join(app.dataDir, DRAFT_FILE_NAME))).toBe(true)
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'New order' }).waitFor()
    expect(await field(page, 'Order number').inputValue()).toBe('WB-DRAFT-1')
    expect(await field(page, 'Item 1 cost').inputValue()).toBe('9,99')

    await page.getByRole('button', { name: 'Clear form' }).click()
    await page
      .getByRole('dialog', { name: 'Clear the form?' })
      .getByRole('button', { name: 'Clear the form' })
      .click()
    await expect.poll(() => field(page, 'Order number').inputValue()).toBe('')
    await expect.poll(() => existsSync(join(app.dataDir, DRAFT_FILE_NAME))).toBe(false)
    expect(errors).toEqual([])
  })
})

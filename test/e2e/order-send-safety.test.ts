import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
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

/** Issue 13, "no send by accident": an opt-in issues paid policies, so sending takes a deliberate act. */
describe('the order workbench sends only on purpose, in Chromium against the local sandbox', () => {
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

  async function fillOptIn(page: Page, orderNumber: string, reference: string): Promise<void> {
    await fill(page, {
      'Order number': orderNumber,
      'Event name': 'Harbour Concert',
      'Event start date (UTC)': '2027-08-14',
      'Item 1 name': 'Ticket',
      'Item 1 reference number': reference,
      'Item 1 cost': '45'
    })
    await chooseCurrency(page, 'eur')
    await fillCustomerAndAddress(page)
  }

  async function generateOptInToken(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect.poll(() => field(page, 'Quote token').inputValue()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  }

  /**
   * Counts the form's submit events from now on. The browser fires one synchronously when Enter submits a
   * form, so after a key press has been handled the count tells whether it submitted.
   */
  async function countSubmits(page: Page): Promise<() => Promise<number>> {
    await page.evaluate(() => {
      const counter = window as unknown as { submits: number }
      counter.submits = 0
      document.addEventListener('submit', () => counter.submits++, true)
    })
    return () => page.evaluate(() => (window as unknown as { submits: number }).submits)
  }

  const submitButton = (page: Page) => page.getByRole('button', { name: 'Submit opt-in order' })
  const result = (page: Page) => page.getByTestId('order-result')
  const policyNumbers = (table: Locator) => table.locator('tbody th[scope="row"]').allTextContents()
  const activeTestId = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id)
  /** Wholly inside the viewport, as the person sees it without scrolling. */
  const inViewport = (locator: Locator) =>
    locator.evaluate((element) => {
      const box = element.getBoundingClientRect()
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight
    })
  const timelineOf = (orderNumber: string) =>
    app.services.journal.orderDetail('local', orderNumber)?.timeline ?? []

  it('sends nothing on Enter in a field, sends on Ctrl+Enter, then locks the form on the result', async () => {
    const page = await openWorkbench(browser, app, errors)
    await fillOptIn(page, 'WB-KEYS-1', 'K-1')
    await generateOptInToken(page)
    const submits = await countSubmits(page)
    const postedBefore = ordersPosted(app)

    // The button names its shortcut, to the eye and to assistive technology.
    const button = submitButton(page)
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Control+Enter')
    const hint = page.locator(`[id="${await button.getAttribute('aria-describedby')}"]`)
    expect(await hint.textContent()).toContain('Ctrl+Enter sends from any field; Enter alone does not.')
    expect(await hint.isVisible()).toBe(true)

    for (const label of ['Order number', 'Quote token', 'Event start date (UTC)', 'Item 1 cost', 'Email']) {
      await field(page, label).press('Enter')
    }
    await page.getByRole('combobox', { name: 'Currency' }).press('Enter')
    await page.getByRole('checkbox', { name: 'Item 1 has its own event' }).press('Enter')
    expect(await submits()).toBe(0)
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await result(page).count()).toBe(0)
    await screenshot(page, 'order-enter-does-not-send', { fullPage: false })

    await field(page, 'Item 1 cost').press('Control+Enter')
    await expect.poll(() => result(page).getAttribute('data-outcome')).toBe('created')
    expect(await submits()).toBe(1)
    // Exactly one attempt reached Teak: none of the Enter presses above sent the order.
    expect(ordersPosted(app) - postedBefore).toBe(1)
    expect(timelineOf('WB-KEYS-1').map((operation) => operation.outcome)).toEqual(['created'])

    // Locked on the result: Submit off, fields read-only, the answer and its policies in view and focused.
    expect(await button.isDisabled()).toBe(true)
    expect(await field(page, 'Order number').isDisabled()).toBe(true)
    expect(await hint.textContent()).toContain('Sent. Start a new order from the result below.')
    const policies = result(page).getByRole('table', { name: 'Policies issued by Teak for order WB-KEYS-1' })
    expect(await policyNumbers(policies)).toHaveLength(1)
    await expect.poll(() => activeTestId(page)).toBe('order-result')
    expect(await result(page).getAttribute('role')).toBe('status')
    expect(await result(page).getAttribute('tabindex')).toBe('-1')
    expect(await inViewport(policies)).toBe(true)
    expect(await inViewport(result(page))).toBe(true)
    await screenshot(page, 'order-sent-locked', { fullPage: false })

    // Ctrl+Enter from what is still focusable in the form does nothing now.
    const preview = page.getByText('Request body sent to Teak')
    await preview.focus()
    await preview.press('Control+Enter')
    expect(await submits()).toBe(1)
    expect(await page.getByRole('dialog').count()).toBe(0)

    // A confirmed send lost nothing typed, so "New order" clears without asking.
    await result(page).getByRole('button', { name: 'New order', exact: true }).click()
    await expect.poll(() => field(page, 'Order number').inputValue()).toBe('')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await result(page).count()).toBe(0)
    expect(await field(page, 'Email').inputValue()).toBe('')
    expect(await field(page, 'Order number').isDisabled()).toBe(false)
    await expect.poll(() => activeTestId(page)).toBe('order-order_number')
    expect(ordersPosted(app) - postedBefore).toBe(1)
    expect(errors).toEqual([])
  })

  it('starts the next order for the same customer and event with their details kept', async () => {
    const page = await openWorkbench(browser, app, errors)
    await fillOptIn(page, 'WB-NEXT-1', 'N-1')
    await page.getByRole('combobox', { name: 'Payment type' }).selectOption('none')
    await generateOptInToken(page)
    await submitButton(page).click()
    await expect.poll(() => result(page).getAttribute('data-outcome')).toBe('created')

    await result(page).getByRole('button', { name: 'New order for the same customer and event' }).click()
    await expect.poll(() => result(page).count()).toBe(0)
    const kept = {
      'Event name': 'Harbour Concert',
      'Event start date (UTC)': '2027-08-14',
      'First name': 'Dana',
      'Last name': 'Reyes',
      Email: 'dana@example.com',
      'Address line 1': '123 Main St',
      City: 'Phoenix',
      'Zip code': '85020',
      'Country code': 'us'
    }
    for (const [label, value] of Object.entries(kept))
      expect(await field(page, label).inputValue()).toBe(value)
    expect(await page.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe('EUR — Euro')
    expect(await page.getByRole('combobox', { name: 'Payment type' }).inputValue()).toBe('none')
    for (const label of [
      'Order number',
      'Quote token',
      'Item 1 name',
      'Item 1 reference number',
      'Item 1 cost'
    ]) {
      expect(await field(page, label).inputValue()).toBe('')
    }
    expect(await submitButton(page).isDisabled()).toBe(false)
    await expect.poll(() => activeTestId(page)).toBe('order-order_number')
    await screenshot(page, 'order-next-same-customer')

    // The kept details carry the next order to Teak.
    await fill(page, {
      'Order number': 'WB-NEXT-2',
      'Item 1 name': 'Parking',
      'Item 1 reference number': 'N-2',
      'Item 1 cost': '12'
    })
    await generateOptInToken(page)
    await field(page, 'Item 1 cost').press('Control+Enter')
    await expect.poll(() => result(page).getAttribute('data-outcome')).toBe('created')
    expect(sandboxOrder(app, 'WB-NEXT-2')?.customer).toMatchObject({
      first_name: 'Dana',
      email: 'dana@example.com'
    })
    expect(sandboxOrder(app, 'WB-NEXT-2')?.currency).toBe('EUR')
    expect(errors).toEqual([])
  })

  it("asks before sending an order number already sent, naming when, and then shows the journal's result", async () => {
    const page = await openWorkbench(browser, app, errors)
    await fillOptIn(page, 'WB-AGAIN-1', 'A-1')
    await generateOptInToken(page)
    await submitButton(page).click()
    await expect.poll(() => result(page).getAttribute('data-outcome')).toBe('created')
    const issued = await policyNumbers(result(page).getByRole('table'))
    expect(issued).toHaveLength(1)
    const [firstSend] = timelineOf('WB-AGAIN-1')
    const postedAfterFirst = ordersPosted(app)

    // The same order number again (as a person might retype it), without a quote token.
    await result(page).getByRole('button', { name: 'New order for the same customer and event' }).click()
    await fill(page, {
      'Order number': 'WB-AGAIN-1',
      'Item 1 name': 'Ticket',
      'Item 1 reference number': 'A-1',
      'Item 1 cost': '45'
    })
    await submitButton(page).click()
    const question = page.getByRole('dialog', { name: 'Send order WB-AGAIN-1 again?' })
    await question.waitFor()
    const when = question.locator('time')
    expect(await when.getAttribute('datetime')).toBe(firstSend.requestedAt)
    const whenText = (await when.textContent()) ?? ''
    expect(whenText).not.toBe('')
    expect(await question.textContent()).toContain(
      `Order WB-AGAIN-1 was already sent to Teak from this computer on ${whenText}; History lists it as Created.`
    )
    await screenshot(page, 'order-resend-question', { fullPage: false })
    await question.getByRole('button', { name: 'Cancel' }).click()
    await question.waitFor({ state: 'detached' })
    expect(await result(page).count()).toBe(0)

    // Confirmed (and the missing token acknowledged), it goes to Teak once, which answers "already exists".
    await submitButton(page).click()
    await question.getByRole('button', { name: 'Send again' }).click()
    await page
      .getByRole('dialog', { name: 'Send without a quote token?' })
      .getByRole('button', { name: 'Send as an opt-in' })
      .click()
    await expect.poll(() => result(page).getAttribute('data-outcome')).toBe('already_submitted')
    // Cancelling sent nothing: only the confirmed attempt reached Teak, and Teak still has one order.
    expect(ordersPosted(app) - postedAfterFirst).toBe(1)
    expect(app.services.sandbox.orders().filter((o) => o.order_number === 'WB-AGAIN-1')).toHaveLength(1)

    const answer = result(page)
    expect(await answer.getAttribute('role')).toBe('status')
    const text = (await answer.textContent()) ?? ''
    expect(text).toContain(`Already sent from this computer on ${whenText}; its policies are in History.`)
    expect(text).not.toContain('never confirmed')
    const link = answer.getByRole('link', { name: 'Open order WB-AGAIN-1 in History' })
    expect(await link.getAttribute('href')).toBe('#/history?order=WB-AGAIN-1&environment=local')
    const policies = answer.getByRole('table', { name: 'Policies issued by Teak for order WB-AGAIN-1' })
    expect(await policyNumbers(policies)).toEqual(issued)
    expect(await submitButton(page).isDisabled()).toBe(true)
    await expect.poll(() => activeTestId(page)).toBe('order-result')
    expect(await inViewport(policies)).toBe(true)
    await screenshot(page, 'order-resend-already-sent', { fullPage: false })

    await link.click()
    await page.getByRole('heading', { level: 2, name: 'Order WB-AGAIN-1' }).waitFor()
    expect(errors).toEqual([])
  })

  it('asks before sending an order number whose earlier attempt is still in doubt', async () => {
    // An attempt journaled as leaving for Teak, with no answer recorded: it may or may not have arrived.
    const attempt = app.services.journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: 'WB-DOUBT-1',
      request: { order_number: 'WB-DOUBT-1' }
    })
    const [inDoubt] = timelineOf('WB-DOUBT-1')
    expect(inDoubt.id).toBe(attempt)
    const page = await openWorkbench(browser, app, errors)
    const postedBefore = ordersPosted(app)
    await fillOptIn(page, 'WB-DOUBT-1', 'D-1')
    await generateOptInToken(page)
    await field(page, 'Item 1 cost').press('Control+Enter')

    const question = page.getByRole('dialog', { name: 'Send order WB-DOUBT-1 again?' })
    await question.waitFor()
    const when = question.locator('time')
    expect(await when.getAttribute('datetime')).toBe(inDoubt.requestedAt)
    expect(await question.textContent()).toContain(
      `An earlier attempt on ${await when.textContent()} to send order WB-DOUBT-1 may have reached Teak; History lists it as in doubt.`
    )
    await question.getByRole('button', { name: 'Cancel' }).click()
    await question.waitFor({ state: 'detached' })
    // Declined: the form is still there to send later, and nothing went out.
    expect(await submitButton(page).isDisabled()).toBe(false)
    expect(await result(page).count()).toBe(0)
    expect(ordersPosted(app)).toBe(postedBefore)
    expect(timelineOf('WB-DOUBT-1')).toHaveLength(1)
    expect(errors).toEqual([])
  })
})

import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, SCREENSHOT_DIR, screenshot } from '../support/browser'
import { createOrderAtTeak, optInOrder } from '../main/policies/support/teak-desk'

const ORDER = 'HIST-E2E-1'
const ITEMS = [
  { name: 'Floor ticket', reference: 'floor', cost: '100.00' },
  { name: 'Balcony ticket', reference: 'balcony', cost: '60.00' },
  { name: 'Stalls ticket', reference: 'stalls', cost: '40.00' }
]

describe('History in Chromium through the browser host, against the local sandbox', () => {
  let app: RunningApp
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    await createOrderAtTeak(app.services, ORDER, ITEMS)
    // An order Teak refused, and one whose answer never came: both need the agent.
    const refused = app.services.journal.recordIntent({
      kind: 'order',
      source: 'import',
      environment: 'local',
      orderNumber: 'HIST-REFUSED',
      request: optInOrder(app.services, 'HIST-REFUSED', ITEMS.slice(0, 1)),
      csvRows: [3]
    })
    app.services.journal.recordOutcome(refused, {
      outcome: 'rejected',
      httpStatus: 400,
      response: '{"error":{"errors":[{"reason":"InvalidCost","message":"Cost is not valid."}]}}',
      error: {
        kind: 'validation',
        message: 'Could not create order HIST-REFUSED: Teak said: Cost is not valid.'
      }
    })
    app.services.journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: 'HIST-DOUBT',
      request: optInOrder(app.services, 'HIST-DOUBT', ITEMS.slice(1, 2))
    })

    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(app.host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click()
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const policyNumberOf = (reference: string) =>
    app.services.journal
      .orderDetail('local', ORDER)!
      .policies.find((policy) => policy.itemReference === reference && policy.replacedBy === null)!
      .policyNumber
  const outcome = () => page.getByTestId('change-outcome').textContent()

  it('resolves an in-doubt order by sending it again', async () => {
    const inDoubt = page.getByRole('region', { name: /In doubt: Teak may or may not have this/ })
    await expect.poll(() => inDoubt.getByTestId('in-doubt-operation').count()).toBe(1)
    await screenshot(page, 'history-in-doubt')
    await inDoubt.getByRole('button', { name: 'Resolve: send Order HIST-DOUBT (opt-in) again' }).click()
    await expect
      .poll(() => page.getByTestId('in-doubt-report').textContent())
      .toContain('sent again. Created')
    await expect.poll(() => inDoubt.count()).toBe(0)
    expect(app.services.journal.latestOutcomeFor('local', 'HIST-DOUBT')).toBe('created')
  })

  it(
    'finds the order, upgrades an item, voids one policy and cancels another',
    { timeout: 120_000 },
    async () => {
      await page.getByLabel('Search', { exact: true }).fill(ORDER)
      await expect.poll(() => page.getByTestId('history-range').textContent()).toBe('Showing 1–1 of 1 order')
      await page.getByRole('button', { name: ORDER }).click()
      await expect.poll(() => page.getByRole('heading', { name: `Order ${ORDER}` }).isVisible()).toBe(true)
      expect(
        await page
          .getByRole('heading', { name: `Order ${ORDER}` })
          .evaluate((h) => h === document.activeElement)
      ).toBe(true)

      // Upgrade: floor (100.00) becomes a VIP seat at 150.
      const floorPolicy = policyNumberOf('floor')
      await page.getByLabel('Item to replace').selectOption('floor')
      await page.getByLabel('New item name').fill('VIP seat')
      await page.getByLabel('New reference number').fill('vip')
      await page.getByLabel('New item cost').fill('1,234')
      await page.getByRole('button', { name: 'Review and send…' }).click()
      const problems = page.getByRole('alert').filter({ hasText: 'The exchange cannot be sent yet' })
      await expect.poll(() => problems.textContent()).toContain('New item cost: "1,234" is ambiguous')
      expect(await problems.evaluate((box) => box === document.activeElement)).toBe(true)
      await page.getByLabel('New item cost').fill('150')
      await expect
        .poll(() => page.getByTestId('exchange-prediction').textContent())
        .toContain('Likely an upgrade')

      // The exchange asks first, with the predicted kind and what happens to the old policy and premium.
      const sentBefore = app.services.sandbox.requests().length
      await page.getByRole('button', { name: 'Review and send…' }).click()
      const exchangeDialog = page.getByRole('dialog', { name: 'Upgrade item floor?' })
      await exchangeDialog.waitFor()
      const consequences = await exchangeDialog.getByTestId('change-consequences').textContent()
      expect(consequences).toContain('Teak decides from the costs')
      expect(consequences).toContain(`Policy ${floorPolicy} stops covering item floor`)
      expect(consequences).toContain('Assumption: An exchange ends the old policy')
      expect(consequences).toContain('Assumption: On an upgrade the customer pays the higher premium')
      await screenshot(page, 'history-exchange-confirm', { fullPage: false })
      await exchangeDialog.getByRole('button', { name: 'Keep it' }).click()
      await expect.poll(() => exchangeDialog.isVisible()).toBe(false)
      expect(app.services.sandbox.requests()).toHaveLength(sentBefore)
      expect(app.services.journal.orderDetail('local', ORDER)!.timeline).toHaveLength(1)

      await page.getByRole('button', { name: 'Review and send…' }).click()
      await exchangeDialog.getByRole('button', { name: 'Send the upgrade' }).click()
      await expect.poll(outcome).toContain('The exchange of item floor succeeded: Teak issued 1 new policy.')
      expect(app.services.sandbox.requests().length).toBeGreaterThan(sentBefore)
      const vipPolicy = policyNumberOf('vip')
      expect(
        await page.getByRole('table', { name: 'New items and policies returned by Teak' }).textContent()
      ).toContain(vipPolicy)
      const statusOf = (policyNumber: string) =>
        page
          .getByTestId('policy-row')
          .filter({ hasText: policyNumber })
          .getByTestId('policy-status')
          .textContent()
      // Teak's answer named only the new policy: the old one no longer reads as Issued.
      await expect.poll(() => statusOf(floorPolicy)).toContain('Replaced by item vip')
      expect(await statusOf(floorPolicy)).not.toContain('Issued')
      expect(await statusOf(floorPolicy)).toContain('its status for this one is not known')
      expect(await statusOf(vipPolicy)).toMatch(/Issued\s*as of /)

      // Void balcony: the dialog states the consequence first.
      const balconyPolicy = policyNumberOf('balcony')
      await page.getByRole('button', { name: `Void policy ${balconyPolicy}` }).click()
      const dialog = page.getByRole('dialog', { name: `Void policy ${balconyPolicy}?` })
      expect(await dialog.textContent()).toContain('The customer is refunded the protection cost')
      expect(await dialog.textContent()).toContain('look period')
      await dialog.getByRole('button', { name: 'Void policy' }).click()
      await expect
        .poll(outcome)
        .toContain(`The void of policy ${balconyPolicy} succeeded: Teak now reports it as Voided`)
      await expect.poll(() => statusOf(balconyPolicy)).toMatch(/Voided\s*as of /)

      // Cancel stalls.
      const stallsPolicy = policyNumberOf('stalls')
      await page.getByRole('button', { name: `Cancel policy ${stallsPolicy}` }).click()
      const cancelDialog = page.getByRole('dialog', { name: `Cancel policy ${stallsPolicy}?` })
      expect(await cancelDialog.textContent()).toContain('can no longer void the policy or request a refund')
      await cancelDialog.getByRole('button', { name: 'Cancel policy' }).click()
      await expect.poll(outcome).toContain('Teak now reports it as Canceled')
      await expect.poll(() => statusOf(stallsPolicy)).toMatch(/Canceled\s*as of /)

      // What Teak would refuse is not offered: disabled, with the reason in words, tied to the button.
      const reasonOf = async (name: string) => {
        const button = page.getByRole('button', { name })
        expect(await button.isDisabled()).toBe(true)
        const id = await button.getAttribute('aria-describedby')
        expect(id).toBeTruthy()
        return page.locator(`[id="${id}"]`).textContent()
      }
      expect(await reasonOf(`Void policy ${stallsPolicy}`)).toContain(
        'Teak does not void a canceled policy: it can no longer be voided. From Teak’s docs.'
      )
      expect(await reasonOf(`Cancel policy ${stallsPolicy}`)).toContain('It is already canceled.')
      expect(await reasonOf(`Exchange policy ${stallsPolicy}`)).toContain(
        'Teak exchanges only Issued policies; this one is Canceled.'
      )
      expect(await reasonOf(`Void policy ${balconyPolicy}`)).toContain('It is already voided.')
      expect(await reasonOf(`Cancel policy ${balconyPolicy}`)).toContain(
        'Assumption: A voided policy is not canceled'
      )
      expect(await reasonOf(`Exchange policy ${balconyPolicy}`)).toContain('this one is Voided')
      expect(await reasonOf(`Void policy ${floorPolicy}`)).toContain('replaced by item vip')
      expect(await page.getByRole('button', { name: `Void policy ${vipPolicy}` }).isDisabled()).toBe(false)
      await page
        .getByTestId('policy-row')
        .filter({ hasText: stallsPolicy })
        .screenshot({ path: `${SCREENSHOT_DIR}/history-canceled-actions.png` })
      await page
        .getByTestId('policy-row')
        .filter({ hasText: balconyPolicy })
        .screenshot({ path: `${SCREENSHOT_DIR}/history-voided-actions.png` })

      // "Exchange…" on a current policy starts the form on its item.
      await page.getByRole('button', { name: `Exchange policy ${vipPolicy}` }).click()
      expect(await page.getByLabel('Item to replace').inputValue()).toBe('vip')

      const entries = page.getByTestId('timeline-entry')
      await expect.poll(() => entries.count()).toBe(4)
      const headlines = await entries.locator('.headline').allTextContents()
      expect(headlines.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
        '1 Order (opt-in) Created',
        '2 Upgrade / downgrade / exchange Succeeded',
        '3 Void Succeeded',
        '4 Cancel Succeeded'
      ])
      // A step link in a policy's history stays on the page: it moves to the step instead.
      const floorRow = page.getByTestId('policy-row').filter({ hasText: floorPolicy })
      await floorRow.getByText('History', { exact: true }).click()
      expect(
        await floorRow.getByRole('list', { name: `History of policy ${floorPolicy}` }).textContent()
      ).toMatch(
        /Step 1\s*Order \(opt-in\): Created → Issued.*Step 2\s*Upgrade \/ downgrade \/ exchange: Succeeded/s
      )
      await floorRow.getByRole('link', { name: 'Step 2' }).click()
      expect(new URL(page.url()).hash).toBe('#/history')
      await expect.poll(() => entries.nth(1).evaluate((entry) => entry === document.activeElement)).toBe(true)
      await entries.nth(1).getByText('Request sent').click()
      expect(await entries.nth(1).locator('pre').first().textContent()).toContain(
        '"old_reference_number": "floor"'
      )
      await screenshot(page, 'history-detail')

      await page.getByRole('button', { name: '← Back to the list' }).click()
      const row = page.getByTestId('history-row').filter({ hasText: ORDER })
      await expect.poll(() => row.textContent()).toContain(`${vipPolicy} Issued`)
      expect(await row.textContent()).toContain(`${balconyPolicy} Voided`)
      expect(await row.textContent()).toContain(`${stallsPolicy} Canceled`)
      expect(await row.textContent()).not.toContain(floorPolicy)
      expect(
        await page.getByRole('button', { name: ORDER }).evaluate((b) => b === document.activeElement)
      ).toBe(true)
    }
  )

  it('exports what the search matches as CSV', async () => {
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^teak-history-.*\.csv$/)
    const content = readFileSync((await file.path())!, 'utf8')
    expect(content).toContain(ORDER)
    expect(content).not.toContain('HIST-REFUSED')
    await expect.poll(() => page.getByText(/^Exported teak-history-/).isVisible()).toBe(true)
  })

  it('filters by outcome and offers Correct and resend for a refused order', async () => {
    await page.getByLabel('Search', { exact: true }).fill('')
    await page.getByLabel('Outcome').selectOption('rejected')
    await expect.poll(() => page.getByTestId('history-range').textContent()).toBe('Showing 1–1 of 1 order')
    await page.getByLabel('Outcome').selectOption('')
    await expect.poll(() => page.getByTestId('history-range').textContent()).toBe('Showing 1–3 of 3 orders')
    await screenshot(page, 'history')

    await page.getByRole('button', { name: 'HIST-REFUSED' }).click()
    await page.getByRole('button', { name: 'Correct and resend' }).click()
    await expect.poll(() => new URL(page.url()).hash).toBe('#/orders')
    expect(errors).toEqual([])
  })
})

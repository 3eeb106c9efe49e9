import { userInfo } from 'node:os'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebhookSecretStore } from '../../src/main/notifications/webhook-secrets'
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-store'
import { testKeychainService } from '../main/secrets/support/keychain'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import {
  chooseCurrency,
  fill,
  fillCustomerAndAddress,
  openWorkbench,
  sandboxOrder
} from '../support/workbench'

const ORDER = 'NOTIFY-E2E-1'

describe("Teak's notifications in Chromium: a customer void reaches the inbox and History", () => {
  let app: RunningApp
  let browser: Browser
  let page: Page
  const errors: string[] = []
  const service = testKeychainService()

  beforeAll(async () => {
    // Batches every second instead of Teak's minute: the notification arrives as it would, only sooner.
    app = await startApp({
      secrets: createKeytarSecretStore({ service }),
      webhookSecrets: createWebhookSecretStore({ service }),
      sandboxNotificationIntervalMs: 1000
    })
    browser = await launchBrowser()
    page = await openWorkbench(browser, app, errors)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const nav = () => page.getByRole('navigation', { name: 'Main' })
  const count = () => nav().getByTestId('needs-action-count')

  it('sends an order, and the customer voids its protection at Teak', async () => {
    await fill(page, {
      'Order number': ORDER,
      'Event start date (UTC)': '2027-11-20',
      'Item 1 name': 'Floor ticket',
      'Item 1 reference number': 'FLOOR-1',
      'Item 1 cost': '100'
    })
    await chooseCurrency(page, 'eur')
    await fillCustomerAndAddress(page)
    await page.getByRole('button', { name: 'Generate opt-in token' }).click()
    await expect.poll(() => page.getByTestId('quote-mode').textContent()).toContain('Opt-in')
    await page.getByRole('button', { name: 'Submit opt-in order' }).click()
    await expect.poll(() => page.getByTestId('order-result').getAttribute('data-outcome')).toBe('created')
    expect(await count().count()).toBe(0)

    const [policy] = sandboxOrder(app, ORDER)!.policies
    const voided = await fetch(
      `${app.services.sandbox.url}/__sandbox/customer-void/${policy.policy_number}`,
      {
        method: 'POST'
      }
    )
    expect(voided.status).toBe(200)
    await expect.poll(() => count().textContent(), { timeout: 30_000 }).toMatch(/^\s*1/)

    await nav().getByRole('link', { name: 'Overview' }).click()
    const onOverview = page.getByTestId('overview-needs-action')
    await expect.poll(() => onOverview.innerText()).toContain('1 notification from Teak asks for action')
    expect(await onOverview.getByRole('link').getAttribute('href')).toBe('#/needs-action')
  })

  it('lists "Refund …" with the amount and currency, linked to the order', async () => {
    const [policy] = sandboxOrder(app, ORDER)!.policies
    expect(policy.premium).toBe('8.50')
    await nav()
      .getByRole('link', { name: /Needs action/ })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Needs action' }).waitFor()
    const action = page.getByTestId('notification-action')
    await expect
      .poll(() => action.textContent())
      .toBe(
        `Refund the protection cost of policy ${policy.policy_number} (8.50 EUR) to the customer of order ${ORDER}`
      )
    await screenshot(page, 'notifications-needs-action')
    expect(app.services.journal.listNotifications('local')).toMatchObject([
      { kind: 'contract_void', signature: 'raw', linked: true }
    ])
  })

  it("shows the policy Voided in History, from Teak's notification", async () => {
    await page.getByRole('link', { name: `Open order ${ORDER} in History` }).click()
    const row = page.getByTestId('policy-row').first()
    await expect.poll(() => row.getByTestId('policy-status').textContent()).toContain('Voided')
    expect((await row.getByTestId('status-notified').textContent())?.trim()).toMatch(
      /^from Teak's notification, .+/
    )
    await screenshot(page, 'notifications-history-voided')
  })

  it('marks the refund done, recording the agent and the time', async () => {
    await nav()
      .getByRole('link', { name: /Needs action/ })
      .click()
    await page.getByRole('button', { name: 'Mark done' }).click()
    await expect.poll(() => page.getByTestId('needs-action-empty').count()).toBe(1)
    await expect.poll(() => count().count()).toBe(0)
    await page.getByLabel('Show notifications already done').check()
    await expect
      .poll(() => page.getByTestId('notification-done').textContent())
      .toContain(`Done by ${userInfo().username} on`)
    await screenshot(page, 'notifications-done')
    const [stored] = app.services.journal.listNotifications('local', { includeDone: true })
    expect(stored).toMatchObject({ doneBy: userInfo().username, doneAt: expect.any(String) })
  })

  it('Settings explain the set-up for Teak, and keep the webhook secret in the keychain', async () => {
    await nav().getByRole('link', { name: 'Settings' }).click()
    // Set up before switching to it: Settings shows the environment chosen in its list.
    await page
      .getByRole('button', { name: /Teak sandbox/ })
      .first()
      .click()
    const setup = page.getByTestId('notifications-setup')
    await expect
      .poll(() => setup.textContent())
      .toContain('teak-desk notifications serve --env sandbox --port 8787')
    expect(await setup.textContent()).toContain('/teak/notifications')
    await setup.getByRole('button', { name: 'Save webhook secret' }).click()
    await expect.poll(() => page.locator('#webhook-secret').getAttribute('aria-invalid')).toBe('true')
    await page.getByLabel('Webhook secret', { exact: true }).fill('whsec-e2e-secret')
    await setup.getByRole('button', { name: 'Save webhook secret' }).click()
    await expect
      .poll(() => setup.getByTestId('webhook-secret-state').textContent())
      .toContain('A webhook secret is saved in the system keychain')
    expect(await createWebhookSecretStore({ service }).get('sandbox')).toBe('whsec-e2e-secret')
    await setup.getByText('What Teak Desk assumes about notifications').click()
    await setup.scrollIntoViewIfNeeded()
    await screenshot(page, 'notifications-settings', { fullPage: false })
    expect(errors).toEqual([])
  })
})

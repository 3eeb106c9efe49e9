import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'

describe('app shell in Chromium through the browser host', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('renders the shell and shows the version from an app.info round trip', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(app.host.url)
    await expect.poll(() => page.getByTestId('app-version').textContent()).toBe('v0.0.0-test')
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
    expect(page.url()).not.toContain('token=')
    await screenshot(page, 'shell')
    expect(errors).toEqual([])
  })

  it('shows a clear failure when the session token is wrong', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.host.origin}/#token=not-the-token`)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('token is not valid')
  })
})

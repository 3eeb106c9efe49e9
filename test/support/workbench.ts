import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { RunningApp } from './app-host'

/**
 * Driving the order workbench in Chromium as a person would: by the labels assistive technology reads.
 * `errors` collects the page's uncaught errors and console errors, for the test to expect none.
 */
export async function openWorkbench(
  browser: Browser,
  app: RunningApp,
  errors: string[],
  viewport = { width: 1280, height: 900 }
): Promise<Page> {
  const page = await browser.newPage({
    viewport,
    permissions: ['clipboard-read', 'clipboard-write']
  })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(app.host.url)
  await page.getByRole('heading', { level: 1, name: 'New order' }).waitFor()
  return page
}

/** By accessible name, as assistive technology finds it (the required mark "*" is hidden from it). */
export const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true })

export async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) await field(page, label).fill(value)
}

export async function chooseCurrency(page: Page, typed: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Currency' })
  await box.fill(typed)
  await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true')
  await box.press('Enter')
}

export async function fillCustomerAndAddress(page: Page): Promise<void> {
  await fill(page, {
    'First name': 'Dana',
    'Last name': 'Reyes',
    Email: 'dana@example.com',
    'Address line 1': '123 Main St',
    City: 'Phoenix',
    'Zip code': '85020',
    'Country code': 'us'
  })
}

/** How many order submissions reached the embedded sandbox. */
export const ordersPosted = (app: RunningApp) =>
  app.services.sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/api/v2/orders').length

export const sandboxOrder = (app: RunningApp, orderNumber: string) =>
  app.services.sandbox.orders().find((order) => order.order_number === orderNumber)

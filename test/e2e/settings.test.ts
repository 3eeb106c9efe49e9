import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-store'
import type { SecretStore } from '../../src/main/secrets/secret-store'
import { defaultSettings, saveSettingsFile, SETTINGS_FILE_NAME } from '../../src/main/settings/settings-file'
import { DEMO_KEYS } from '../../src/sandbox/auth'
import { ASSUMPTION_TABLE, DEFAULT_ASSUMPTIONS } from '../../src/shared/teak/assumptions'
import { keychainForTests, testKeychainService } from '../main/secrets/support/keychain'
import { startApp, type RunningApp } from '../support/app-host'
import { launchBrowser, screenshot } from '../support/browser'
import { makeTempDir } from '../support/temp-dir'
import { waitFor } from '../support/wait-for'
import { cliEnv, exited, startCli, type RunningCli } from '../main/cli/support/cli'

const keychain = await keychainForTests()

/** #b42318, the `--danger` colour of the production band. */
const PRODUCTION_RED = 'rgb(180, 35, 24)'
const WRONG_SECRET = 'sk_not_the_right_one'
/** A test that starts `teak-desk ui` in a process of its own, and may wait for it to rebuild the renderer. */
const UI_TEST_TIMEOUT_MS = 300_000

describe.skipIf(!keychain.run)(keychain.title('Settings page in Chromium through the browser host'), () => {
  let app: RunningApp
  let browser: Browser
  let secrets: SecretStore
  let page: Page
  let pageErrors: string[]

  beforeAll(async () => {
    secrets = createKeytarSecretStore({ service: testKeychainService() })
    app = await startApp({ secrets })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    if (app) await Promise.all(app.services.settings.environments().map((env) => secrets.delete(env.id)))
    await app?.stop()
  })

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    pageErrors = []
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))
    await page.goto(app.host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
  })
  afterEach(async () => {
    await page.close()
    expect(pageErrors).toEqual([])
  })

  const environmentButton = (name: RegExp) =>
    page.getByRole('list', { name: 'Environments' }).getByRole('button', { name })
  // By role: the required marker (*) is hidden from assistive technology, so it is not part of the name.
  const nameField = () => page.getByRole('textbox', { name: 'Name', exact: true })
  const switcher = () => page.getByLabel('Environment', { exact: true })
  const statusWith = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text })

  async function saveKeys(publicKey: string, secretKey: string): Promise<void> {
    await page.getByLabel('Public key', { exact: true }).fill(publicKey)
    await page.getByLabel('Secret key', { exact: true }).fill(secretKey)
    await page.getByRole('button', { name: /^(Save|Replace) keys$/ }).click()
    await statusWith('Keys saved').waitFor()
  }

  it('saves keys for the local sandbox, tests them, and never shows the secret again', async () => {
    await environmentButton(/^Local sandbox/).click()
    expect(await page.getByTestId('key-status').textContent()).toContain('built-in demo key')
    const secretInput = page.getByLabel('Secret key', { exact: true })
    expect(await secretInput.getAttribute('type')).toBe('password')
    expect(await secretInput.getAttribute('autocomplete')).toBe('off')

    await saveKeys(` ${DEMO_KEYS.publicKey} `, `${DEMO_KEYS.secretKey}\n`)

    expect(await secrets.get('local')).toEqual({ ...DEMO_KEYS, baseUrl: 'embedded' })
    expect(await page.getByTestId('public-key-masked').textContent()).toBe('pk_l…demo')
    expect(await page.getByTestId('key-status').textContent()).toContain('saved in the system keychain')
    expect(await secretInput.inputValue()).toBe('')
    expect(await page.getByLabel('Public key', { exact: true }).inputValue()).toBe('')
    expect(await page.content()).not.toContain(DEMO_KEYS.secretKey)

    await page.getByRole('button', { name: 'Test connection' }).click()
    await statusWith(/Connected to Local sandbox \(built in\) in \d+ ms/).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    await screenshot(page, 'settings')
  })

  it('reports wrong keys, then removes them so the demo keys apply again', async () => {
    await saveKeys(DEMO_KEYS.publicKey, WRONG_SECRET)
    await page.getByRole('button', { name: 'Test connection' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Wrong keys\..*refused the keys/)
    expect(await page.content()).not.toContain(WRONG_SECRET)

    await page.getByRole('button', { name: 'Remove keys' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove keys' }).click()
    await statusWith('Keys removed for Local sandbox').waitFor()
    expect(await secrets.get('local')).toBeNull()
    expect(await page.getByTestId('key-status').textContent()).toContain('built-in demo key')
    // The failure was about the removed keys: it must not linger as if it still applied.
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('explains problems with the keys under the fields as they are typed, and saves nothing', async () => {
    const publicKey = page.getByLabel('Public key', { exact: true })
    await publicKey.fill('p'.repeat(56))
    expect(await publicKey.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await publicKey.getAttribute('aria-describedby')) ?? ''
    const message = page.locator(`[id="${describedBy.split(' ')[0]}"]`)
    expect(await message.textContent()).toContain(
      'too long: Teak keys have at most 55 characters, this one has 56'
    )

    const secretKey = page.getByLabel('Secret key', { exact: true })
    await secretKey.fill('sk with space')
    expect(await secretKey.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#secret-key-error').textContent()).toContain('contains a space')

    await publicKey.fill('')
    await page.getByRole('button', { name: 'Save keys' }).click()
    expect(await page.locator('#public-key-error').textContent()).toBe('Enter the public key.')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('public-key')
    expect(await secrets.get('local')).toBeNull()
  })

  it('explains what production lacks instead of switching, then marks it unmistakably once it has both', async () => {
    const topbar = page.locator('header.topbar')
    await switcher().selectOption({ label: 'Production' })
    const refused = page.getByTestId('switch-refused')
    await refused.waitFor()
    expect(text(await refused.textContent())).toBe(
      "Production can't be used yet: it has no address and no keys. Add the API address Teak gave you and its keys in Settings, then switch to it. Open Settings"
    )
    expect(app.services.settings.current().selectedEnvironment).toBe('local')
    expect(await switcher().inputValue()).toBe('local')
    expect(await topbar.getAttribute('class')).not.toContain('production')
    await screenshot(page, 'settings-switch-refused', { fullPage: false })

    await refused.getByRole('link', { name: 'Open Settings' }).click()
    await page.getByRole('heading', { name: 'Production', level: 3 }).waitFor()
    await page.getByRole('button', { name: 'Test connection' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Not configured\..*has no address yet/)

    const address = page.getByLabel('API address')
    await address.fill('http://127.0.0.1:8080')
    await address.blur()
    expect(await page.locator('#environment-address-error').textContent()).toContain(
      'production is only reachable over https'
    )
    await address.fill('https://localhost:9/')
    await page.getByRole('button', { name: 'Save address' }).click()
    await statusWith('Saved Production.').waitFor()
    expect(await address.inputValue()).toBe('https://localhost:9')
    expect(app.services.settings.environment('production').baseUrl).toBe('https://localhost:9')
    await saveKeys('pk_production_public', 'sk_production_secret')

    await switcher().selectOption({ label: 'Production' })
    await expect.poll(() => topbar.getAttribute('class')).toContain('production')
    expect(await topbar.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(PRODUCTION_RED)
    expect(await page.getByTestId('production-label').textContent()).toBe('PRODUCTION')
    expect(app.services.settings.current().selectedEnvironment).toBe('production')
    await screenshot(page, 'settings-production')

    // What is being typed survives switching the environment in use (a new settings view).
    await address.fill('https://localhost:10/')
    await switcher().selectOption('local')
    await expect.poll(() => topbar.getAttribute('class')).not.toContain('production')
    expect(await page.getByTestId('production-label').count()).toBe(0)
    expect(await address.inputValue()).toBe('https://localhost:10/')
  })

  it('adds a custom environment, tests it, and removes it with its keys', async () => {
    await page.getByRole('button', { name: 'Add a custom environment' }).click()
    await nameField().fill('Teak sandbox')
    await page.getByLabel('API address').fill('http://127.0.0.1:1')
    await page.getByRole('button', { name: 'Add environment' }).click()
    await expect
      .poll(() => page.locator('#environment-name-error').textContent())
      .toContain('There is already an environment called "Teak sandbox"')

    await nameField().fill('EU staging')
    await page.getByRole('button', { name: 'Add environment' }).click()
    await page.getByRole('heading', { name: 'EU staging', level: 3 }).waitFor()
    expect(await switcher().locator('option').allTextContents()).toContain('EU staging')
    expect(app.services.settings.environment('eu-staging').baseUrl).toBe('http://127.0.0.1:1')

    await saveKeys('pk_custom_public_key', 'sk_custom_secret_key')
    expect(await secrets.get('eu-staging')).toEqual({
      publicKey: 'pk_custom_public_key',
      secretKey: 'sk_custom_secret_key',
      baseUrl: 'http://127.0.0.1:1'
    })
    await page.getByRole('button', { name: 'Test connection' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Server not reachable\..*Could not reach EU staging/)

    // A new address: the keys stay behind until they are confirmed for it.
    await page.getByLabel('API address').fill('http://127.0.0.1:2')
    await page.getByRole('button', { name: 'Save address' }).click()
    await statusWith('Saved EU staging.').waitFor()
    expect(await page.getByTestId('keys-address-changed').textContent()).toMatch(
      /saved for http:\/\/127\.0\.0\.1:1;\s+EU staging now points at http:\/\/127\.0\.0\.1:2\./
    )
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect
      .poll(() => alert.textContent())
      .toMatch(
        /Keys saved for another address\..*The keys for EU staging were saved for http:\/\/127\.0\.0\.1:1; this environment now points at http:\/\/127\.0\.0\.1:2\./
      )
    await screenshot(page, 'settings-keys-address-changed')
    await page.getByRole('button', { name: 'Confirm keys for this address' }).click()
    await statusWith('Keys confirmed for http://127.0.0.1:2.').waitFor()
    expect(await page.getByTestId('keys-address-changed').count()).toBe(0)
    expect(await secrets.get('eu-staging')).toMatchObject({ baseUrl: 'http://127.0.0.1:2' })
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => alert.textContent()).toMatch(/Server not reachable\..*127\.0\.0\.1:2/)

    await page.getByRole('button', { name: 'Remove environment' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove environment' }).click()
    await expect.poll(() => environmentButton(/^EU staging/).count()).toBe(0)
    expect(await switcher().locator('option').allTextContents()).not.toContain('EU staging')
    expect(await secrets.get('eu-staging')).toBeNull()
  })

  it('shows the fixed address of the Teak sandbox, chosen from the keyboard', async () => {
    await environmentButton(/^Teak sandbox/).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Teak sandbox', level: 3 }).waitFor()
    expect(await page.getByText('https://api.sandbox.helloteak.com', { exact: true }).isVisible()).toBe(true)
    // Its address is not editable: only production and custom environments have an address form.
    expect(await page.getByLabel('API address').count()).toBe(0)
    expect(await page.getByTestId('key-status').textContent()).toContain(
      'No keys are saved for Teak sandbox.'
    )
  })

  it("lists every assumption with its reason and source, and keeps each environment's own choice", async () => {
    await environmentButton(/^Local sandbox/).click()
    const section = page.getByRole('group', { name: 'Assumptions' })
    await section.waitFor()
    for (const row of ASSUMPTION_TABLE) {
      const choice = section.getByRole('combobox', { name: row.label, exact: true })
      expect(await choice.inputValue(), row.name).toBe(row.default)
      const about = page.locator(`[id="${await choice.getAttribute('aria-describedby')}"]`)
      const described = await about.textContent()
      expect(described, row.name).toContain(row.reason)
      expect(described, row.name).toContain(`Source: ${row.source}.`)
      expect(described, row.name).toContain(row.name)
    }
    expect(await section.getByRole('combobox').count()).toBe(ASSUMPTION_TABLE.length)

    // From the keyboard: focus the choice and pick Block.
    const zip = section.getByRole('combobox', { name: 'A billing address needs a zip code', exact: true })
    await zip.focus()
    await zip.selectOption('block')
    await statusWith('Saved: A billing address needs a zip code — Block: refuse the order.').waitFor()
    expect(app.services.settings.assumptions('local').billingZipCode).toBe('block')
    expect(app.services.settings.assumptions('sandbox').billingZipCode).toBe('warn')
    const auth = section.getByRole('combobox', { name: 'Path of the auth token endpoint', exact: true })
    await auth.selectOption('/api/v2/auth/token')
    await statusWith(/^Saved: Path of the auth token endpoint/).waitFor()
    await screenshot(page, 'settings-assumptions')

    // Kept across a reload, and the connection test confirms the auth path it used.
    await page.reload()
    await environmentButton(/^Local sandbox/).click()
    expect(await zip.inputValue()).toBe('block')
    await page.getByRole('button', { name: 'Test connection' }).click()
    const checks = page.getByRole('table', { name: 'What the test could confirm of the wire assumptions' })
    await checks.waitFor()
    expect(await checks.locator('tbody tr').allTextContents()).toEqual([
      'authPath/api/v2/auth/tokenconfirmed: Teak issued a token at /api/v2/auth/token',
      'trailingSlashas_documentednot checked: a connection test only asks for a token',
      'orderIdKindprotecht_order_idnot checked: a connection test only asks for a token',
      'policyIdKindpolicy_numbernot checked: a connection test only asks for a token'
    ])

    await zip.selectOption('warn')
    await auth.selectOption('/api/v2/auth/token/')
    await expect.poll(() => app.services.settings.assumptions('local')).toEqual(DEFAULT_ASSUMPTIONS)
  })

  it('keeps the import settings, refusing a concurrency outside 1 to 16', async () => {
    const concurrency = page.getByLabel('Orders sent at the same time')
    await concurrency.fill('17')
    await page.getByRole('button', { name: 'Save import settings' }).click()
    expect(await page.locator('#import-concurrency-error').textContent()).toBe(
      'Submit at most 16 orders at a time.'
    )
    await concurrency.fill('8')
    await page.getByLabel('Reuse one access token until it expires').check()
    await page.getByRole('button', { name: 'Save import settings' }).click()
    await statusWith('Import settings saved.').waitFor()
    expect(app.services.settings.current()).toMatchObject({ importConcurrency: 8, tokenReuse: true })

    await page.reload()
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
    expect(await page.getByLabel('Orders sent at the same time').inputValue()).toBe('8')
    expect(await page.getByLabel('Reuse one access token until it expires').isChecked()).toBe(true)
  })
})

/** An element's text as a person reads it: runs of white space (from the markup's line breaks) as one space. */
function text(content: string | null): string {
  return (content ?? '').replace(/\s+/g, ' ').trim()
}

describe.runIf(process.platform === 'linux')(
  'without a password store (no D-Bus session): the keychain message only where keys are needed',
  () => {
    const home = makeTempDir('teak-desk-home-')
    const runtimeDir = makeTempDir('teak-desk-no-bus-')
    let browser: Browser
    let ui: RunningCli | null = null

    /** `teak-desk ui` as a person starts it on a machine whose desktop session has no Secret Service. */
    async function startUi(): Promise<string> {
      const env = cliEnv(home.path, { XDG_RUNTIME_DIR: runtimeDir.path })
      for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY']) delete env[name]
      const started = startCli(['ui', '--port', '0'], env)
      ui = started
      // Generous: a renderer edited since the suite's build is rebuilt first.
      await waitFor(
        'the browser host to start',
        () => /running at (\S+)/.test(started.output().stdout),
        180_000
      )
      return /running at (\S+)/.exec(started.output().stdout)![1]
    }

    async function stopUi(): Promise<void> {
      if (!ui) return
      const running = ui
      ui = null
      running.kill('SIGTERM')
      await exited(running)
    }

    beforeAll(async () => {
      browser = await launchBrowser()
    })
    afterAll(async () => {
      await stopUi()
      await browser?.close()
      home.remove()
      runtimeDir.remove()
    })

    async function open(url: string, route: string): Promise<Page> {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
      await page.goto(url)
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: route }).click()
      await page
        .getByRole('heading', { name: route === 'Import CSV' ? 'Import CSV' : route, level: 1 })
        .waitFor()
      return page
    }

    it(
      'says nothing about it on the local sandbox, and once, with How to fix, for the Teak sandbox',
      async () => {
        const url = await startUi()
        const overview = await open(url, 'Overview')
        await overview.getByTestId('overview-today').waitFor()
        expect(await overview.getByTestId('keychain-problem').count()).toBe(0)
        expect(await overview.getByText(/D-Bus|keychain|password store/).count()).toBe(0)
        await screenshot(overview, 'keychain-local-sandbox')
        await overview.close()

        const settings = await open(url, 'Settings')
        await settings.getByRole('heading', { name: /^Local sandbox/, level: 3 }).waitFor()
        expect(await settings.getByTestId('keychain-problem').count()).toBe(0)
        await settings
          .getByRole('list', { name: 'Environments' })
          .getByRole('button', { name: /^Teak sandbox/ })
          .click()
        await settings.getByRole('heading', { name: 'Teak sandbox', level: 3 }).waitFor()
        const problem = settings.getByTestId('keychain-problem')
        expect(await problem.count()).toBe(1)
        expect(text(await problem.textContent())).toMatch(
          /^Teak Desk can't reach this computer's password store, where it keeps API keys\. .*How to fix/
        )
        expect(await problem.getByText(/D-Bus/).isVisible()).toBe(false)
        await problem.getByText('How to fix').click()
        expect(await problem.getByText(/Cannot autolaunch D-Bus/).isVisible()).toBe(true)

        // Nothing can be read from the password store: the test says no keys are saved, without blaming it.
        await settings.getByRole('button', { name: 'Test connection' }).click()
        const alert = settings.getByRole('alert')
        await alert.waitFor()
        expect(text(await alert.textContent())).toBe(
          'No keys. No keys are saved for Teak sandbox. Enter the public and secret key from the Teak dashboard in API keys above, then test again.'
        )
        expect(await settings.getByText(/D-Bus/).count()).toBe(1)
        await screenshot(settings, 'keychain-settings-teak-sandbox')

        // Without keys it cannot be switched to: what is missing is said instead.
        await settings.getByLabel('Environment', { exact: true }).selectOption({ label: 'Teak sandbox' })
        expect(text(await settings.getByTestId('switch-refused').textContent())).toMatch(
          /^Teak sandbox can't be used yet: it has no keys\./
        )
        await settings.close()
      },
      UI_TEST_TIMEOUT_MS
    )

    it(
      'shows it once on every page while the Teak sandbox is in use',
      async () => {
        await stopUi()
        // Chosen while the password store still answered.
        await saveSettingsFile(join(home.path, SETTINGS_FILE_NAME), {
          ...defaultSettings(),
          selectedEnvironment: 'sandbox'
        })
        const url = await startUi()
        for (const route of ['Overview', 'Import CSV', 'History', 'Settings']) {
          const page = await open(url, route)
          const problem = page.getByTestId('keychain-problem')
          await problem.waitFor()
          expect(await problem.count(), route).toBe(1)
          expect(await problem.getByText('How to fix').count(), route).toBe(1)
          if (route === 'Overview') {
            await problem.getByText('How to fix').click()
            await screenshot(page, 'keychain-teak-sandbox-overview')
          }
          await page.close()
        }
      },
      UI_TEST_TIMEOUT_MS
    )
  }
)

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Handlers } from '../../../src/main/contract/dispatcher'
import { settingsHandlers } from '../../../src/main/ipc/settings-handlers'
import { keyVariablesFor } from '../../../src/main/secrets/credentials'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import { resolveEnvironmentBaseUrl } from '../../../src/main/settings/environments'
import { openSettingsStore } from '../../../src/main/settings/store'
import { createTeakClient } from '../../../src/main/teak/client'
import { startSandbox, strictAssumptions } from '../../../src/sandbox/index'
import { DEFAULT_ASSUMPTIONS } from '../../../src/shared/teak/assumptions'
import type { SettingsView } from '../../../src/shared/contract/settings'
import { keychainForTests, testKeychainService } from '../secrets/support/keychain'
import { makeTempDir } from '../../support/temp-dir'

const keychain = await keychainForTests()
const DEMO_VARIABLES = { TEAK_PUBLIC_KEY: 'pk_local_demo', TEAK_SECRET_KEY: 'sk_local_demo' }

let sandbox: Awaited<ReturnType<typeof startSandbox>>
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
})
afterAll(() => sandbox.close())

let dir: ReturnType<typeof makeTempDir>
const service = testKeychainService()
const secrets = createKeytarSecretStore({ service })
beforeEach(() => (dir = makeTempDir()))
afterEach(() => dir.remove())

/** The real dispatcher over the settings handlers: inputs and outputs are held to the contract as in the app. */
async function app(env?: NodeJS.ProcessEnv) {
  const settings = await openSettingsStore(dir.path)
  const handlers = settingsHandlers({
    settings,
    secrets,
    resolveBaseUrl: (environment) => resolveEnvironmentBaseUrl(environment, sandbox.url),
    createClient: createTeakClient,
    keyVariables: env && keyVariablesFor(env)
  })
  const dispatch = createDispatcher(handlers as Handlers)
  return async (method: string, input: unknown = {}) => {
    const result = await dispatch(method, input)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.data as never
  }
}

const keysOf = (view: SettingsView, id: string) => view.environments.find((env) => env.id === id)?.keys

describe('without the keychain', () => {
  it('shows the environments, the demo keys of the local sandbox and which ones need confirmation', async () => {
    const call = await app()
    const view: SettingsView = await call('settings.get')
    expect(view).toMatchObject({
      selectedEnvironment: 'local',
      importConcurrency: 4,
      tokenReuse: false,
      loadWarning: null
    })
    expect(
      view.environments.map(({ id, kind, requiresConfirmation }) => [id, kind, requiresConfirmation])
    ).toEqual([
      ['local', 'local', false],
      ['sandbox', 'sandbox', false],
      ['production', 'production', true]
    ])
    expect(keysOf(view, 'local')).toEqual({
      publicKeyMasked: 'pk_l…demo',
      hasSecret: true,
      source: 'demo',
      savedForOtherAddress: null
    })
  })

  it('shows keys from TEAK_PUBLIC_KEY / TEAK_SECRET_KEY, masked, for the one environment TEAK_ENV names', async () => {
    const variables = { TEAK_PUBLIC_KEY: 'pk_from_variables', TEAK_SECRET_KEY: 'sk_from_variables' }
    const call = await app({ ...variables, TEAK_ENV: 'sandbox' })
    const view: SettingsView = await call('settings.get')
    expect(view.environments.map((env) => [env.id, env.keys.source])).toEqual([
      ['local', 'demo'],
      ['sandbox', 'environment'],
      ['production', 'none']
    ])
    expect(keysOf(view, 'sandbox')).toEqual({
      publicKeyMasked: 'pk_f…bles',
      hasSecret: true,
      source: 'environment',
      savedForOtherAddress: null
    })
    expect(view.credentialsProblem).toBeNull()
    expect(JSON.stringify(view)).not.toContain('sk_from')

    const unnamed: SettingsView = await (await app(variables))('settings.get')
    expect(unnamed.environments.map((env) => env.keys.source)).toEqual(['demo', 'none', 'none'])
    expect(unnamed.credentialsProblem).toMatch(
      /^TEAK_PUBLIC_KEY and TEAK_SECRET_KEY are used only for the environment named by TEAK_ENV .*so they are ignored\.$/
    )
  })

  it('still shows the page when only one variable is set, and says what is wrong', async () => {
    const call = await app({ TEAK_SECRET_KEY: 'sk_alone', TEAK_ENV: 'sandbox' })
    const view: SettingsView = await call('settings.get')
    expect(view.credentialsProblem).toMatch(/^TEAK_SECRET_KEY is set but TEAK_PUBLIC_KEY is not\./)
    expect(keysOf(view, 'sandbox')).toMatchObject({ publicKeyMasked: null, hasSecret: false, source: 'none' })
    await expect(call('settings.testConnection', { envId: 'sandbox' })).rejects.toMatchObject({
      code: 'no_credentials'
    })
  })

  it('passes on the warning about a damaged settings file', async () => {
    writeFileSync(join(dir.path, 'settings.json'), '{ broken')
    const view: SettingsView = await (await app())('settings.get')
    expect(view.loadWarning).toMatch(/^Your settings file could not be used \(it is not valid JSON\)/)
  })

  it('refuses invalid environments with a message per field', async () => {
    const call = await app()
    await expect(
      call('settings.saveEnvironment', { label: 'Stage', baseUrl: 'http://stage.example.com' })
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: {
        issues: [
          {
            path: ['baseUrl'],
            message:
              'The address must start with https://. Plain http is only allowed for this computer (localhost or 127.0.0.1).'
          }
        ]
      }
    })
    await expect(
      call('settings.saveEnvironment', {
        id: 'production',
        label: 'Production',
        baseUrl: 'http://127.0.0.1:1'
      })
    ).rejects.toMatchObject({ code: 'invalid_input', details: { issues: [{ path: ['baseUrl'] }] } })
    await expect(call('settings.removeEnvironment', { id: 'sandbox' })).rejects.toMatchObject({
      code: 'forbidden'
    })
  })

  it("shows every environment's assumptions, at their defaults until changed", async () => {
    const view: SettingsView = await (await app())('settings.get')
    for (const env of view.environments) expect(env.assumptions).toEqual(DEFAULT_ASSUMPTIONS)
  })

  it('sets assumptions per environment, keeps only the changed ones in settings.json, and refuses unknown ones', async () => {
    const call = await app()
    const view: SettingsView = await call('settings.setAssumptions', {
      envId: 'sandbox',
      assumptions: { billingZipCode: 'off', authPath: '/api/v2/auth/token', emailFormat: 'warn' }
    })
    const sandboxEnv = view.environments.find((env) => env.id === 'sandbox')
    expect(sandboxEnv?.assumptions).toEqual({
      ...DEFAULT_ASSUMPTIONS,
      billingZipCode: 'off',
      authPath: '/api/v2/auth/token'
    })
    expect(view.environments.find((env) => env.id === 'local')?.assumptions).toEqual(DEFAULT_ASSUMPTIONS)
    const file = JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8'))
    expect(file.assumptions).toEqual({
      sandbox: { billingZipCode: 'off', authPath: '/api/v2/auth/token' }
    })
    // Back to the default: nothing is kept.
    await call('settings.setAssumptions', { envId: 'sandbox', assumptions: { billingZipCode: 'warn' } })
    expect(JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8')).assumptions).toEqual({
      sandbox: { authPath: '/api/v2/auth/token' }
    })
    // A restart reads them back.
    const reread: SettingsView = await (await app())('settings.get')
    expect(reread.environments[1].assumptions.authPath).toBe('/api/v2/auth/token')

    await expect(
      call('settings.setAssumptions', { envId: 'sandbox', assumptions: { zipCodeRule: 'off' } })
    ).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(
      call('settings.setAssumptions', { envId: 'sandbox', assumptions: { billingZipCode: 'maybe' } })
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: ['assumptions', 'billingZipCode'] }] }
    })
    await expect(
      call('settings.setAssumptions', { envId: 'nope', assumptions: { billingZipCode: 'off' } })
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('drops the assumptions of a custom environment it removes, so a new one with the same name starts from the defaults', async () => {
    const call = await app()
    const { id } = await call('settings.saveEnvironment', { label: 'Emulator', baseUrl: sandbox.url })
    await call('settings.setAssumptions', { envId: id, assumptions: { itemName: 'block' } })
    await call('settings.removeEnvironment', { id })
    const again: { id: string; settings: SettingsView } = await call('settings.saveEnvironment', {
      label: 'Emulator',
      baseUrl: sandbox.url
    })
    expect(again.id).toBe(id)
    expect(again.settings.environments.find((env) => env.id === id)?.assumptions).toEqual(DEFAULT_ASSUMPTIONS)
  })

  it("tests the connection at the environment's auth path", async () => {
    const strict = await startSandbox({
      port: 0,
      assumptions: strictAssumptions({ ...DEFAULT_ASSUMPTIONS, authPath: '/api/v2/auth/token' })
    })
    try {
      const call = await app({ ...DEMO_VARIABLES, TEAK_ENV: 'strict' })
      const { id } = await call('settings.saveEnvironment', { label: 'Strict', baseUrl: strict.url })
      expect(id).toBe('strict')
      expect(await call('settings.testConnection', { envId: id })).toMatchObject({
        ok: false,
        reason: 'other'
      })
      await call('settings.setAssumptions', { envId: id, assumptions: { authPath: '/api/v2/auth/token' } })
      const result = await call('settings.testConnection', { envId: id })
      expect(result).toMatchObject({ ok: true })
      expect((result as { assumptions: unknown[] }).assumptions[0]).toMatchObject({
        name: 'authPath',
        status: 'confirmed'
      })
    } finally {
      await strict.close()
    }
  })

  it('saves, selects and updates, returning the new settings each time', async () => {
    const call = await app({ ...DEMO_VARIABLES, TEAK_ENV: 'loopback-emulator' })
    const saved: { id: string; settings: SettingsView } = await call('settings.saveEnvironment', {
      label: 'Loopback emulator',
      baseUrl: sandbox.url
    })
    expect(saved.id).toBe('loopback-emulator')
    expect(saved.settings.environments.at(-1)).toMatchObject({
      id: saved.id,
      kind: 'custom',
      baseUrl: sandbox.url
    })
    expect(await call('settings.selectEnvironment', { id: saved.id })).toMatchObject({
      selectedEnvironment: saved.id
    })
    expect(await call('settings.update', { importConcurrency: 16, tokenReuse: true })).toMatchObject({
      importConcurrency: 16,
      tokenReuse: true
    })
  })

  it('refuses to switch to an environment without an address or keys, saying what is missing', async () => {
    const call = await app()
    await expect(call('settings.selectEnvironment', { id: 'production' })).rejects.toMatchObject({
      code: 'conflict',
      message:
        "Production can't be used yet: it has no address and no keys. Add the API address Teak gave you and its keys in Settings, then switch to it.",
      details: { reason: 'environment_incomplete', environmentId: 'production', missing: ['address', 'keys'] }
    })
    await expect(call('settings.selectEnvironment', { id: 'sandbox' })).rejects.toMatchObject({
      message: "Teak sandbox can't be used yet: it has no keys. Add its keys in Settings, then switch to it.",
      details: { missing: ['keys'] }
    })
    expect(((await call('settings.get')) as SettingsView).selectedEnvironment).toBe('local')
  })

  it('tests a connection only when the environment has an address and keys', async () => {
    const call = await app()
    expect(await call('settings.testConnection', { envId: 'local' })).toEqual({
      ok: true,
      ms: expect.any(Number),
      assumptions: expect.any(Array)
    })
    expect(await call('settings.testConnection', { envId: 'production' })).toEqual({
      ok: false,
      reason: 'not_configured',
      message: 'Production has no address yet. Enter the API address Teak gave you, then test again.'
    })
    await expect(call('settings.testConnection', { envId: 'nope' })).rejects.toMatchObject({
      code: 'not_found'
    })
  })

  it('tests a custom environment with keys from the variables', async () => {
    const call = await app({ ...DEMO_VARIABLES, TEAK_ENV: 'emulator' })
    const { id } = await call('settings.saveEnvironment', { label: 'Emulator', baseUrl: sandbox.url })
    expect(await call('settings.testConnection', { envId: id })).toEqual({
      ok: true,
      ms: expect.any(Number),
      assumptions: expect.any(Array)
    })
  })
})

describe.runIf(keychain.run)(keychain.title('with the keychain'), () => {
  afterAll(async () => {
    for (const envId of ['local', 'sandbox', 'emulator']) await secrets.delete(envId)
  })

  it('stores keys in the keychain only: settings show them masked, no file holds the secret', async () => {
    const call = await app()
    const secretKey = `sk_${Date.now()}_never_on_disk`
    await call('settings.update', { tokenReuse: true })
    const view: SettingsView = await call('settings.setKeys', {
      envId: 'sandbox',
      publicKey: ' pk_sandbox_12345 ',
      secretKey
    })
    expect(keysOf(view, 'sandbox')).toEqual({
      publicKeyMasked: 'pk_s…2345',
      hasSecret: true,
      source: 'keychain',
      savedForOtherAddress: null
    })
    expect(view.credentialsProblem).toBeNull()
    expect(await secrets.get('sandbox')).toEqual({
      publicKey: 'pk_sandbox_12345',
      secretKey,
      baseUrl: 'https://api.sandbox.helloteak.com'
    })

    expect(readdirSync(dir.path)).toEqual(['settings.json'])
    const onDisk = readFileSync(join(dir.path, 'settings.json'), 'utf8')
    expect(onDisk).toContain('"tokenReuse": true')
    expect(onDisk).not.toContain(secretKey)
    expect(onDisk).not.toContain('pk_sandbox')
    expect(JSON.stringify(view)).not.toContain(secretKey)

    const removed: SettingsView = await call('settings.removeKeys', { envId: 'sandbox' })
    expect(keysOf(removed, 'sandbox')).toMatchObject({
      publicKeyMasked: null,
      hasSecret: false,
      source: 'none'
    })
    expect(await secrets.get('sandbox')).toBeNull()
  })

  it('lets the local sandbox use other keys, and falls back to the demo keys when they are removed', async () => {
    const call = await app()
    const stored: SettingsView = await call('settings.setKeys', {
      envId: 'local',
      publicKey: 'pk_other_local',
      secretKey: 'sk_x'
    })
    expect(keysOf(stored, 'local')).toMatchObject({ source: 'keychain', publicKeyMasked: 'pk_o…ocal' })
    expect(await call('settings.testConnection', { envId: 'local' })).toMatchObject({
      ok: false,
      reason: 'wrong_keys'
    })
    const removed: SettingsView = await call('settings.removeKeys', { envId: 'local' })
    expect(keysOf(removed, 'local')).toMatchObject({ source: 'demo', publicKeyMasked: 'pk_l…demo' })
  })

  it('refuses keys for an environment that does not exist', async () => {
    const call = await app()
    await expect(
      call('settings.setKeys', { envId: 'nope', publicKey: 'pk_a', secretKey: 'sk_a' })
    ).rejects.toMatchObject({ code: 'not_found' })
    expect(await secrets.get('nope')).toBeNull()
  })

  it('tests a connection with stored keys, and says when there are none', async () => {
    const call = await app()
    const { id } = await call('settings.saveEnvironment', { label: 'Emulator', baseUrl: sandbox.url })
    expect(await call('settings.testConnection', { envId: id })).toMatchObject({
      ok: false,
      reason: 'no_keys'
    })
    await call('settings.setKeys', { envId: id, publicKey: 'pk_local_demo', secretKey: 'sk_local_demo' })
    expect(await call('settings.testConnection', { envId: id })).toEqual({
      ok: true,
      ms: expect.any(Number),
      assumptions: expect.any(Array)
    })
  })

  it('forgets the keys of a custom environment it removes, so a new one with the same name starts empty', async () => {
    const call = await app()
    const { id } = await call('settings.saveEnvironment', { label: 'Emulator', baseUrl: sandbox.url })
    await call('settings.setKeys', { envId: id, publicKey: 'pk_local_demo', secretKey: 'sk_local_demo' })
    await call('settings.removeEnvironment', { id })
    expect(await secrets.get(id)).toBeNull()
    const again: { id: string; settings: SettingsView } = await call('settings.saveEnvironment', {
      label: 'Emulator',
      baseUrl: sandbox.url
    })
    expect(again.id).toBe(id)
    expect(keysOf(again.settings, id)).toMatchObject({ source: 'none' })
  })
})

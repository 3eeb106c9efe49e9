import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Handlers } from '../../../src/main/contract/dispatcher'
import { settingsHandlers } from '../../../src/main/ipc/settings-handlers'
import { openEnvironmentClient } from '../../../src/main/orders/teak-client-for'
import { NO_KEY_VARIABLES } from '../../../src/main/secrets/credentials'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import { resolveEnvironmentBaseUrl } from '../../../src/main/settings/environments'
import { openSettingsStore, type SettingsStore } from '../../../src/main/settings/store'
import { createTeakClient } from '../../../src/main/teak/client'
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../../src/sandbox/index'
import type { SettingsView } from '../../../src/shared/contract/settings'
import { makeTempDir } from '../../support/temp-dir'
import { keychainForTests, testKeychainService } from '../secrets/support/keychain'
import { startFakeTeak, type FakeTeak } from '../teak/fake-teak'

const keychain = await keychainForTests()

/**
 * The attack of issue 15: an environment with keys gets a new address (by mistake, or by someone who can edit
 * settings.json), and the next "Test connection" or send would hand the secret to that host. The stand-in for
 * the new host is a loopback server that records every request.
 */
describe.runIf(keychain.run)(keychain.title('keys stay with the address they were saved for'), () => {
  const secrets = createKeytarSecretStore({ service: testKeychainService() })
  let sandbox: RunningSandbox
  let echo: FakeTeak
  let dir: ReturnType<typeof makeTempDir>
  let settings: SettingsStore
  let call: (method: string, input?: unknown) => Promise<never>

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    echo = await startFakeTeak((request) => ({ status: 400, body: { echo: request.body } }))
  })
  afterAll(async () => {
    await secrets.delete('staging')
    await echo.close()
    await sandbox.close()
  })
  beforeEach(async () => {
    dir = makeTempDir()
    settings = await openSettingsStore(dir.path)
    const dispatch = createDispatcher(
      settingsHandlers({
        settings,
        secrets,
        resolveBaseUrl: (env) => resolveEnvironmentBaseUrl(env, sandbox.url),
        createClient: createTeakClient,
        connectionTimeoutMs: 5_000
      }) as Handlers
    )
    call = async (method, input = {}) => {
      const result = await dispatch(method, input)
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
      return result.data as never
    }
  })
  afterEach(() => dir.remove())

  async function stagingWithKeys(): Promise<string> {
    const { id } = await call('settings.saveEnvironment', { label: 'Staging', baseUrl: sandbox.url })
    await call('settings.setKeys', { envId: id, ...DEMO_KEYS })
    expect(await call('settings.testConnection', { envId: id })).toMatchObject({ ok: true })
    return id
  }

  const moveTo = (id: string, baseUrl: string) =>
    call('settings.saveEnvironment', { id, label: 'Staging', baseUrl })

  const refusal = (from: string, to: string) =>
    `The keys for Staging were saved for ${from}; this environment now points at ${to}. Enter the keys again, or confirm them for the new address.`

  it('refuses "Test connection" and sends to the new address, and sends nothing there', async () => {
    const id = await stagingWithKeys()
    await moveTo(id, echo.url)
    const result = await call('settings.testConnection', { envId: id })
    expect(echo.requests).toEqual([])
    expect(result).toEqual({
      ok: false,
      reason: 'address_changed',
      message: refusal(sandbox.url, echo.url)
    })

    const services = {
      settings,
      secrets,
      keyVariables: NO_KEY_VARIABLES,
      baseUrlOf: (env: { baseUrl: string }) => env.baseUrl
    }
    await expect(openEnvironmentClient(services, id)).rejects.toMatchObject({
      code: 'no_credentials',
      message: refusal(sandbox.url, echo.url)
    })
    expect(echo.requests).toEqual([])

    const view: SettingsView = await call('settings.get')
    expect(view.environments.find((env) => env.id === id)?.keys).toMatchObject({
      source: 'keychain',
      savedForOtherAddress: sandbox.url
    })
  })

  it('sends again once the keys are confirmed for the address the person was shown', async () => {
    const id = await stagingWithKeys()
    await moveTo(id, echo.url)
    await expect(
      call('settings.confirmKeysForAddress', { envId: id, baseUrl: 'https://elsewhere.example' })
    ).rejects.toMatchObject({ code: 'conflict' })
    expect(await call('settings.testConnection', { envId: id })).toMatchObject({ reason: 'address_changed' })

    const view: SettingsView = await call('settings.confirmKeysForAddress', { envId: id, baseUrl: echo.url })
    expect(view.environments.find((env) => env.id === id)?.keys.savedForOtherAddress).toBeNull()
    expect(await secrets.get(id)).toMatchObject({ baseUrl: echo.url })
    const before = echo.requests.length
    expect(await call('settings.testConnection', { envId: id })).toMatchObject({ ok: false })
    expect(echo.requests.length).toBe(before + 1)
  })

  it('sends again once the keys are entered again, bound to the new address', async () => {
    const id = await stagingWithKeys()
    await moveTo(id, echo.url)
    await moveTo(id, `${sandbox.url}/`.replace('127.0.0.1', 'localhost'))
    const moved = settings.environment(id).baseUrl
    expect(await call('settings.testConnection', { envId: id })).toMatchObject({
      reason: 'address_changed',
      message: refusal(sandbox.url, moved)
    })
    await call('settings.setKeys', { envId: id, ...DEMO_KEYS })
    expect(await call('settings.testConnection', { envId: id })).toMatchObject({ ok: true })
  })

  it('refuses confirming when no keys are saved in the keychain', async () => {
    const { id } = await call('settings.saveEnvironment', { label: 'Staging', baseUrl: sandbox.url })
    await secrets.delete(id)
    await expect(
      call('settings.confirmKeysForAddress', { envId: id, baseUrl: sandbox.url })
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'No keys are saved for Staging in the system keychain.'
    })
  })
})

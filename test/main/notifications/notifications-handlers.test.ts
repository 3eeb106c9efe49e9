import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../../src/main/contract/dispatcher'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { createWebhookSecretStore } from '../../../src/main/notifications/webhook-secrets'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import { createServices, type Services } from '../../../src/main/services'
import type { EventMessage } from '../../../src/shared/contract'
import { makeTempDir } from '../../support/temp-dir'
import { createOrderAtTeak } from '../policies/support/teak-desk'
import { keychainForTests, testKeychainService } from '../secrets/support/keychain'

const keychain = await keychainForTests()

describe.runIf(keychain.run)(keychain.title('notifications methods, with the embedded sandbox'), () => {
  const dir = makeTempDir('teak-desk-notify-')
  const service = testKeychainService()
  let services: Services
  let dispatch: Dispatch
  const events: EventMessage[] = []

  beforeAll(async () => {
    services = await createServices({
      dataDir: dir.path,
      version: '0.0.0-test',
      host: 'browser',
      secrets: createKeytarSecretStore({ service }),
      webhookSecrets: createWebhookSecretStore({ service })
    })
    services.events.subscribe((message) => events.push(message))
    dispatch = createDispatcher(createHandlers(services))
  })
  afterAll(async () => {
    await services.close()
    dir.remove()
  })

  const call = async (method: string, input: unknown) => {
    const result = await dispatch(method, input)
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
    return result.data as Record<string, unknown>
  }

  it("delivers the embedded sandbox's notifications to the app without any set-up", async () => {
    await createOrderAtTeak(services, 'NH-1', [{ name: 'Floor ticket', reference: 'floor', cost: '100.00' }])
    const [policy] = services.sandbox.orders()[0].policies
    await fetch(`${services.sandbox.url}/__sandbox/customer-void/${policy.policy_number}`, { method: 'POST' })
    expect(await call('notifications.count', { environmentId: 'local' })).toEqual({ open: 0 })
    await services.sandbox.notifications.flush()
    expect(services.sandbox.notifications.deliveries()).toMatchObject([{ status: 200 }])
    expect(events).toContainEqual({ name: 'notifications.changed', payload: { environment: 'local' } })
    expect(await call('notifications.count', { environmentId: 'local' })).toEqual({ open: 1 })
    const { items } = (await call('notifications.list', { environmentId: 'local' })) as {
      items: { id: number; amount: string; currency: string; signature: string; linked: boolean }[]
    }
    expect(items).toMatchObject([{ amount: '8.50', currency: 'USD', signature: 'raw', linked: true }])

    const done = await call('notifications.markDone', { id: items[0].id })
    expect(done.doneBy).toEqual(expect.any(String))
    expect(await call('notifications.count', { environmentId: 'local' })).toEqual({ open: 0 })
    await expect(call('notifications.markDone', { id: 9999 })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('tells how to set an environment up, and keeps its webhook secret in the keychain only', async () => {
    expect(await call('notifications.setup', { environmentId: 'local' })).toMatchObject({
      embedded: true,
      receiverUrl: services.localReceiver.url
    })
    expect(await call('notifications.setup', { environmentId: 'sandbox' })).toEqual({
      environmentId: 'sandbox',
      embedded: false,
      receiverUrl: null,
      serveCommand: 'teak-desk notifications serve --env sandbox --port 8787',
      path: '/teak/notifications',
      secretSaved: false,
      secretProblem: null
    })
    const saved = await call('notifications.saveSecret', { environmentId: 'sandbox', secret: ' whsec-1 ' })
    expect(saved.secretSaved).toBe(true)
    expect(JSON.stringify(saved)).not.toContain('whsec-1')
    expect(await services.webhookSecrets.get('sandbox')).toBe('whsec-1')
    expect((await call('notifications.removeSecret', { environmentId: 'sandbox' })).secretSaved).toBe(false)
    await expect(
      call('notifications.saveSecret', { environmentId: 'local', secret: 'x' })
    ).rejects.toMatchObject({
      code: 'invalid_input'
    })
    await expect(call('notifications.setup', { environmentId: 'nowhere' })).rejects.toMatchObject({
      code: 'not_found'
    })
  })
})

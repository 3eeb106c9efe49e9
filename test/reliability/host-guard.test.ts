import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-store'
import { testKeychainService } from '../main/secrets/support/keychain'
import { startApp, type RunningApp } from '../support/app-host'

const TOKEN = 'reliability-token-0123456789abcdef0123456789'

/**
 * The browser host's guard, in the cases test/main/host/server.test.ts leaves out (it covers a missing or
 * wrong token, a foreign Origin or Host, non-JSON bodies, the Bearer scheme and the event stream without a token).
 */
describe('browser host guard, beyond the host tests', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({
      token: TOKEN,
      secrets: createKeytarSecretStore({ service: testKeychainService() })
    })
  })
  afterAll(() => app.stop())

  const invoke = (headers: Record<string, string>, query = '') =>
    fetch(`${app.host.origin}/api/invoke${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ method: 'app.info', input: {} })
    })

  it('refuses Origin "null" (sandboxed frames, file:// pages) and look-alike origins, even with the token', async () => {
    const authorization = `Bearer ${TOKEN}`
    const port = app.host.port
    for (const origin of [
      'null',
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
      `http://localhost.evil.example:${port}`,
      // Our other loopback names are other origins: the request is addressed to 127.0.0.1.
      `http://[::1]:${port}`,
      `http://localhost:${port}`
    ]) {
      expect((await invoke({ authorization, origin })).status, origin).toBe(403)
    }
    expect((await invoke({ authorization, origin: `http://127.0.0.1:${port}` })).status).toBe(200)
  })

  it('takes the token from the Authorization header only: not from the query string or a cookie', async () => {
    expect((await invoke({}, `?token=${TOKEN}`)).status).toBe(401)
    expect((await invoke({ cookie: `token=${TOKEN}` })).status).toBe(401)
    expect((await invoke({ authorization: `Bearer ${TOKEN.slice(0, -1)}` })).status).toBe(403)
    // The token without its scheme is not taken for one.
    expect((await invoke({ authorization: TOKEN })).status).toBe(401)
    expect((await invoke({ authorization: `bearer ${TOKEN}` })).status).toBe(200)
  })

  it('refuses the event stream to a foreign origin that holds the token', async () => {
    const response = await fetch(`${app.host.origin}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' }
    })
    expect(response.status).toBe(403)
    await response.body?.cancel()
  })
})

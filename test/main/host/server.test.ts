import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../../support/app-host'
import { rawRequest, type RawRequest } from '../../support/raw-request'

const send = (app: RunningApp, options: RawRequest) => rawRequest(app.host.port, options)

const TOKEN = 'test-token-0123456789abcdef0123456789abcdef'

describe('browser host', () => {
  let app: RunningApp
  const invoke = (headers: Record<string, string>, payload: unknown = { method: 'app.ping', input: {} }) =>
    send(app, {
      method: 'POST',
      path: '/api/invoke',
      headers: { host: `127.0.0.1:${app.host.port}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload)
    })

  beforeAll(async () => {
    app = await startApp({ token: TOKEN })
  })
  afterAll(async () => app.stop())

  it('listens on 127.0.0.1 only and hands the token over in the URL fragment', () => {
    expect(app.host.origin).toBe(`http://127.0.0.1:${app.host.port}`)
    expect(app.host.url).toBe(`http://127.0.0.1:${app.host.port}/#token=${TOKEN}`)
  })

  it('answers a contract call that carries the token', async () => {
    const reply = await invoke({ authorization: `Bearer ${TOKEN}` }, { method: 'app.info', input: {} })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      data: { name: 'Teak Desk', version: '0.0.0-test', host: 'browser' }
    })
  })

  it('refuses a call with no token (401) and with a wrong token (403)', async () => {
    expect((await invoke({})).status).toBe(401)
    expect((await invoke({ authorization: 'Bearer wrong' })).status).toBe(403)
    expect((await invoke({ authorization: `Bearer ${TOKEN}x` })).status).toBe(403)
  })

  it('refuses foreign Origins even with the right token', async () => {
    const reply = await invoke({ authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' })
    expect(reply.status).toBe(403)
    const sameHostOtherPort = await invoke({ authorization: `Bearer ${TOKEN}`, origin: 'http://127.0.0.1:1' })
    expect(sameHostOtherPort.status).toBe(403)
    const own = await invoke({
      authorization: `Bearer ${TOKEN}`,
      origin: `http://127.0.0.1:${app.host.port}`
    })
    expect(own.status).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding), for the API and for the page', async () => {
    const api = await invoke({ authorization: `Bearer ${TOKEN}`, host: 'attacker.example:80' })
    expect(api.status).toBe(403)
    const page = await send(app, { path: '/', headers: { host: `evil.example:${app.host.port}` } })
    expect(page.status).toBe(403)
  })

  it('refuses non-JSON bodies, so a cross-site form post cannot reach the contract', async () => {
    const reply = await send(app, {
      method: 'POST',
      path: '/api/invoke',
      headers: {
        host: `127.0.0.1:${app.host.port}`,
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'text/plain'
      },
      body: '{"method":"app.info","input":{}}'
    })
    expect(reply.status).toBe(415)
  })

  it('takes application/json only, with at most a UTF-8 charset', async () => {
    const call = (contentType: string) =>
      invoke({ authorization: `Bearer ${TOKEN}`, 'content-type': contentType }).then((r) => r.status)
    for (const accepted of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;charset="UTF-8"'
    ]) {
      expect(await call(accepted), accepted).toBe(200)
    }
    for (const refused of [
      'application/jsonp',
      'application/json-patch+json',
      'application/json; charset=iso-8859-1',
      'application/json; boundary=x',
      'text/plain; application/json'
    ]) {
      expect(await call(refused), refused).toBe(415)
    }
  })

  it('takes the token in the Bearer scheme only', async () => {
    expect((await invoke({ authorization: `bearer ${TOKEN}` })).status).toBe(200)
    for (const authorization of [
      TOKEN,
      `Token ${TOKEN}`,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN} ${TOKEN}`,
      'Bearer'
    ]) {
      expect((await invoke({ authorization })).status, authorization).toBe(401)
    }
  })

  it('takes an Origin only when it is the origin the request is addressed to', async () => {
    const port = app.host.port
    const call = (host: string, origin: string) =>
      invoke({ authorization: `Bearer ${TOKEN}`, host, origin }).then((r) => r.status)
    expect(await call(`localhost:${port}`, `http://localhost:${port}`)).toBe(200)
    expect(await call(`[::1]:${port}`, `http://[::1]:${port}`)).toBe(200)
    expect(await call(`localhost:${port}`, `http://127.0.0.1:${port}`)).toBe(403)
    expect(await call(`127.0.0.1:${port}`, `http://localhost:${port}`)).toBe(403)
  })

  it('validates contract input on the server side as well', async () => {
    const reply = await invoke(
      { authorization: `Bearer ${TOKEN}` },
      { method: 'app.ping', input: { message: 5 } }
    )
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('serves the built renderer with a strict CSP and no path traversal', async () => {
    const page = await send(app, { path: '/', headers: { host: `localhost:${app.host.port}` } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="app">')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/https?:\/\//)
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json']) {
      expect((await send(app, { path, headers: { host: `127.0.0.1:${app.host.port}` } })).status).toBe(404)
    }
  })

  it('streams contract events to token holders only', async () => {
    const refused = await fetch(`${app.host.origin}/api/events`)
    expect(refused.status).toBe(401)

    const response = await fetch(`${app.host.origin}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` }
    })
    expect(response.status).toBe(200)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await reader.read()).value).toContain(': connected')
    app.services.events.emit('app.notice', { level: 'info', message: 'hello from main' })
    let text = ''
    while (!text.includes('\n\n')) text += (await reader.read()).value
    expect(JSON.parse(text.replace(/^data: /, ''))).toEqual({
      name: 'app.notice',
      payload: { level: 'info', message: 'hello from main' }
    })
    await reader.cancel()
  })
})

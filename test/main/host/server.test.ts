import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../../support/app-host'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw node:http so tests control Host and Origin exactly (fetch forbids setting Host). */
function send(
  app: RunningApp,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: app.host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

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

import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../src/main/contract/sender'

const trusted = { rendererFileUrl: 'file:///opt/Teak%20Desk/resources/app/out/renderer/index.html' }

describe('IPC sender check', () => {
  it('accepts our own packaged page, with or without a route fragment', () => {
    expect(isTrustedSender(trusted.rendererFileUrl, trusted)).toBe(true)
    expect(isTrustedSender(`${trusted.rendererFileUrl}#/history`, trusted)).toBe(true)
  })

  it('refuses other local files, remote pages, missing and malformed URLs', () => {
    expect(isTrustedSender('file:///tmp/evil.html', trusted)).toBe(false)
    expect(isTrustedSender('https://example.com/', trusted)).toBe(false)
    expect(isTrustedSender('http://localhost:5173/', trusted)).toBe(false)
    expect(isTrustedSender(undefined, trusted)).toBe(false)
    expect(isTrustedSender('', trusted)).toBe(false)
    expect(isTrustedSender('not a url', trusted)).toBe(false)
  })

  it('accepts the dev server origin only when one is configured', () => {
    const dev = { ...trusted, devServerUrl: 'http://localhost:5173' }
    expect(isTrustedSender('http://localhost:5173/#/orders', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', dev)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { teakLinkToOpen } from '../../../src/main/electron/external-links'

describe('links opened in the system browser', () => {
  it.each([
    'https://docs.helloteak.com/docs/affiliate-authentication-guide',
    'https://dashboard.sandbox.helloteak.com/orders/',
    'https://DOCS.helloteak.com/docs/void-policy#example'
  ])('opens %s, Teak documented https host', (url) => {
    expect(teakLinkToOpen(url)).toBe(new URL(url).href)
  })

  it.each([
    'http://docs.helloteak.com/docs/',
    'https://evil.example/',
    'https://docs.helloteak.com.evil.example/',
    'https://evil.example/?https://docs.helloteak.com/',
    'https://docs.helloteak.com@evil.example/',
    'https://user:pass@docs.helloteak.com/',
    'https://docs.helloteak.com:8443/',
    'https://api.sandbox.helloteak.com/api/v2/orders',
    'https://dashboard.helloteak.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url'
  ])('refuses %s', (url) => {
    expect(teakLinkToOpen(url)).toBeNull()
  })
})

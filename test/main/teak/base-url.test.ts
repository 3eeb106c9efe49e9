import { describe, expect, it } from 'vitest'
import { parseTeakBaseUrl } from '../../../src/main/teak/base-url'
import { TeakApiError } from '../../../src/main/teak/errors'

function refusal(raw: string): TeakApiError {
  try {
    parseTeakBaseUrl(raw)
  } catch (error) {
    if (error instanceof TeakApiError) return error
    throw error
  }
  throw new Error(`${raw} was accepted`)
}

describe('parseTeakBaseUrl', () => {
  it.each([
    ['https://api.sandbox.helloteak.com', 'https://api.sandbox.helloteak.com'],
    ['https://api.sandbox.helloteak.com/', 'https://api.sandbox.helloteak.com'],
    [' https://proxy.example.com/teak// ', 'https://proxy.example.com/teak'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010']
  ])('accepts %j as %j', (raw, base) => {
    expect(parseTeakBaseUrl(raw)).toBe(base)
  })

  it.each([
    'http://api.sandbox.helloteak.com',
    'http://10.0.0.5:4010',
    'http://128.0.0.1',
    'http://localhost.example.com',
    'http://[::2]'
  ])('refuses plain http to %s: Teak requires HTTPS', (raw) => {
    const error = refusal(raw)
    expect(error.kind).toBe('validation')
    expect(error.requestMayHaveReachedTeak).toBe(false)
    expect(error.message).toMatch(
      /^Teak requires HTTPS: .+ cannot be reached over plain http:\/\/\. Use https:\/\//
    )
    expect(error.fieldErrors).toEqual({ baseUrl: [error.message] })
  })

  it.each([
    ['not a url', /is not a web address/],
    ['ftp://api.example.com', /must start with https:\/\//],
    ['https://user:pw@api.example.com', /must not contain a user name or password/],
    ['https://api.example.com/?x=1', /must not contain "\?" or "#"/]
  ])('refuses %j', (raw, message) => {
    expect(refusal(raw).message).toMatch(message)
  })
})

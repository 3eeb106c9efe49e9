import { TeakApiError } from './errors'

/**
 * Teak requires HTTPS ("plain HTTP calls will fail", contract-notes §1). Plain http is allowed only to this
 * computer, where the local sandbox runs; anything else is refused before a request could leak the keys.
 * Returns the base without a trailing slash, ready for "/api/v2/…" paths.
 */
export function parseTeakBaseUrl(raw: string): string {
  const text = raw.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalidBaseUrl(`"${text}" is not a web address. Write it like https://api.sandbox.helloteak.com.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidBaseUrl(`The Teak address must start with https:// (got ${url.protocol}//).`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalidBaseUrl(
      `Teak requires HTTPS: ${url.host} cannot be reached over plain http://. Use https://${url.host}` +
        ' (plain http is allowed only for this computer: localhost, 127.x.x.x or ::1).'
    )
  }
  if (url.username || url.password) {
    throw invalidBaseUrl(
      'The Teak address must not contain a user name or password; keys belong in Settings.'
    )
  }
  if (url.search || url.hash) {
    throw invalidBaseUrl('The Teak address must not contain "?" or "#" parts.')
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

function invalidBaseUrl(message: string): TeakApiError {
  return new TeakApiError({
    kind: 'validation',
    message,
    fieldErrors: { baseUrl: [message] },
    requestMayHaveReachedTeak: false
  })
}

/** The header Teak signs notifications with (contract-notes §7, WHSIG). */
export const SIGNATURE_HEADER = 'X-Protecht-Signature'

/**
 * base64(HMAC-SHA256(key = secret, message)), as `X-Protecht-Signature` carries it. Web Crypto, so the sandbox
 * (which signs) and main (which verifies) share one definition.
 */
export async function hmacSignature(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder()
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign']
  )
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(message))
  return btoa(String.fromCharCode(...new Uint8Array(mac)))
}

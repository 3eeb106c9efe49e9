import { timingSafeEqual } from 'node:crypto'
import { pythonJsonDumps } from '../../shared/notifications/python-json'
import { hmacSignature } from '../../shared/notifications/signature'

/**
 * Which form of the body `X-Protecht-Signature` signs with `secret`, or null if none does (or there is no
 * header). The body as sent is checked first; then, as Teak's sample does, the payload re-serialised with
 * Python's json.dumps (assumption `notificationSignature`). Compared in constant time.
 */
export async function signedForm(
  secret: string,
  header: string | undefined,
  rawBody: string
): Promise<'raw' | 'reserialised' | null> {
  if (!header?.trim()) return null
  const given = Buffer.from(header.trim(), 'base64')
  if (sameBytes(given, await hmacSignature(secret, rawBody))) return 'raw'
  let payload: unknown
  try {
    payload = JSON.parse(rawBody)
  } catch {
    return null
  }
  return sameBytes(given, await hmacSignature(secret, pythonJsonDumps(payload))) ? 'reserialised' : null
}

function sameBytes(given: Buffer, expectedBase64: string): boolean {
  const expected = Buffer.from(expectedBase64, 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

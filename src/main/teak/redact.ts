/**
 * Removes secrets from text that came from elsewhere (a server's error body may echo a request back, in any
 * encoding). Each known secret is replaced as written, JSON-escaped, URL-encoded and base64-encoded (standard and
 * url-safe, wherever it sits in the encoded text, so base64 of the whole auth request is caught too). Anything
 * shaped like a JWT or an `Authorization: JWT …` value is replaced as well, so a token we never saw (or an echoed
 * quote token) cannot slip through either.
 */
const JWT_LIKE = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g
const AUTH_VALUE = /\bJWT\s+[^\s"',}]+/g

export const REDACTED = '[redacted]'

/** Shorter base64 runs could occur by chance in harmless text; every real key is far longer. */
const SHORTEST_BASE64_CORE = 8

export function redact(text: string, secrets: readonly string[]): string {
  let clean = text
  for (const secret of secrets) {
    if (secret.length === 0) continue
    const forms = literalForms(secret)
    for (const form of forms) clean = clean.split(form).join(REDACTED)
    // A request body holds the secret JSON-escaped, so its base64 holds that form's encoding.
    for (const pattern of forms.flatMap(base64Patterns)) clean = clean.replace(pattern, REDACTED)
  }
  return clean.replace(AUTH_VALUE, `JWT ${REDACTED}`).replace(JWT_LIKE, REDACTED)
}

/** The secret as written, JSON-escaped (also with \uXXXX for non-ASCII) and URL-encoded (either hex case). */
function literalForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const asciiJson = json.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  const url = encodeURIComponent(secret)
  const forms = [secret, json, asciiJson, url, url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())]
  // Longest first: a shorter form replaced first could break up a longer one that contains it.
  return [...new Set(forms)].sort((a, b) => b.length - a.length)
}

/**
 * Base64 of any text containing the secret contains, for one of three alignments, the encoding of the secret's
 * whole 3-byte groups from that alignment on (the "core"). The few characters on either side mix secret bytes
 * with their neighbours, so each core is redacted with up to three characters around it.
 */
function base64Patterns(secret: string): RegExp[] {
  const bytes = Buffer.from(secret, 'utf8')
  const patterns: RegExp[] = []
  for (let offset = 0; offset < 3; offset++) {
    const whole = Math.floor((bytes.length - offset) / 3) * 3
    if (whole <= 0) continue
    const core = bytes.subarray(offset, offset + whole)
    const standard = core.toString('base64')
    if (standard.length < SHORTEST_BASE64_CORE) continue
    patterns.push(around(standard, '[A-Za-z0-9+/]', '[A-Za-z0-9+/=]'))
    patterns.push(around(core.toString('base64url'), '[A-Za-z0-9_-]', '[A-Za-z0-9_=-]'))
  }
  return patterns
}

function around(core: string, before: string, after: string): RegExp {
  const escaped = core.replace(/[+/\\-]/g, (c) => `\\${c}`)
  return new RegExp(`${before}{0,3}${escaped}${after}{0,3}`, 'g')
}

/**
 * Removes secrets from text that came from elsewhere (a server's error body may echo a request back).
 * Known secrets are replaced verbatim; anything shaped like a JWT or an `Authorization: JWT …` value is
 * replaced too, so a token we never saw (or an echoed quote token) cannot slip through either.
 */
const JWT_LIKE = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g
const AUTH_VALUE = /\bJWT\s+[^\s"',}]+/g

export const REDACTED = '[redacted]'

export function redact(text: string, secrets: readonly string[]): string {
  let clean = text
  for (const secret of secrets) if (secret.length > 0) clean = clean.split(secret).join(REDACTED)
  return clean.replace(AUTH_VALUE, `JWT ${REDACTED}`).replace(JWT_LIKE, REDACTED)
}

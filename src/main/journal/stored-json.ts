import { JournalError } from './errors'

/** `secret_key`, `secretKey`, `SECRET-KEY`…: however a caller spells it, a secret key is never written. */
const SECRET_KEY_FIELD = /^secret[_-]?key$/i

/**
 * Serialises a value for a JSON column, refusing any object that carries a secret key field. The check rides
 * on the serialisation itself, so it sees every nested object exactly once and cannot drift from what is stored.
 */
export function toStoredJson(value: unknown, what: string): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value, (key, field: unknown) => {
    if (SECRET_KEY_FIELD.test(key)) {
      throw new JournalError(
        `Refused to store ${what}: it has a "${key}" field. Secret keys are never written to the journal.`
      )
    }
    return field
  })
}

export function fromStoredJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text)
}

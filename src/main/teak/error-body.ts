import type { FieldErrors } from './errors'
import { addFieldError, fieldKey } from './field-errors'

/**
 * What an error body says. Teak documents no error format (contract-notes §8), so three shapes are read:
 * - the legacy TicketGuardian shape `{"error":{"errors":[{"reason","message","field"?}]}}`;
 * - Django REST Framework style `{field: [messages]}`, nested (`{"items":[{"cost":["…"]}]}` → "items[0].cost"),
 *   with `detail` / `non_field_errors` / `message` as general messages;
 * - anything else as plain text (HTML tags stripped).
 */
export interface ErrorBody {
  messages: string[]
  fieldErrors?: FieldErrors
}

const GENERAL_KEYS = new Set(['detail', 'non_field_errors', 'message', 'error', 'errors'])
// Machine codes beside a DRF `detail` ({"detail": "…", "code": "token_not_valid"}) say nothing to a person.
const SKIPPED_KEYS = new Set(['code', 'status', 'status_code'])
const MAX_TEXT = 300

export function parseErrorBody(text: string): ErrorBody {
  const trimmed = text.trim()
  if (trimmed.length === 0) return { messages: [] }
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    return { messages: [plainText(trimmed)] }
  }
  const messages: string[] = []
  const fieldErrors: FieldErrors = {}
  const legacy = legacyErrors(json)
  if (legacy) {
    for (const entry of legacy) {
      const message = entry.message ?? entry.reason ?? 'Unknown error.'
      if (entry.field) addFieldError(fieldErrors, entry.field, message)
      else messages.push(message)
    }
  } else {
    collect(json, [], messages, fieldErrors)
  }
  return Object.keys(fieldErrors).length > 0 ? { messages, fieldErrors } : { messages }
}

interface LegacyEntry {
  reason?: string
  message?: string
  field?: string
}

function legacyErrors(json: unknown): LegacyEntry[] | null {
  if (!isRecord(json) || !isRecord(json.error) || !Array.isArray(json.error.errors)) return null
  return json.error.errors.filter(isRecord).map((entry) => ({
    reason: stringOrUndefined(entry.reason),
    message: stringOrUndefined(entry.message),
    field: stringOrUndefined(entry.field)
  }))
}

function collect(
  value: unknown,
  path: (string | number)[],
  messages: string[],
  fieldErrors: FieldErrors
): void {
  if (Array.isArray(value)) {
    value.forEach((element, index) =>
      collect(
        element,
        isRecord(element) || Array.isArray(element) ? [...path, index] : path,
        messages,
        fieldErrors
      )
    )
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (path.length === 0 && SKIPPED_KEYS.has(key)) continue
      collect(inner, path.length === 0 && GENERAL_KEYS.has(key) ? [] : [...path, key], messages, fieldErrors)
    }
  } else if (value !== null && value !== undefined) {
    if (path.length === 0) messages.push(String(value))
    else addFieldError(fieldErrors, fieldKey(path), String(value))
  }
}

function plainText(text: string): string {
  const flat = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

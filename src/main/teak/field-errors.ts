import type { FieldErrors } from './errors'

/** A field path as people read it: ['items', 0, 'cost'] → "items[0].cost". */
export function fieldKey(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`
    )
    .join('')
}

export function addFieldError(errors: FieldErrors, key: string, message: string): void {
  ;(errors[key] ??= []).push(message)
}

/** "items[0].cost: A valid number is required.; order_number: …" — the first few, for a one-line message. */
export function summariseFieldErrors(errors: FieldErrors, limit = 3): string {
  const lines = Object.entries(errors).flatMap(([key, messages]) => messages.map((m) => `${key}: ${m}`))
  const shown = lines.slice(0, limit).join('; ')
  return lines.length > limit ? `${shown} (and ${lines.length - limit} more)` : shown
}

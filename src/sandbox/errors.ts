import type { z } from 'zod'
import type { SandboxAssumptions } from './assumptions'

/** One entry of the legacy error body. `field` is the sandbox's addition (see `errorFieldInBody`). */
export interface ErrorEntry {
  reason: string
  message: string
  field?: string
}

/** Which kind of refusal; its status code is an assumption (`errorStatuses`). */
export type ErrorKind = keyof SandboxAssumptions['errorStatuses']

/** A refusal the way Teak would give it; routes throw it and the server renders it. */
export class TeakError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly entries: ErrorEntry[]
  ) {
    super(entries.map((entry) => entry.message).join(' '))
  }
}

export function refuse(kind: ErrorKind, reason: string, message: string, field?: string): TeakError {
  return new TeakError(kind, [field === undefined ? { reason, message } : { reason, message, field }])
}

/** The legacy TicketGuardian error body (contract-notes §8), the only error shape on record. */
export function errorBody(entries: ErrorEntry[], includeField = true) {
  return {
    error: { errors: includeField ? entries : entries.map(({ reason, message }) => ({ reason, message })) }
  }
}

/** Parses with `schema`, turning its issues into a validation refusal that names each field. */
export function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new TeakError(
    'validation',
    result.error.issues.map((issue) => ({
      reason: 'InvalidValue',
      message: issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      field: issue.path.join('.')
    }))
  )
}

/** Parses a partial update; keys given as `undefined` are dropped, so they keep their current value. */
export function parsePatch<T extends object>(schema: z.ZodType<T>, value: unknown): T {
  const patch = parseOrRefuse(schema, value)
  return Object.fromEntries(Object.entries(patch).filter(([, entry]) => entry !== undefined)) as T
}

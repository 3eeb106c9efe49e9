import { z } from 'zod'

/**
 * The only error shape that crosses the boundary (IPC or the browser host): a code a program can branch on,
 * a sentence a person can read, and optional structured details. Never a stack.
 */
export const ERROR_CODES = [
  'invalid_input',
  'invalid_output',
  'unknown_method',
  'forbidden',
  'not_found',
  'conflict',
  'keychain_unavailable',
  'no_credentials',
  'confirmation_required',
  'teak',
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional()
})
export type AppErrorShape = z.infer<typeof appErrorSchema>

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape }

export const resultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema })
])

/** Thrown by handlers (and by the renderer's client) to carry a typed error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'AppError'
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/** zod issues as `{ path, message }` pairs: what a form or a report needs to point at a field. */
export function issuesOf(error: z.ZodError): { path: (string | number)[]; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message
  }))
}

import type { z } from 'zod'
import { fieldKey } from './field-errors'
import { redact } from './redact'

/**
 * A 2xx answer. A 2xx means Teak did it, whatever the body looks like: the body is read liberally (what is
 * there and valid is taken) and checked against the documented shape only to say what was not understood.
 */
export interface TeakAnswer<T> {
  status: number
  /** The body as Teak sent it (secrets redacted): its JSON, or its text when it is not JSON; absent when empty. */
  raw?: unknown
  /** What could be read. Fields Teak left out or sent malformed are absent. */
  value: T
  /** Where the body differs from the documented shape ("policies[0].premium: …"); empty when fully understood. */
  problems: string[]
}

const PROBLEMS_SHOWN = 5
const RAW_TEXT_MAX = 4_000

export function readAnswer<L extends z.ZodType>(
  status: number,
  text: string,
  shapes: { documented: z.ZodType; liberal: L },
  secrets: readonly string[]
): TeakAnswer<z.output<L>> {
  const clean = redact(text, secrets)
  const empty = (problem: string, raw?: unknown): TeakAnswer<z.output<L>> => ({
    status,
    ...(raw === undefined ? {} : { raw }),
    value: shapes.liberal.parse({}),
    problems: [problem]
  })
  if (clean.trim().length === 0) return empty('the body is empty')
  let json: unknown
  try {
    json = JSON.parse(clean)
  } catch {
    const raw = clean.length > RAW_TEXT_MAX ? `${clean.slice(0, RAW_TEXT_MAX)}…` : clean
    return empty('the body is not JSON', raw)
  }
  const liberal = shapes.liberal.safeParse(json)
  if (!liberal.success) return empty('the body is not a JSON object', json)
  const documented = shapes.documented.safeParse(json)
  return {
    status,
    raw: json,
    value: liberal.data,
    problems: documented.success ? [] : problemsOf(documented.error)
  }
}

/** The sentence shown beside an outcome when Teak's 2xx answer was not what its docs show. */
export function answerNote(problems: readonly string[]): string | undefined {
  if (problems.length === 0) return undefined
  return `Teak's answer was not fully understood (${problems.join('; ')}); the raw answer is kept in History.`
}

function problemsOf(error: z.ZodError): string[] {
  const lines = error.issues.map((issue) =>
    issue.path.length > 0 ? `${fieldKey(issue.path)}: ${issue.message}` : issue.message
  )
  const shown = lines.slice(0, PROBLEMS_SHOWN)
  return lines.length > PROBLEMS_SHOWN ? [...shown, `and ${lines.length - PROBLEMS_SHOWN} more`] : shown
}

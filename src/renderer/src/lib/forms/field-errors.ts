/** A problem attached to a form field, addressed by its path in the data (`items.0.cost`). */
export interface FieldProblem {
  path: string
  message: string
}

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.')
}

/** DOM id of the input bound to a data path; error messages use `${id}-error`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\./g, '-')}`
}

/** First message per field: one clear sentence under each input rather than a stack of them. */
export function firstMessageByPath(
  issues: readonly { path: readonly (string | number)[]; message: string }[]
): Record<string, string> {
  const byPath: Record<string, string> = {}
  for (const issue of issues) {
    const key = pathKey(issue.path)
    if (!(key in byPath)) byPath[key] = issue.message
  }
  return byPath
}

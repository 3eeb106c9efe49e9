import { UsageError } from '../../shared/cli/usage-error'

/** A command line the parser accepted: which command, its arguments, and its options by name. */
export interface Invocation {
  command: string
  args: readonly string[]
  /** Commander's values: camelCase names of the long flags ("--report-csv" is `reportCsv`). */
  options: Readonly<Record<string, unknown>>
}

/** A string option's value, or undefined when left out; an empty or blank value is a usage error. */
export function stringOption(invocation: Invocation, name: string, flag: string): string | undefined {
  const value = invocation.options[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} needs a value.`)
  return value
}

export function booleanOption(invocation: Invocation, name: string): boolean {
  return invocation.options[name] === true
}

/** A repeatable option's values in the order given (none when left out). */
export function listOption(invocation: Invocation, name: string): string[] {
  const value = invocation.options[name]
  return Array.isArray(value) ? value.map(String) : []
}

/** A whole number from `min` to `max`, or undefined when left out. */
export function wholeNumberOption(
  invocation: Invocation,
  name: string,
  flag: string,
  { min, max }: { min: number; max: number }
): number | undefined {
  const raw = stringOption(invocation, name, flag)
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got "${raw}".`)
  }
  return value
}

import { parseArgs } from 'node:util'
import { UsageError } from '../../../shared/cli/usage-error'
import { baseUrlProblem, IMPORT_CONCURRENCY, normalizeBaseUrl } from '../../../shared/contract/settings'
import { parseAssumption, type AssumptionSettings } from '../../../shared/teak/assumptions'

/** `teak-desk import`'s command line, checked: every problem here is a usage error (exit 2). */
export interface ImportFlags {
  /** The backlog file as typed. */
  file: string
  /** An environment id from Settings; absent means the selected one (or `baseUrl`). */
  env?: string
  /** An address given instead of an environment, normalised (no trailing slash). */
  baseUrl?: string
  dryRun: boolean
  concurrency?: number
  resume: boolean
  report?: string
  reportCsv?: string
  missingTokenAsOptIn: boolean
  yes: boolean
  /** Run beside an import of the same file that is alive elsewhere, taking only the orders it does not hold. */
  parallel: boolean
  /** `--assume name=value` (repeatable): assumptions for this run, over the environment's own. */
  assume: Partial<AssumptionSettings>
}

const OPTIONS = {
  env: { type: 'string' },
  'base-url': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  concurrency: { type: 'string' },
  resume: { type: 'boolean', default: false },
  report: { type: 'string' },
  'report-csv': { type: 'string' },
  'missing-token-as-opt-in': { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
  parallel: { type: 'boolean', default: false },
  assume: { type: 'string', multiple: true, default: [] as string[] }
} as const

export function parseImportFlags(argv: string[]): ImportFlags {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error })
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'Name the CSV file to import.'
        : `Import one file at a time; got ${positionals.length}: ${positionals.join(', ')}.`
    )
  }
  if (values.env !== undefined && values['base-url'] !== undefined) {
    throw new UsageError('Give either --env or --base-url, not both: --base-url replaces the environment.')
  }
  if (values['dry-run'] && (values.report !== undefined || values['report-csv'] !== undefined)) {
    throw new UsageError(
      'A report describes what was sent, and --dry-run sends nothing (its findings are printed). Leave out --report and --report-csv, or --dry-run.'
    )
  }
  return {
    file: positionals[0],
    env: nonEmpty('--env', values.env),
    baseUrl: values['base-url'] === undefined ? undefined : checkedBaseUrl(values['base-url']),
    dryRun: values['dry-run'],
    concurrency: values.concurrency === undefined ? undefined : checkedConcurrency(values.concurrency),
    resume: values.resume,
    report: nonEmpty('--report', values.report),
    reportCsv: nonEmpty('--report-csv', values['report-csv']),
    missingTokenAsOptIn: values['missing-token-as-opt-in'],
    yes: values.yes,
    parallel: values.parallel,
    assume: checkedAssumptions(values.assume)
  }
}

/** Each `--assume name=value`; the last one given for a name wins, as with any repeated setting. */
function checkedAssumptions(given: readonly string[]): Partial<AssumptionSettings> {
  const assume: Record<string, string> = {}
  for (const text of given) {
    const parsed = parseAssumption(text)
    if (!parsed.ok) throw new UsageError(`--assume ${text}: ${parsed.problem}`)
    assume[parsed.name] = parsed.value
  }
  return assume as Partial<AssumptionSettings>
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a value.`)
  return value
}

function checkedBaseUrl(raw: string): string {
  const problem = baseUrlProblem(raw.trim(), { httpsOnly: false })
  if (problem) throw new UsageError(`--base-url "${raw}": ${problem}`)
  return normalizeBaseUrl(raw.trim())
}

function checkedConcurrency(raw: string): number {
  const { min, max } = IMPORT_CONCURRENCY
  const value = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError(`--concurrency must be a whole number from ${min} to ${max}; got "${raw}".`)
  }
  return value
}

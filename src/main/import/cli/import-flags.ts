import { UsageError } from '../../../shared/cli/usage-error'
import { IMPORT_CONCURRENCY } from '../../../shared/contract/import-concurrency'
import { baseUrlProblem, normalizeBaseUrl } from '../../../shared/contract/settings'
import { parseAssumption, type AssumptionSettings } from '../../../shared/teak/assumptions'
import {
  booleanOption,
  listOption,
  stringOption,
  wholeNumberOption,
  type Invocation
} from '../../cli/invocation'

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

/**
 * The import's flags from the command line the parser accepted (program.ts, from command-definitions.ts):
 * the checks that need more than one flag, or Teak Desk's own rules.
 */
export function importFlagsFrom(invocation: Invocation): ImportFlags {
  // The parser takes exactly one file.
  const file = invocation.args[0]!
  const env = stringOption(invocation, 'env', '--env')
  const baseUrl = stringOption(invocation, 'baseUrl', '--base-url')
  const report = stringOption(invocation, 'report', '--report')
  const reportCsv = stringOption(invocation, 'reportCsv', '--report-csv')
  const dryRun = booleanOption(invocation, 'dryRun')
  if (env !== undefined && baseUrl !== undefined) {
    throw new UsageError('Give either --env or --base-url, not both: --base-url replaces the environment.')
  }
  if (dryRun && (report !== undefined || reportCsv !== undefined)) {
    throw new UsageError(
      'A report describes what was sent, and --dry-run sends nothing (its findings are printed). Leave out --report and --report-csv, or --dry-run.'
    )
  }
  return {
    file,
    env,
    baseUrl: baseUrl === undefined ? undefined : checkedBaseUrl(baseUrl),
    dryRun,
    concurrency: wholeNumberOption(invocation, 'concurrency', '--concurrency', IMPORT_CONCURRENCY),
    resume: booleanOption(invocation, 'resume'),
    report,
    reportCsv,
    missingTokenAsOptIn: booleanOption(invocation, 'missingTokenAsOptIn'),
    yes: booleanOption(invocation, 'yes'),
    parallel: booleanOption(invocation, 'parallel'),
    assume: checkedAssumptions(listOption(invocation, 'assume'))
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

function checkedBaseUrl(raw: string): string {
  const problem = baseUrlProblem(raw.trim(), { httpsOnly: false })
  if (problem) throw new UsageError(`--base-url "${raw}": ${problem}`)
  return normalizeBaseUrl(raw.trim())
}

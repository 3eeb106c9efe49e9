import { writeFile } from 'node:fs/promises'
import type { z } from 'zod'
import type { ExportOutput, HistoryOutput, InDoubtOutput } from '../../shared/cli/output-schemas'
import { UsageError } from '../../shared/cli/usage-error'
import {
  EXPORT_FORMATS,
  HISTORY_PAGE_MAX,
  historyFilterSchema,
  historySearchInputSchema,
  type ExportFormat,
  type HistoryFilter
} from '../../shared/contract/history'
import { historyExport } from '../journal/history-export'
import { commandOutput } from './command-output'
import { EXIT } from './exit-codes'
import { stringOption, wholeNumberOption, type Invocation } from './invocation'
import { readJournal, type JournalReads } from './journal-reading'
import { historyText, howToResolve, inDoubtText, orderText } from './journal-text'

/**
 * The read-only commands over the journal: `history`, `order`, `in-doubt` and `export`. Each asks the journal
 * what the app's History asks it (history-search, order-reader, history-export), with the inputs checked by
 * the app's own contract schemas.
 */

/** Which option a field of the History filter comes from, for messages. */
const FLAG_OF: Record<string, string> = {
  text: 'the search text',
  environment: '--env',
  outcome: '--outcome',
  from: '--since',
  limit: '--limit'
}

export async function runHistoryCommand(invocation: Invocation): Promise<number> {
  const output = commandOutput(invocation)
  const limit = wholeNumberOption(invocation, 'limit', '--limit', { min: 1, max: HISTORY_PAGE_MAX })
  const query = checked(historySearchInputSchema, { ...filterInput(invocation), limit })
  const page = readJournal((journal) => journal.search(query))
  output.text(historyText(page.rows, output.paint))
  output.document({ total: page.total, orders: page.rows } satisfies HistoryOutput)
  if (page.total > page.rows.length) {
    output.say(
      `${page.rows.length} of ${page.total} matching orders shown; --limit shows up to ${HISTORY_PAGE_MAX}.`
    )
  }
  return EXIT.done
}

export async function runOrderCommand(invocation: Invocation): Promise<number> {
  const output = commandOutput(invocation)
  const orderNumber = invocation.args[0]!
  const env = stringOption(invocation, 'env', '--env')
  const detail = readJournal((journal) => {
    const environment = env ?? onlyEnvironmentOf(journal, orderNumber)
    return environment === null ? null : journal.orderDetail(environment, orderNumber)
  })
  if (!detail) {
    process.stderr.write(
      `Teak Desk has no order "${orderNumber}"${env ? ` in ${env}` : ''} in its history.\n`
    )
    return EXIT.notDone
  }
  output.text(orderText(detail, output.paint))
  output.document(detail)
  return EXIT.done
}

export async function runInDoubtCommand(invocation: Invocation): Promise<number> {
  const output = commandOutput(invocation)
  const environment = stringOption(invocation, 'env', '--env')
  const operations = readJournal((journal) => journal.inDoubt({ environment }))
  output.text(inDoubtText(operations))
  output.document(operations.map((op) => ({ ...op, howToResolve: howToResolve(op) })) satisfies InDoubtOutput)
  return operations.length > 0 ? EXIT.notDone : EXIT.done
}

export async function runExportCommand(invocation: Invocation): Promise<number> {
  const output = commandOutput(invocation)
  const file = stringOption(invocation, 'output', '--output')
  const format = exportFormat(invocation, { toStdout: file === undefined, json: output.json })
  const filter = checked(historyFilterSchema, filterInput(invocation))
  const rows = readJournal((journal) => journal.exportRows(filter))
  const { content } = historyExport(rows, format, new Date())
  if (file === undefined) {
    process.stdout.write(content)
    return EXIT.done
  }
  await writeFile(file, content)
  output.say(`Wrote ${rows.length} orders to ${file}.`)
  output.document({ file, format, orders: rows.length } satisfies ExportOutput)
  return EXIT.done
}

/**
 * --format, csv when left out. On stdout the export is the command's whole output, so --json there means
 * the JSON export itself.
 */
function exportFormat(invocation: Invocation, { toStdout, json }: { toStdout: boolean; json: boolean }) {
  const given = stringOption(invocation, 'format', '--format') as ExportFormat | undefined
  if (!(toStdout && json)) return given ?? EXPORT_FORMATS[0]
  if (given === 'csv') {
    throw new UsageError(
      '--json prints JSON on stdout, and --format csv asks for CSV: add --output FILE, or leave one out.'
    )
  }
  return 'json'
}

/** The History filter the options and search text ask for, before the contract's checks. */
function filterInput(invocation: Invocation): Record<keyof HistoryFilter, unknown> {
  const text = invocation.args.join(' ').trim()
  const since = stringOption(invocation, 'since', '--since')
  return {
    text: text === '' ? undefined : text,
    environment: stringOption(invocation, 'env', '--env'),
    outcome: invocation.options.outcome,
    source: undefined,
    // A date alone is the start of that day, in UTC like every journal time.
    from: since !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since,
    to: undefined
  }
}

/** `input` checked by the app's contract schema; what it refuses is a usage error naming the option. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const flag = FLAG_OF[String(issue.path[0])] ?? String(issue.path[0])
  throw new UsageError(`${flag}: ${issue.message}`)
}

/**
 * The environment whose journal holds `orderNumber`, found through the History search; null when none does.
 * An order number sent to several environments needs --env.
 */
function onlyEnvironmentOf(journal: JournalReads, orderNumber: string): string | null {
  const environments = [
    ...new Set(
      journal
        .exportRows({ text: orderNumber })
        .filter((row) => row.orderNumber === orderNumber)
        .map((row) => row.environment)
    )
  ]
  if (environments.length > 1) {
    throw new UsageError(
      `Order "${orderNumber}" was sent to ${environments.length} environments (${environments.join(', ')}): name one with --env.`
    )
  }
  return environments[0] ?? null
}

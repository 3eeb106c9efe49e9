import { access, constants, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { AppError } from '../../shared/contract/errors'
import { ruleLevelsOf } from '../../shared/teak/assumptions'
import { allSucceeded, emptySummary, type ImportReport } from '../../shared/import/report'
import type { BacklogParseResult } from '../../shared/import/types'
import { resolveDataDir } from '../data-dir'
import { importFlagsFrom, type ImportFlags } from '../import/cli/import-flags'
import { dryRunOutput, importOutput } from '../import/cli/import-output'
import { dryRunTarget, openImportTarget } from '../import/cli/import-target'
import { chooseRun } from '../import/cli/resumable-run'
import { dryRunText, fileFindings, importSummaryText } from '../import/cli/summary-text'
import { terminalProgress } from '../import/cli/terminal-progress'
import { ImportControl } from '../import/import-control'
import { runImport } from '../import/import-engine'
import { parseBacklogFile } from '../import/parse/parse-backlog-file'
import { assertReportPathsWritable, writeReportFiles } from '../import/report-files'
import { createServices, type Services } from '../services'
import { openSettingsStore, type SettingsStore } from '../settings/store'
import { commandOutput, type CommandOutput } from './command-output'
import { EXIT, type ExitCode } from './exit-codes'
import type { Invocation } from './invocation'
import { packageVersion } from './package-info'

/**
 * `teak-desk import`: submits a backlog file. Exit codes as in exit-codes.ts: 0 when every order is at Teak,
 * 1 when any order (or row) is not, or the run was interrupted, 3 when no sent order got an answer; a
 * command that cannot start throws (UsageError, AppError: exit 2).
 */
export async function runImportCommand(invocation: Invocation): Promise<number> {
  const flags = importFlagsFrom(invocation)
  const output = commandOutput(invocation)
  const path = resolve(flags.file)
  await assertBacklogFile(path, flags.file)
  await assertReportPathsWritable({ json: flags.report, csv: flags.reportCsv })
  const dataDir = resolveDataDir()
  // A dry run opens no journal, keychain or sandbox: it must stay fast on a big file.
  if (flags.dryRun) return dryRun(dataDir, flags, path, output)

  const services = await createServices({
    dataDir,
    version: packageVersion(),
    host: 'browser',
    env: process.env,
    keysFor: flags.baseUrl ?? flags.env
  })
  warnAboutSettings(services.settings, output)
  try {
    return await importBacklog(services, flags, path, output)
  } finally {
    await services.close()
  }
}

async function dryRun(
  dataDir: string,
  flags: ImportFlags,
  path: string,
  output: CommandOutput
): Promise<number> {
  const settings = await openSettingsStore(dataDir)
  warnAboutSettings(settings, output)
  const { label, assumptions } = dryRunTarget(settings, flags)
  const parsed = await parseBacklogFile(path, {
    missingTokenAsOptIn: flags.missingTokenAsOptIn,
    ruleLevels: ruleLevelsOf(assumptions)
  })
  output.text(dryRunText(`${flags.file} (for ${label})`, parsed))
  output.document(dryRunOutput(flags.file, label, parsed))
  return hasInputProblems(parsed) ? EXIT.notDone : EXIT.done
}

async function importBacklog(
  services: Services,
  flags: ImportFlags,
  path: string,
  output: CommandOutput
): Promise<number> {
  const target = await openImportTarget(services, flags)
  try {
    const choice = chooseRun(services.journal, path, target.environment, flags)
    if (choice.notice) output.say(choice.notice)
    const stored = choice.resume?.options ?? {}
    const missingTokenAsOptIn = flags.missingTokenAsOptIn || stored.missingTokenAsOptIn === true
    const parsed = await parseBacklogFile(path, {
      missingTokenAsOptIn,
      ruleLevels: ruleLevelsOf(target.assumptions)
    })
    if (parsed.fileErrors.length > 0) {
      process.stderr.write(
        `${fileFindings(parsed).join('\n')}\nNothing was sent: correct the file and run the import again.\n`
      )
      const nothingSent: ImportReport = {
        file: path,
        environment: target.environment,
        summary: emptySummary(),
        orders: []
      }
      output.document(importOutput(nothingSent, parsed, { complete: false, alreadyAtTeak: 0 }))
      return EXIT.notDone
    }
    for (const run of choice.superseded) services.journal.finishImportRun(run.id, 'abandoned')

    const control = new ImportControl()
    const progress = output.progress ? terminalProgress(output.progress) : null
    const stopListening = stopOnInterrupt(control)
    let result
    try {
      result = await runImport({
        journal: services.journal,
        client: target.client,
        environment: target.environment,
        file: path,
        orders: parsed.orders,
        concurrency:
          flags.concurrency ?? numberOr(stored.concurrency, services.settings.current().importConcurrency),
        runId: choice.resume?.id,
        control,
        onProgress: progress?.update,
        runOptions: { missingTokenAsOptIn, via: 'cli' }
      })
    } finally {
      progress?.finish()
      stopListening()
    }
    await writeReportFiles(result.report, { json: flags.report, csv: flags.reportCsv })
    output.text(importSummaryText(result, parsed, output.paint))
    output.document(importOutput(result.report, parsed, result))
    if (!result.complete) {
      output.say(
        `The import was interrupted: ${result.report.summary.orders} of the file's ${parsed.orders.length} orders have an outcome` +
          `${flags.report || flags.reportCsv ? ' (the report lists them)' : ''}. Run the same command with --resume to continue.`
      )
      return EXIT.notDone
    }
    return importExitCode(result.report, hasInputProblems(parsed))
  } finally {
    target.client.close()
  }
}

/** The warning the app shows when settings.json was unusable and set aside: said here too, once, on stderr. */
function warnAboutSettings(settings: SettingsStore, output: CommandOutput): void {
  if (settings.loadWarning) output.say(settings.loadWarning)
}

/**
 * The exit code of a finished run: 0 when every order is at Teak; 3 when orders were sent and not one got an
 * answer (Teak unreachable: a script may retry later); 1 otherwise.
 */
export function importExitCode(report: ImportReport, inputProblems: boolean): ExitCode {
  if (allSucceeded(report.summary) && !inputProblems) return EXIT.done
  const sent = report.orders.filter((o) => o.outcome !== 'invalid' && o.outcome !== 'being_sent_elsewhere')
  const unanswered = (o: ImportReport['orders'][number]) => o.outcome === 'failed' && o.status === null
  return sent.length > 0 && sent.every(unanswered) ? EXIT.unreachable : EXIT.notDone
}

/** Missing, a folder or unreadable: the command cannot start (exit 2). What it holds is the parser's to judge. */
async function assertBacklogFile(path: string, given: string): Promise<void> {
  const stats = await stat(path).catch(() => null)
  if (!stats) throw new AppError('not_found', `There is no file ${given}.`)
  if (!stats.isFile()) throw new AppError('invalid_input', `${given} is a folder, not a CSV file.`)
  await access(path, constants.R_OK).catch(() => {
    throw new AppError('forbidden', `${given} cannot be read: check its permissions.`)
  })
}

function hasInputProblems(parsed: BacklogParseResult): boolean {
  return (
    parsed.fileErrors.length > 0 ||
    parsed.rowErrors.length > 0 ||
    parsed.orders.some((o) => o.errors.length > 0)
  )
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}

/**
 * Ctrl+C (or SIGTERM) stops taking new orders; orders in flight finish and are journaled, then the partial
 * report is written. A second Ctrl+C quits at once: orders in flight stay in doubt, which --resume settles.
 */
function stopOnInterrupt(control: ImportControl): () => void {
  const onSignal = () => {
    if (control.isCancelled) process.exit(130)
    control.cancel()
    process.stderr.write(
      '\nStopping: no new orders are sent; waiting for the orders in flight. Press Ctrl+C again to quit at once.\n'
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

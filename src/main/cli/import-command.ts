import { access, constants, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { AppError } from '../../shared/contract/errors'
import { ruleLevelsOf } from '../../shared/teak/assumptions'
import { allSucceeded } from '../../shared/import/report'
import type { BacklogParseResult } from '../../shared/import/types'
import { resolveDataDir } from '../data-dir'
import { parseImportFlags, type ImportFlags } from '../import/cli/import-flags'
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
import { packageVersion } from './package-info'

/**
 * `teak-desk import`: submits a backlog file. Exit 0 when every order is at Teak, 1 when any order (or row)
 * is invalid, rejected or failed, or the run was interrupted; 2 (thrown UsageError or AppError) when the
 * command cannot start: flags, a missing file, missing keys, production without --yes.
 */
export async function runImportCommand(argv: string[]): Promise<number> {
  const flags = parseImportFlags(argv)
  const path = resolve(flags.file)
  await assertBacklogFile(path, flags.file)
  await assertReportPathsWritable({ json: flags.report, csv: flags.reportCsv })
  const dataDir = resolveDataDir()
  // A dry run opens no journal, keychain or sandbox: it must stay fast on a big file.
  if (flags.dryRun) return dryRun(dataDir, flags, path)

  const services = await createServices({
    dataDir,
    version: packageVersion(),
    host: 'browser',
    env: process.env,
    keysFor: flags.baseUrl ?? flags.env
  })
  warnAboutSettings(services.settings)
  try {
    return await importBacklog(services, flags, path)
  } finally {
    await services.close()
  }
}

async function dryRun(dataDir: string, flags: ImportFlags, path: string): Promise<number> {
  const settings = await openSettingsStore(dataDir)
  warnAboutSettings(settings)
  const { label, assumptions } = dryRunTarget(settings, flags)
  const parsed = await parseBacklogFile(path, {
    missingTokenAsOptIn: flags.missingTokenAsOptIn,
    ruleLevels: ruleLevelsOf(assumptions)
  })
  process.stdout.write(dryRunText(`${flags.file} (for ${label})`, parsed))
  return hasInputProblems(parsed) ? 1 : 0
}

async function importBacklog(services: Services, flags: ImportFlags, path: string): Promise<number> {
  const target = await openImportTarget(services, flags)
  try {
    const choice = chooseRun(services.journal, path, target.environment, flags)
    if (choice.notice) process.stderr.write(`${choice.notice}\n`)
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
      return 1
    }
    for (const run of choice.superseded) services.journal.finishImportRun(run.id, 'abandoned')

    const control = new ImportControl()
    const progress = terminalProgress(process.stderr)
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
        onProgress: progress.update,
        runOptions: { missingTokenAsOptIn, via: 'cli' }
      })
    } finally {
      progress.finish()
      stopListening()
    }
    await writeReportFiles(result.report, { json: flags.report, csv: flags.reportCsv })
    process.stdout.write(importSummaryText(result, parsed))
    if (!result.complete) {
      process.stderr.write(
        `The import was interrupted: ${result.report.summary.orders} of the file's ${parsed.orders.length} orders have an outcome` +
          `${flags.report || flags.reportCsv ? ' (the report lists them)' : ''}. Run the same command with --resume to continue.\n`
      )
      return 1
    }
    return allSucceeded(result.report.summary) && !hasInputProblems(parsed) ? 0 : 1
  } finally {
    target.client.close()
  }
}

/** The warning the app shows when settings.json was unusable and set aside: said here too, once, on stderr. */
function warnAboutSettings(settings: SettingsStore): void {
  if (settings.loadWarning) process.stderr.write(`${settings.loadWarning}\n`)
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

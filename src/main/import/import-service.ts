import { randomUUID } from 'node:crypto'
import { basename, join } from 'node:path'
import { AppError } from '../../shared/contract/errors'
import type { ImportPreview, ImportStatus, UnfinishedImport } from '../../shared/contract/import'
import { emptySummary, type ImportReport } from '../../shared/import/report'
import { ruleLevelsOf } from '../../shared/teak/assumptions'
import type { BacklogParseResult, ParsedOrder } from '../../shared/import/types'
import { costTotalsByCurrency } from '../../shared/import/cost-totals'
import { isAtTeak } from '../../shared/journal/outcomes'
import { JournalError } from '../journal/errors'
import type { ImportRunProgress } from '../journal/import-runs'
import { openEnvironmentClient } from '../orders/teak-client-for'
import type { Services } from '../services'
import { ImportControl } from './import-control'
import { startImport, type ImportProgress } from './import-engine'
import { parseBacklogFile } from './parse/parse-backlog-file'
import type { RetryPolicy } from './retry-policy'
import { throttleLatest, type Throttled } from './throttle'
import { UPLOADS_FOLDER, uploadStore } from './upload-store'

export type ImportServices = Pick<
  Services,
  'journal' | 'settings' | 'secrets' | 'keyVariables' | 'baseUrlOf' | 'events' | 'dataDir'
>

export interface ImportServiceOptions {
  retry?: RetryPolicy
  /** How often progress events may reach the page; about five a second by default. */
  progressIntervalMs?: number
}

/** What a run keeps with it in the journal, so a resume (even after a restart) does the same thing. */
interface RunSettings {
  /** The upload id: the file is `imports/<upload>.csv`. */
  upload: string
  missingTokenAsOptIn: boolean
  onlyFailed: boolean
}

interface RunSpec extends RunSettings {
  environmentId: string
  fileName: string
  orders: readonly ParsedOrder[]
  concurrency: number
  /** Continue this run (resume) instead of creating one. */
  runId?: number
}

interface CurrentRun {
  status: ImportStatus
  control: ImportControl
  /** Its `import.progress` events: every one goes through here, so none overtakes a newer one. */
  events: Throttled<ImportStatus>
  report?: ImportReport
}

/**
 * The app's imports: a file is previewed (parsed, kept in the data directory), then imported with progress
 * pushed to the page as `import.progress` events; one run at a time. Runs a closed app interrupted are
 * offered again, re-read from the kept file.
 */
export function createImportService(services: ImportServices, options: ImportServiceOptions = {}) {
  const uploads = uploadStore(join(services.dataDir, UPLOADS_FOLDER))
  let preview: Preview | null = null
  let current: CurrentRun | null = null
  // Keep the file of every run that has not ended, also one alive in another window: it may yet be resumed.
  uploads.removeAllBut(
    new Set(
      services.journal
        .unfinishedImportRuns()
        .filter((run) => typeof run.options.upload === 'string')
        .map((run) => settingsOf(run).upload)
    )
  )

  /** Interrupted app imports: not ended, not alive anywhere (journal senders), and not this window's own. */
  function isResumable(run: ImportRunProgress): boolean {
    return !run.alive && typeof run.options.upload === 'string' && run.id !== current?.status.runId
  }

  function resumableRuns(): ImportRunProgress[] {
    return services.journal.unfinishedImportRuns().filter(isResumable)
  }

  function settingsOf(run: ImportRunProgress): RunSettings {
    return {
      upload: String(run.options.upload),
      missingTokenAsOptIn: run.options.missingTokenAsOptIn === true,
      onlyFailed: run.options.onlyFailed === true
    }
  }

  function findRun(runId: number): ImportRunProgress {
    try {
      return services.journal.importRunProgress(runId)
    } catch (error) {
      if (error instanceof JournalError) throw new AppError('not_found', `There is no import run ${runId}.`)
      throw error
    }
  }

  function isActive(run: CurrentRun | null): boolean {
    return run !== null && ['running', 'paused', 'stopping'].includes(run.status.state)
  }

  function currentRun(runId: number): CurrentRun {
    if (!current || current.status.runId !== runId) {
      throw new AppError(
        'not_found',
        `Import run ${runId} is not the one this window started; refresh the page.`
      )
    }
    return current
  }

  async function reparse(run: ImportRunProgress): Promise<{ settings: RunSettings; orders: ParsedOrder[] }> {
    const settings = settingsOf(run)
    const path = uploads.find(settings.upload)
    if (!path) {
      throw new AppError(
        'not_found',
        `The file of that import (${run.file}) is no longer kept: choose it again.`
      )
    }
    const parsed = await parseBacklogFile(path, {
      missingTokenAsOptIn: settings.missingTokenAsOptIn,
      ruleLevels: ruleLevelsOf(services.settings.assumptions(run.environment))
    })
    return { settings, orders: parsed.orders }
  }

  async function launch(spec: RunSpec, confirmedProduction: boolean): Promise<ImportStatus> {
    if (isActive(current)) {
      throw new AppError(
        'conflict',
        'An import is already running. Wait for it to finish, or cancel it first.'
      )
    }
    if (services.settings.requiresConfirmation(spec.environmentId) && !confirmedProduction) {
      const { label } = services.settings.environment(spec.environmentId)
      throw new AppError(
        'confirmation_required',
        `This imports into ${label}, which is real. Confirm to start.`,
        {
          reason: 'production'
        }
      )
    }
    const { client } = await openEnvironmentClient(services, spec.environmentId)
    const control = new ImportControl()
    const events = throttleLatest<ImportStatus>(options.progressIntervalMs ?? 200, (status) =>
      services.events.emit('import.progress', status)
    )
    // The run id and the first counts arrive with the first progress report, made before startImport returns.
    const run: CurrentRun = {
      control,
      events,
      status: {
        runId: spec.runId ?? 0,
        fileName: spec.fileName,
        environmentId: spec.environmentId,
        state: 'running',
        onlyFailed: spec.onlyFailed,
        progress: { total: 0, done: 0, summary: emptySummary(), ratePerSecond: 0, etaSeconds: null }
      }
    }
    const onProgress = ({ runId, ...progress }: ImportProgress) => {
      run.status = { ...run.status, runId, progress }
      events.push(run.status)
    }
    let started
    try {
      started = startImport({
        journal: services.journal,
        client,
        environment: spec.environmentId,
        file: spec.fileName,
        orders: spec.orders,
        concurrency: spec.concurrency,
        runId: spec.runId,
        onlyFailed: spec.onlyFailed,
        retry: options.retry,
        control,
        onProgress,
        runOptions: {
          upload: spec.upload,
          missingTokenAsOptIn: spec.missingTokenAsOptIn,
          onlyFailed: spec.onlyFailed
        }
      })
    } catch (error) {
      client.close()
      throw error
    }
    current = run
    started.finished
      .then((result) => {
        run.report = result.report
        if (!result.complete) services.journal.finishImportRun(result.runId, 'abandoned')
        return result.complete ? 'finished' : 'cancelled'
      })
      .catch((error: unknown) => {
        run.status = { ...run.status, message: error instanceof Error ? error.message : String(error) }
        return 'failed' as const
      })
      .then((state) => {
        client.close()
        // The kept copy holds customer data: it goes once the run can be neither resumed nor retried.
        if (state === 'cancelled' || (state === 'finished' && run.report?.summary.failed === 0))
          uploads.remove(spec.upload)
        run.status = { ...run.status, state }
        events.push(run.status)
        events.flush()
      })
    return run.status
  }

  function changeState(runId: number, act: (control: ImportControl) => void): ImportStatus {
    const run = currentRun(runId)
    if (!isActive(run)) return run.status
    act(run.control)
    const state = run.control.state
    run.status = { ...run.status, state: state === 'cancelled' ? 'stopping' : state }
    // Through the throttle: a progress report still pending there would otherwise arrive after this one.
    run.events.push(run.status)
    run.events.flush()
    return run.status
  }

  return {
    /**
     * Checks the file with the assumption levels of the environment it is meant for. The client applies the
     * target environment's `block` levels again when sending, so a file previewed for one environment and
     * started in another can never send what the other blocks.
     */
    async preview(input: {
      fileName: string
      text: string
      missingTokenAsOptIn: boolean
      environmentId?: string
    }): Promise<ImportPreview> {
      const environmentId = input.environmentId ?? services.settings.selectedEnvironment().id
      const ruleLevels = ruleLevelsOf(services.settings.assumptions(environmentId))
      const id = randomUUID()
      const path = await uploads.save(id, input.text)
      const parsed = await parseBacklogFile(path, {
        missingTokenAsOptIn: input.missingTokenAsOptIn,
        ruleLevels
      })
      if (preview) uploads.remove(preview.id)
      preview = {
        id,
        fileName: input.fileName,
        missingTokenAsOptIn: input.missingTokenAsOptIn,
        environmentId,
        parsed
      }
      return previewView(preview, (orderNumber) =>
        isAtTeak(services.journal.latestOutcomeFor(environmentId, orderNumber))
      )
    },

    async start(input: {
      previewId: string
      environmentId: string
      confirmations: { production: boolean }
    }): Promise<ImportStatus> {
      if (!preview || preview.id !== input.previewId) {
        throw new AppError('not_found', 'That file is no longer ready to import: choose it again.')
      }
      const { parsed } = preview
      if (parsed.fileErrors.length > 0) {
        throw new AppError('invalid_input', 'This file cannot be imported: correct the problems shown first.')
      }
      if (!parsed.orders.some((order) => order.errors.length === 0)) {
        throw new AppError('invalid_input', 'This file has no valid order to import.')
      }
      const status = await launch(
        {
          environmentId: input.environmentId,
          fileName: preview.fileName,
          orders: parsed.orders,
          concurrency: services.settings.current().importConcurrency,
          upload: preview.id,
          missingTokenAsOptIn: preview.missingTokenAsOptIn,
          onlyFailed: false
        },
        input.confirmations.production
      )
      preview = null
      return status
    },

    pause: (runId: number) => changeState(runId, (control) => control.pause()),
    resume: (runId: number) => changeState(runId, (control) => control.resume()),
    cancel: (runId: number) => changeState(runId, (control) => control.cancel()),

    status: (): ImportStatus | null => current?.status ?? null,

    report(runId: number): ImportReport {
      const { report } = currentRun(runId)
      if (!report)
        throw new AppError('conflict', 'The import is still running: its report is ready when it ends.')
      return report
    },

    unfinished(): UnfinishedImport[] {
      // Read once: the page polls this while an import runs elsewhere.
      const runs = services.journal.unfinishedImportRuns()
      const elsewhere = runs.filter((run) => run.alive && run.id !== current?.status.runId)
      const interrupted = runs.filter(
        (run) => isResumable(run) && uploads.find(settingsOf(run).upload) !== null
      )
      return [...elsewhere, ...interrupted].map((run) => ({
        runId: run.id,
        fileName: basename(run.file),
        environmentId: run.environment,
        startedAt: run.startedAt,
        totalOrders: run.totalOrders,
        processedOrders: run.processedOrders,
        running: run.alive
      }))
    },

    async resumeRun(input: { runId: number; confirmations: { production: boolean } }): Promise<ImportStatus> {
      const run = resumableRuns().find((r) => r.id === input.runId)
      if (!run)
        throw new AppError('not_found', 'That import is no longer waiting to be resumed; refresh the page.')
      const { settings, orders } = await reparse(run)
      return launch(
        {
          ...settings,
          runId: run.id,
          environmentId: run.environment,
          fileName: run.file,
          orders,
          concurrency: Number(run.options.concurrency) || services.settings.current().importConcurrency
        },
        input.confirmations.production
      )
    },

    discardRun(runId: number): Record<string, never> {
      const run = resumableRuns().find((r) => r.id === runId)
      if (!run)
        throw new AppError('not_found', 'That import is no longer waiting to be resumed; refresh the page.')
      services.journal.finishImportRun(runId, 'abandoned')
      uploads.remove(settingsOf(run).upload)
      return {}
    },

    async retryFailed(input: {
      runId: number
      confirmations: { production: boolean }
    }): Promise<ImportStatus> {
      const run = findRun(input.runId)
      if (run.endedAt === null) {
        throw new AppError('conflict', 'That import has not ended yet: retry its failed orders once it has.')
      }
      const { settings, orders } = await reparse(run)
      return launch(
        {
          ...settings,
          onlyFailed: true,
          environmentId: run.environment,
          fileName: run.file,
          orders,
          concurrency: services.settings.current().importConcurrency
        },
        input.confirmations.production
      )
    }
  }
}

export type ImportService = ReturnType<typeof createImportService>

interface Preview {
  id: string
  fileName: string
  missingTokenAsOptIn: boolean
  environmentId: string
  parsed: BacklogParseResult
}

/** The preview as the page shows it; `sentBefore` tells the orders the journal shows at Teak already. */
function previewView(preview: Preview, sentBefore: (orderNumber: string) => boolean): ImportPreview {
  const { parsed } = preview
  const orders = parsed.orders.map(({ orderNumber, rows, optIn, errors, warnings }) => ({
    orderNumber,
    rows,
    optIn,
    errors,
    warnings,
    sentBefore: errors.length === 0 && sentBefore(orderNumber)
  }))
  const invalidOrders = orders.filter((order) => order.errors.length > 0).length
  const alreadyAtTeak = orders.filter((order) => order.sentBefore).length
  const tokenless = parsed.orders.flatMap((order, index) =>
    order.request && !order.request.token && !orders[index].sentBefore ? [order.request] : []
  )
  return {
    previewId: preview.id,
    fileName: preview.fileName,
    missingTokenAsOptIn: preview.missingTokenAsOptIn,
    environmentId: preview.environmentId,
    rowCount: parsed.rowCount,
    validOrders: orders.length - invalidOrders,
    invalidOrders,
    alreadyAtTeak,
    toSend: orders.length - invalidOrders - alreadyAtTeak,
    missingTokenOptIns: { orders: tokenless.length, totals: costTotalsByCurrency(tokenless) },
    orders,
    rowErrors: parsed.rowErrors,
    warnings: parsed.warnings,
    fileErrors: parsed.fileErrors
  }
}

import type { Database } from 'better-sqlite3'
import type { OrderOutcome } from '../../shared/journal/outcomes'
import { JournalError } from './errors'
import { fromStoredJson, toStoredJson } from './stored-json'

export const IMPORT_RUN_ENDINGS = ['completed', 'abandoned'] as const
export type ImportRunEnding = (typeof IMPORT_RUN_ENDINGS)[number]

export interface ImportRunInput {
  /** The file as the person chose it (its name or path), to recognise the run when offering to resume. */
  file: string
  environment: string
  totalOrders: number
  /** The import's settings (concurrency, …), kept so a resumed run behaves as the interrupted one did. */
  options: Record<string, unknown>
}

export interface ImportRun extends ImportRunInput {
  id: number
  startedAt: string
  endedAt: string | null
  ending: ImportRunEnding | null
}

export interface ImportRunProgress extends ImportRun {
  /** Orders the run has sent (or tried to): each counted once, under its latest operation in the run. */
  processedOrders: number
  /** How many processed orders stand at each outcome; `in_doubt` ones must be sent again on resume. */
  outcomes: Partial<Record<OrderOutcome, number>>
}

export interface ImportRunBook {
  createImportRun(run: ImportRunInput): number
  importRunProgress(runId: number): ImportRunProgress
  /** Runs that neither completed nor were abandoned, oldest first: the imports a crash interrupted. */
  unfinishedImportRuns(): ImportRunProgress[]
  finishImportRun(runId: number, ending?: ImportRunEnding): void
}

type ImportRunRecord = Omit<ImportRun, 'options'> & { options: string }

export function importRunBook(db: Database, now: () => Date): ImportRunBook {
  const insert = db.prepare<[Record<string, string | number | null>]>(
    `INSERT INTO import_runs (file, environment, total_orders, options, started_at)
     VALUES (@file, @environment, @totalOrders, @options, @at)`
  )
  const runColumns = `id, file, environment, total_orders AS totalOrders, options, started_at AS startedAt,
                      ended_at AS endedAt, ending`
  const run = db.prepare<[number], ImportRunRecord>(`SELECT ${runColumns} FROM import_runs WHERE id = ?`)
  const unfinished = db.prepare<[], ImportRunRecord>(
    `SELECT ${runColumns} FROM import_runs WHERE ended_at IS NULL ORDER BY id`
  )
  const outcomeCounts = db.prepare<[number], { outcome: OrderOutcome; orders: number }>(
    `SELECT coalesce(outcome, 'in_doubt') AS outcome, count(*) AS orders FROM operations
     WHERE id IN (SELECT max(id) FROM operations WHERE import_run_id = ? GROUP BY order_id)
     GROUP BY 1`
  )
  const finish = db.prepare<[{ id: number; at: string; ending: ImportRunEnding }]>(
    'UPDATE import_runs SET ended_at = @at, ending = @ending WHERE id = @id AND ended_at IS NULL'
  )

  function progressOf(record: ImportRunRecord): ImportRunProgress {
    const outcomes: ImportRunProgress['outcomes'] = {}
    let processedOrders = 0
    for (const { outcome, orders } of outcomeCounts.all(record.id)) {
      outcomes[outcome] = orders
      processedOrders += orders
    }
    return {
      ...record,
      options: fromStoredJson(record.options) as ImportRun['options'],
      processedOrders,
      outcomes
    }
  }

  return {
    createImportRun(input) {
      if (!Number.isInteger(input.totalOrders) || input.totalOrders < 0) {
        throw new JournalError('An import run needs its number of orders as a whole number.')
      }
      const options = toStoredJson(input.options, 'the import options') ?? '{}'
      return Number(insert.run({ ...input, options, at: now().toISOString() }).lastInsertRowid)
    },
    importRunProgress(runId) {
      const record = run.get(runId)
      if (!record) throw new JournalError(`There is no import run ${runId} in the journal.`)
      return progressOf(record)
    },
    unfinishedImportRuns() {
      return unfinished.all().map(progressOf)
    },
    finishImportRun(runId, ending = 'completed') {
      if (finish.run({ id: runId, at: now().toISOString(), ending }).changes === 0) {
        throw new JournalError(`Import run ${runId} does not exist or has already ended.`)
      }
    }
  }
}

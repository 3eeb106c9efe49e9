import type { Database } from 'better-sqlite3'
import type { OrderOutcome } from '../../shared/journal/outcomes'
import type { ClaimBook } from './claims'
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
  /** Orders the run has sent (or tried to): each counted once. */
  processedOrders: number
  /** Where those orders stand now (order-outcome.ts); `in_doubt` ones are sent again on resume. */
  outcomes: Partial<Record<OrderOutcome, number>>
  /**
   * Whether a live sender (this or another process, see claims.ts) is running the import now. An unfinished
   * run that is not alive was interrupted.
   */
  alive: boolean
  /** The sender running it now, or last. */
  senderId: number | null
}

export interface ImportRunBook {
  createImportRun(run: ImportRunInput): number
  /** The sender (claims.ts) now running the run: it is alive while that sender is. */
  attachImportRunSender(runId: number, senderId: number): void
  importRunProgress(runId: number): ImportRunProgress
  /**
   * Runs that neither completed nor were abandoned, oldest first: those `alive` are running (here or in
   * another window or process), the others were interrupted.
   */
  unfinishedImportRuns(): ImportRunProgress[]
  finishImportRun(runId: number, ending?: ImportRunEnding): void
  /** The latest runs, newest first, ended or not (the Overview's recent imports). */
  recentImportRuns(limit: number): ImportRunProgress[]
}

type ImportRunRecord = Omit<ImportRun, 'options'> & { options: string; senderId: number | null }

export function importRunBook(
  db: Database,
  claims: Pick<ClaimBook, 'sender' | 'isAlive'>,
  now: () => Date
): ImportRunBook {
  const insert = db.prepare<[Record<string, string | number | null>]>(
    `INSERT INTO import_runs (file, environment, total_orders, options, started_at)
     VALUES (@file, @environment, @totalOrders, @options, @at)`
  )
  const runColumns = `id, file, environment, total_orders AS totalOrders, options, started_at AS startedAt,
                      ended_at AS endedAt, ending, sender_id AS senderId`
  const run = db.prepare<[number], ImportRunRecord>(`SELECT ${runColumns} FROM import_runs WHERE id = ?`)
  const unfinished = db.prepare<[], ImportRunRecord>(
    `SELECT ${runColumns} FROM import_runs WHERE ended_at IS NULL ORDER BY id`
  )
  const outcomeCounts = db.prepare<[number], { outcome: OrderOutcome; orders: number }>(
    `SELECT outcome, count(*) AS orders FROM orders
     WHERE id IN (SELECT order_id FROM operations WHERE import_run_id = ?)
     GROUP BY 1`
  )
  const recent = db.prepare<[number], ImportRunRecord>(
    `SELECT ${runColumns} FROM import_runs ORDER BY id DESC LIMIT ?`
  )
  const attach = db.prepare<[number, number]>('UPDATE import_runs SET sender_id = ? WHERE id = ?')
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
    const sender = record.senderId === null ? null : claims.sender(record.senderId)
    return {
      ...record,
      options: fromStoredJson(record.options) as ImportRun['options'],
      processedOrders,
      outcomes,
      alive: record.endedAt === null && sender !== null && claims.isAlive(sender)
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
    attachImportRunSender(runId, senderId) {
      if (attach.run(senderId, runId).changes === 0) {
        throw new JournalError(`There is no import run ${runId} in the journal.`)
      }
    },
    importRunProgress(runId) {
      const record = run.get(runId)
      if (!record) throw new JournalError(`There is no import run ${runId} in the journal.`)
      return progressOf(record)
    },
    unfinishedImportRuns() {
      return unfinished.all().map(progressOf)
    },
    recentImportRuns(limit) {
      return recent.all(limit).map(progressOf)
    },
    finishImportRun(runId, ending = 'completed') {
      if (finish.run({ id: runId, at: now().toISOString(), ending }).changes === 0) {
        throw new JournalError(`Import run ${runId} does not exist or has already ended.`)
      }
    }
  }
}

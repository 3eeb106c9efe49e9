import type { OperationError } from '../../shared/contract/history'
import type { ImportReport, ImportReportOrder } from '../../shared/import/report'
import { summarize } from '../../shared/import/report'
import type { BacklogParseResult, ParsedOrder } from '../../shared/import/types'
import { isAtTeak, type OrderOutcome } from '../../shared/journal/outcomes'
import type { OrderRequest } from '../../shared/teak/order-request'
import type { Journal } from '../journal/journal'
import { giveUp, sendOrderOnce, type SendOrderResult } from '../orders/send-order'
import type { TeakClient } from '../teak/client'
import { ImportControl } from './import-control'
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy'

export const CONCURRENCY = { min: 1, max: 16, default: 4 } as const

export interface ImportProgress {
  runId: number
  total: number
  done: number
  counts: Record<ImportReportOrder['outcome'], number>
  /** Orders per second since the run (or the resume) started. */
  rate: number
  etaSeconds: number | null
  paused: boolean
}

export interface ImportRunOptions {
  journal: Journal
  client: TeakClient
  environment: string
  /** The file as the person named it; recorded with the run and in the report. */
  file: string
  parsed: BacklogParseResult
  concurrency?: number
  /** Resume this interrupted run instead of starting a new one. */
  runId?: number
  /** Re-send only orders whose journaled outcome is `failed` ("Retry failed orders"). */
  onlyFailed?: boolean
  retry?: RetryPolicy
  control?: ImportControl
  onProgress?: (progress: ImportProgress) => void
  /** Options kept with the run so a resume behaves the same. */
  runOptions?: Record<string, unknown>
}

export interface ImportResult {
  runId: number
  report: ImportReport
  /** False when the run was cancelled before every order was processed (it can be resumed). */
  complete: boolean
}

/**
 * Submits a parsed backlog with bounded concurrency, exactly once per order: an order the journal shows at
 * Teak is never sent again, an in-doubt one is resent (a duplicate answer is recorded as already
 * submitted), transient failures back off and retry, and every attempt is journaled before it leaves.
 */
export async function runImport(options: ImportRunOptions): Promise<ImportResult> {
  const { journal, environment, parsed } = options
  const control = options.control ?? new ImportControl()
  const retry = options.retry ?? DEFAULT_RETRY_POLICY
  const concurrency = clampConcurrency(options.concurrency)
  const runId =
    options.runId ??
    journal.createImportRun({
      file: options.file,
      environment,
      totalOrders: parsed.orders.length,
      options: { concurrency, ...options.runOptions }
    })

  const openIntents = new Map(journal.inDoubt({ environment }).map((op) => [op.orderNumber, op.id]))
  const results = new Map<string, ImportReportOrder>()
  const queue: ParsedOrder[] = []
  for (const order of parsed.orders) {
    const settled = settledWithoutSending(
      order,
      journal.latestOutcomeFor(environment, order.orderNumber),
      options.onlyFailed
    )
    if (settled) results.set(order.orderNumber, settled)
    else queue.push(order)
  }

  const total = parsed.orders.length
  const startedAt = Date.now()
  const alreadyDone = results.size
  const progress = (): ImportProgress => {
    const done = results.size
    const elapsed = (Date.now() - startedAt) / 1000
    const rate = elapsed > 0 ? (done - alreadyDone) / elapsed : 0
    return {
      runId,
      total,
      done,
      counts: summarize([...results.values()]) as unknown as ImportProgress['counts'],
      rate,
      etaSeconds: rate > 0 ? (total - done) / rate : null,
      paused: control.isPaused
    }
  }
  options.onProgress?.(progress())

  let next = 0
  const worker = async () => {
    while (next < queue.length && (await control.mayContinue())) {
      const order = queue[next++]
      const result = await submitWithRetries(order, order.request as OrderRequest)
      results.set(order.orderNumber, result)
      options.onProgress?.(progress())
    }
  }

  async function submitWithRetries(order: ParsedOrder, request: OrderRequest): Promise<ImportReportOrder> {
    let supersedes = openIntents.get(order.orderNumber)
    let last: SendOrderResult | undefined
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      last = await sendOrderOnce({
        journal,
        client: options.client,
        environment,
        request,
        optIn: order.optIn,
        source: 'import',
        importRunId: runId,
        csvRows: order.rows,
        supersedes
      })
      if (last.settled && last.outcome !== 'failed') break
      supersedes = last.operationId
      if (attempt === retry.maxAttempts || control.isCancelled) break
      await control.sleep(backoffMs(retry, attempt, last.retryAfterMs))
    }
    const final = last as SendOrderResult
    if (!final.settled) {
      giveUp(journal, final.operationId, final.error)
      return reportEntry(order, 'failed', null, [final.error])
    }
    return reportEntry(
      order,
      final.outcome as ImportReportOrder['outcome'],
      null,
      final.error ? [final.error] : [],
      final
    )
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(queue.length, 1)) }, worker))

  const complete = results.size === total
  if (complete) journal.finishImportRun(runId, 'completed')
  else if (control.isCancelled) journal.finishImportRun(runId, 'abandoned')
  const orders = parsed.orders
    .map((o) => results.get(o.orderNumber))
    .filter((o): o is ImportReportOrder => !!o)
  return {
    runId,
    complete,
    report: { file: options.file, environment, summary: summarize(orders), orders }
  }
}

function clampConcurrency(value: number | undefined): number {
  const n = Math.round(value ?? CONCURRENCY.default)
  return Math.min(CONCURRENCY.max, Math.max(CONCURRENCY.min, n))
}

/** Orders that need no request: invalid ones, ones Teak already holds, and (when retrying) all but the failed. */
function settledWithoutSending(
  order: ParsedOrder,
  journaled: OrderOutcome | null,
  onlyFailed: boolean | undefined
): ImportReportOrder | null {
  if (order.errors.length > 0 || !order.request) {
    return {
      ...reportEntry(order, 'invalid', null, []),
      errors: order.errors.map((e) => ({ row: e.row, column: e.column, message: e.message }))
    }
  }
  if (isAtTeak(journaled))
    return { ...reportEntry(order, journaled as ImportReportOrder['outcome'], null, []), skipped: true }
  if (onlyFailed && journaled !== 'failed') {
    // Rejected orders need a corrected file, not a retry; unseen orders are not part of "retry failed".
    return journaled === 'rejected' ? { ...reportEntry(order, 'rejected', null, []), skipped: true } : null
  }
  return null
}

function reportEntry(
  order: ParsedOrder,
  outcome: ImportReportOrder['outcome'],
  status: number | null,
  errors: OperationError[],
  sent?: Extract<SendOrderResult, { settled: true }>
): ImportReportOrder {
  return {
    order_number: order.orderNumber,
    rows: order.rows,
    outcome,
    errors: errors.flatMap((error) => errorRows(order, error)),
    status: sent?.httpStatus ?? status,
    policies: (sent?.policies ?? []).map((p) => ({
      policy_number: p.policyNumber,
      item_reference_number: p.itemReference ?? '',
      premium: p.premium ?? ''
    }))
  }
}

/** Teak's answer as report errors: per field where Teak named one (the order's first row), else whole-order. */
function errorRows(order: ParsedOrder, error: OperationError): ImportReportOrder['errors'] {
  if (error.fieldErrors && error.fieldErrors.length > 0) {
    return error.fieldErrors.map((f) => ({
      row: order.rows[0] ?? null,
      column: f.path.join('.'),
      message: f.message
    }))
  }
  return [{ row: null, column: null, message: error.message }]
}

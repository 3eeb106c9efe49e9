import { IMPORT_CONCURRENCY } from '../../shared/contract/settings'
import {
  summarize,
  type ImportOutcome,
  type ImportReport,
  type ImportReportOrder
} from '../../shared/import/report'
import type { ParsedOrder } from '../../shared/import/types'
import { isAtTeak, type OrderOutcome } from '../../shared/journal/outcomes'
import type { OrderRequest } from '../../shared/teak/order-request'
import { ClaimHeldError } from '../journal/claims'
import type { Journal } from '../journal/journal'
import { holdSender } from '../journal/sender-lease'
import { sendOrderOnce, type SendOrderResult } from '../orders/send-order'
import type { TeakClient } from '../teak/client'
import { ImportControl } from './import-control'
import { ProgressTracker, type ImportProgress } from './import-progress'
import { heldEntry, invalidEntry, journaledEntry, sentEntry } from './report-entries'
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy'

export type { ImportProgress } from './import-progress'

export interface ImportRunOptions {
  journal: Journal
  client: TeakClient
  /** The journal's name for where the orders go: an environment id, or an ad-hoc address. */
  environment: string
  /** The file as the person named it; recorded with the run and in the report. */
  file: string
  /** The file's orders (`BacklogParseResult.orders`), in file order. */
  orders: readonly ParsedOrder[]
  concurrency?: number
  /** Continue this interrupted run instead of starting a new one. */
  runId?: number
  /**
   * "Retry failed orders": send only orders that ended `failed` (or were left in doubt); orders the journal
   * never saw stay out of this run, everything else is reported as the journal has it.
   */
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
  /**
   * False when the run stopped (cancelled) before every order had its outcome: the run stays unfinished in
   * the journal so it can be resumed; the report lists only the orders that have one.
   */
  complete: boolean
  /** Orders Teak already held before this run (an earlier run or the order form): they were not sent again. */
  alreadyAtTeak: number
}

/** A planned run: what is already settled (with its report entry) and what must be sent. */
interface Plan {
  settled: Map<string, ImportReportOrder>
  toSend: ParsedOrder[]
  /** How many of the settled orders Teak already holds. */
  atTeak: number
}

/** A run under way: its id is known (and journaled) at once; `finished` settles when the run ends. */
export interface StartedImport {
  runId: number
  finished: Promise<ImportResult>
}

/**
 * Submits a parsed backlog with bounded concurrency, exactly once per order: the run is a sender (journal
 * claims) and claims each order before sending it, so another import or window sending the same order at
 * the same time leaves it to whichever claimed it first; an order the journal shows at Teak is never sent
 * again; an in-doubt one is resent (a duplicate answer is recorded as already submitted); transient failures
 * back off and retry, and every attempt is journaled before it leaves.
 */
export async function runImport(options: ImportRunOptions): Promise<ImportResult> {
  return startImport(options).finished
}

/** `runImport` for callers that follow the run while it goes (the app): the run is created before this returns. */
export function startImport(options: ImportRunOptions): StartedImport {
  const { journal, environment } = options
  const control = options.control ?? new ImportControl()
  const retry = options.retry ?? DEFAULT_RETRY_POLICY
  const concurrency = clampConcurrency(options.concurrency)
  const plan = planRun(journal, environment, options.orders, options.onlyFailed ?? false)
  const total = plan.settled.size + plan.toSend.length
  const runId =
    options.runId ??
    journal.createImportRun({
      file: options.file,
      environment,
      totalOrders: total,
      options: { concurrency, ...options.runOptions }
    })

  const sender = holdSender(journal, { kind: 'import', label: `import run ${runId}`, importRunId: runId })
  journal.attachImportRunSender(runId, sender.senderId)
  const openIntents = new Map(journal.inDoubt({ environment }).map((op) => [op.orderNumber, op.id]))
  const results = new Map(plan.settled)
  const tracker = new ProgressTracker(runId, total, [...plan.settled.values()])
  options.onProgress?.(tracker.snapshot())

  /** Orders another sender put at Teak after this run was planned: they were not sent again. */
  let settledMeanwhile = 0
  /** Teak's Retry-After holds back every worker, not only the one that was told: no request before this time. */
  let notBefore = 0

  /** One order, claimed for this run while it is sent; null when the run stopped before it had an outcome. */
  async function submit(order: ParsedOrder, request: OrderRequest): Promise<ImportReportOrder | null> {
    const claim = journal.claimOrder(sender.senderId, environment, order.orderNumber)
    if (!claim.ok) return heldEntry(order, claim.holder)
    try {
      // Another sender may have settled it between this run's plan and its claim.
      const standing = journal.latestOutcomeFor(environment, order.orderNumber)
      if (isAtTeak(standing)) {
        settledMeanwhile++
        return journaledEntry(journal, environment, order, standing as ImportOutcome)
      }
      return await attempts(order, request)
    } catch (error) {
      if (error instanceof ClaimHeldError) return heldEntry(order, error.holder)
      throw error
    } finally {
      journal.releaseOrder(sender.senderId, environment, order.orderNumber)
    }
  }

  /**
   * Sends until Teak answers, retrying only what Teak did not act on (a lost answer is resent: the journal
   * turns Teak's duplicate answer into `already_submitted`).
   */
  async function attempts(order: ParsedOrder, request: OrderRequest): Promise<ImportReportOrder | null> {
    let supersedes = openIntents.get(order.orderNumber)
    let last: SendOrderResult | undefined
    for (let attempt = 1; ; attempt++) {
      const backoff = last ? backoffMs(retry, attempt - 1, last.retryAfterMs) : 0
      const wait = Math.max(backoff, notBefore - Date.now())
      if (wait > 0) await control.sleep(wait)
      if (control.isCancelled) break
      last = await sendOrderOnce({
        journal,
        client: options.client,
        environment,
        request,
        optIn: order.optIn,
        source: 'import',
        importRunId: runId,
        csvRows: order.rows,
        supersedes,
        senderId: sender.senderId
      })
      if (last.retryAfterMs !== undefined) notBefore = Math.max(notBefore, Date.now() + last.retryAfterMs)
      const retryable = last.attempt === null || last.attempt === 'failed'
      if (!retryable || attempt >= retry.maxAttempts) break
      supersedes = last.operationId
    }
    if (!last) return null
    // Stopped while an attempt is in doubt: the intent stays open, and a resume resends it for the journal to settle.
    if (control.isCancelled && last.attempt === null) return null
    return sentEntry(order, last, runId)
  }

  let next = 0
  const fatal: unknown[] = []
  const worker = async () => {
    while (next < plan.toSend.length && (await control.mayContinue())) {
      const order = plan.toSend[next++]
      try {
        const entry = await submit(order, order.request as OrderRequest)
        if (!entry) continue
        results.set(order.orderNumber, entry)
        tracker.add(entry.outcome)
        options.onProgress?.(tracker.snapshot())
      } catch (error) {
        // A journal or programming error: stop every worker (their in-flight orders finish and are journaled).
        fatal.push(error)
        control.cancel()
      }
    }
  }

  async function sendAll(): Promise<ImportResult> {
    try {
      await Promise.all(
        Array.from({ length: Math.min(concurrency, Math.max(plan.toSend.length, 1)) }, worker)
      )
    } finally {
      sender.stop()
    }
    if (fatal.length > 0) throw fatal[0]
    const complete = results.size === total
    if (complete) journal.finishImportRun(runId, 'completed')
    const orders = options.orders.flatMap((o) => results.get(o.orderNumber) ?? [])
    return {
      runId,
      complete,
      alreadyAtTeak: plan.atTeak + settledMeanwhile,
      report: { file: options.file, environment, summary: summarize(orders), orders }
    }
  }

  return { runId, finished: sendAll() }
}

export function clampConcurrency(value: number | undefined): number {
  const n = Math.round(value ?? IMPORT_CONCURRENCY.default)
  return Math.min(IMPORT_CONCURRENCY.max, Math.max(IMPORT_CONCURRENCY.min, n))
}

function planRun(
  journal: Journal,
  environment: string,
  orders: readonly ParsedOrder[],
  onlyFailed: boolean
): Plan {
  const plan: Plan = { settled: new Map(), toSend: [], atTeak: 0 }
  for (const order of orders) {
    if (order.errors.length > 0 || !order.request) {
      plan.settled.set(order.orderNumber, invalidEntry(order))
      continue
    }
    const standing = journal.latestOutcomeFor(environment, order.orderNumber)
    const decision = decide(standing, onlyFailed)
    if (decision === 'send') plan.toSend.push(order)
    else if (decision === 'report') {
      if (isAtTeak(standing)) plan.atTeak++
      plan.settled.set(
        order.orderNumber,
        journaledEntry(journal, environment, order, standing as ImportOutcome)
      )
    }
  }
  return plan
}

/**
 * What to do with a valid order given where the journal says it stands. Teak's copy is final, so an order
 * at Teak is only reported. A retry of failed orders also leaves Teak's refusals alone (they need a
 * corrected file) and stays away from orders never sent.
 */
function decide(standing: OrderOutcome | null, onlyFailed: boolean): 'send' | 'report' | 'leave out' {
  if (isAtTeak(standing)) return 'report'
  if (!onlyFailed) return 'send'
  if (standing === 'failed' || standing === 'in_doubt') return 'send'
  return standing === null ? 'leave out' : 'report'
}

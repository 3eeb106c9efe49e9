import {
  countOutcome,
  emptySummary,
  type ImportOutcome,
  type ImportReportOrder,
  type ImportSummary
} from '../../shared/import/report'

export interface ImportProgress {
  runId: number
  /** Orders this run deals with (those already settled included). */
  total: number
  /** Orders with their outcome, counted in `summary`. */
  done: number
  summary: ImportSummary
  /** Orders per second sent by this run since it started (settled-before orders do not count). */
  ratePerSecond: number
  /** Estimated seconds until every order has its outcome; null until the rate is known. */
  etaSeconds: number | null
}

/** Running totals of a run: a progress snapshot costs the same whether 10 or 100,000 orders are done. */
export class ProgressTracker {
  private readonly summary = emptySummary()
  private readonly startedAt: number
  private readonly settledBefore: number

  constructor(
    private readonly runId: number,
    private readonly total: number,
    settled: readonly Pick<ImportReportOrder, 'outcome'>[],
    private readonly now: () => number = Date.now
  ) {
    for (const entry of settled) countOutcome(this.summary, entry.outcome)
    this.settledBefore = settled.length
    this.startedAt = now()
  }

  add(outcome: ImportOutcome): void {
    countOutcome(this.summary, outcome)
  }

  snapshot(): ImportProgress {
    const done = this.summary.orders
    const seconds = (this.now() - this.startedAt) / 1000
    const sent = done - this.settledBefore
    const ratePerSecond = seconds > 0 && sent > 0 ? sent / seconds : 0
    return {
      runId: this.runId,
      total: this.total,
      done,
      summary: { ...this.summary },
      ratePerSecond,
      etaSeconds: ratePerSecond > 0 ? (this.total - done) / ratePerSecond : null
    }
  }
}

import type { Database } from 'better-sqlite3'

/** What came of the day's work in one environment: each order or policy change counted once. */
export interface DayCounts {
  /** Orders Teak created (policies issued), or recognised as already held on a resend. */
  sent: number
  optedOut: number
  voided: number
  canceled: number
}

export interface DayCountsReader {
  /** Operations settled from `since` (an ISO instant, the start of the person's local day) on. */
  dayCounts(environment: string, since: string): DayCounts
}

export function dayCountsReader(db: Database): DayCountsReader {
  // An order resent after a lost answer has two settled submissions: it is still one order sent.
  const counts = db.prepare<[{ environment: string; since: string }], DayCounts>(
    `SELECT
       count(DISTINCT CASE WHEN op.kind IN ('order', 'opt_out') AND op.outcome IN ('created', 'already_submitted')
                           THEN op.order_id END) AS sent,
       count(DISTINCT CASE WHEN op.kind IN ('order', 'opt_out') AND op.outcome = 'opted_out'
                           THEN op.order_id END) AS optedOut,
       count(CASE WHEN op.kind = 'void' AND op.outcome = 'succeeded' THEN 1 END) AS voided,
       count(CASE WHEN op.kind = 'cancel' AND op.outcome = 'succeeded' THEN 1 END) AS canceled
     FROM operations op JOIN orders o ON o.id = op.order_id
     WHERE o.environment = @environment AND op.settled_at >= @since`
  )
  return {
    dayCounts: (environment, since) => counts.get({ environment, since }) as DayCounts
  }
}

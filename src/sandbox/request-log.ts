import type { FaultKind } from './faults'

/**
 * One received `/api` call. Deliberately without headers, query or body: those carry keys and tokens
 * (the decode query holds a quote token), and this log is served to anyone on loopback.
 */
export interface RequestLogEntry {
  method: string
  /** Path only, never the query string. */
  path: string
  /**
   * The status sent, or — for a reset after processing — the status the call would have had. Null when
   * nothing was processed: a reset before processing, a call left unanswered (`timeout`), or a client that
   * hung up before its request was complete.
   */
  status: number | null
  fault: FaultKind | null
  /** Arrival, on the sandbox clock. */
  time: string
  durationMs: number
}

/** Keeps the most recent calls only, so a long benchmark or CLI session cannot grow it without bound. */
const MAX_ENTRIES = 10_000

export class RequestLog {
  private entries: RequestLogEntry[] = []

  add(entry: RequestLogEntry): void {
    this.entries.push(entry)
    if (this.entries.length > MAX_ENTRIES) this.entries.shift()
  }

  list(): RequestLogEntry[] {
    return [...this.entries]
  }

  clear(): void {
    this.entries = []
  }
}

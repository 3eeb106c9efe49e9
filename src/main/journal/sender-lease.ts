import type { ClaimBook, SenderInput } from './claims'
import { SENDER_LEASE_MS } from './journal'

export interface SenderLease {
  senderId: number
  /** Stops the heartbeat and retires the sender: its claims are released. */
  stop(): void
}

/**
 * Registers a sender and keeps it alive with a heartbeat until `stop`. A heartbeat that fails (the journal
 * busy for longer than its timeout) is skipped: the lease is four heartbeats long. Retiring is best effort.
 */
export function holdSender(journal: ClaimBook, input: SenderInput): SenderLease {
  const senderId = journal.registerSender(input)
  const timer = setInterval(() => {
    try {
      journal.renewSender(senderId)
    } catch {
      // The next heartbeat tries again; the lease outlasts three missed ones.
    }
  }, SENDER_LEASE_MS / 4)
  timer.unref()
  return {
    senderId,
    stop() {
      clearInterval(timer)
      try {
        journal.retireSender(senderId)
      } catch {
        // The journal is already closed (or failing): the sender counts as gone once its process ends or its
        // lease runs out, so its claims free themselves all the same.
      }
    }
  }
}

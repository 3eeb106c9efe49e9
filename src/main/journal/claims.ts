import type { Database } from 'better-sqlite3'
import { utcText } from '../../shared/time/utc-text'
import { JournalError } from './errors'
import type { GroupCommit } from './group-commit'

/**
 * One sender per order. Whatever sends orders (an import run, an app's order form, a CLI process) registers
 * as a sender with a lease it renews while it lives, and claims each order before sending it. A claim held
 * by a live sender keeps every other sender off the order; a sender that died (its lease ran out, or its
 * process on this computer is gone) holds nothing, and its orders are resumed as in doubt, as after a crash.
 */
export const SENDER_KINDS = ['import', 'app'] as const
export type SenderKind = (typeof SENDER_KINDS)[number]

export interface SenderInput {
  kind: SenderKind
  /** Who is sending, as a person reads it: "import run 3", "the order form". */
  label: string
  importRunId?: number
}

export interface Sender {
  id: number
  kind: SenderKind
  label: string
  importRunId: number | null
  host: string
  pid: number
  startedAt: string
  leaseUntil: string
  retiredAt: string | null
}

export type ClaimResult = { ok: true } | { ok: false; holder: Sender }

export interface ClaimBook {
  registerSender(input: SenderInput): number
  /** The heartbeat: extends the sender's lease. */
  renewSender(senderId: number): void
  /** The sender is done: its claims are released and it counts as gone. */
  retireSender(senderId: number): void
  /** Claims the order for the sender unless a live other sender holds it (then: who). */
  claimOrder(senderId: number, environment: string, orderNumber: string): ClaimResult
  releaseOrder(senderId: number, environment: string, orderNumber: string): void
  /** The live sender holding the order, if any. */
  holderOf(environment: string, orderNumber: string): Sender | null
  sender(senderId: number): Sender | null
  isAlive(sender: Sender): boolean
}

/** Another live sender (an import run, another window or process) holds the order: it was not sent. */
export class ClaimHeldError extends JournalError {
  override name = 'ClaimHeldError'

  constructor(
    readonly orderNumber: string,
    readonly holder: Sender
  ) {
    super(
      `Order ${orderNumber} is being sent by ${holderText(holder)}: not sent from here, so it is not sent twice.`
    )
  }
}

/** "import run 3 (started 2026-12-02 04:20:15 UTC)". */
export function holderText(holder: Pick<Sender, 'label' | 'startedAt'>): string {
  return `${holder.label} (started ${utcText(holder.startedAt)})`
}

export interface Liveness {
  now: () => Date
  leaseMs: number
  /** This computer's name: a sender on it is alive only while its process is. */
  host: string
  pid: number
  processExists: (pid: number) => boolean
}

/** A sender is alive until it retires, its lease runs out, or (on this computer) its process is gone. */
export function senderIsAlive(sender: Sender, liveness: Liveness): boolean {
  if (sender.retiredAt !== null) return false
  if (Date.parse(sender.leaseUntil) <= liveness.now().getTime()) return false
  if (sender.host !== liveness.host || sender.pid === liveness.pid) return true
  return liveness.processExists(sender.pid)
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const SENDER_COLUMNS = `id, kind, label, import_run_id AS importRunId, host, pid, started_at AS startedAt,
                        lease_until AS leaseUntil, retired_at AS retiredAt`

export function claimBook(db: Database, liveness: Liveness, writes: GroupCommit): ClaimBook {
  const insertSender = db.prepare<[Record<string, string | number | null>]>(
    `INSERT INTO senders (kind, label, import_run_id, host, pid, started_at, lease_until)
     VALUES (@kind, @label, @importRunId, @host, @pid, @at, @leaseUntil)`
  )
  const renew = db.prepare<[string, number]>(
    'UPDATE senders SET lease_until = ? WHERE id = ? AND retired_at IS NULL'
  )
  const retire = db.prepare<[string, number]>('UPDATE senders SET retired_at = ? WHERE id = ?')
  const releaseAll = db.prepare<[number]>('DELETE FROM claims WHERE sender_id = ?')
  const senderById = db.prepare<[number], Sender>(`SELECT ${SENDER_COLUMNS} FROM senders WHERE id = ?`)
  const holder = db.prepare<[string, string], Sender>(
    `SELECT ${SENDER_COLUMNS} FROM senders
     WHERE id = (SELECT sender_id FROM claims WHERE environment = ? AND order_number = ?)`
  )
  const upsertClaim = db.prepare<
    [{ environment: string; orderNumber: string; senderId: number; at: string }]
  >(
    `INSERT INTO claims (environment, order_number, sender_id, claimed_at)
     VALUES (@environment, @orderNumber, @senderId, @at)
     ON CONFLICT (environment, order_number) DO UPDATE
       SET sender_id = excluded.sender_id, claimed_at = excluded.claimed_at`
  )
  const release = db.prepare<[number, string, string]>(
    'DELETE FROM claims WHERE sender_id = ? AND environment = ? AND order_number = ?'
  )

  const isAlive = (sender: Sender) => senderIsAlive(sender, liveness)
  const leaseUntil = () => new Date(liveness.now().getTime() + liveness.leaseMs).toISOString()

  function liveHolder(environment: string, orderNumber: string): Sender | null {
    const found = holder.get(environment, orderNumber)
    return found && isAlive(found) ? found : null
  }

  const claim = db.transaction((senderId: number, environment: string, orderNumber: string): ClaimResult => {
    writes.flush()
    const current = liveHolder(environment, orderNumber)
    if (current && current.id !== senderId) return { ok: false, holder: current }
    const own = senderById.get(senderId)
    if (!own || !isAlive(own)) {
      throw new JournalError(`Sender ${senderId} is not registered or has stopped; it cannot claim orders.`)
    }
    upsertClaim.run({ environment, orderNumber, senderId, at: liveness.now().toISOString() })
    return { ok: true }
  })

  return {
    registerSender(input) {
      const at = liveness.now().toISOString()
      return Number(
        insertSender.run({
          kind: input.kind,
          label: input.label,
          importRunId: input.importRunId ?? null,
          host: liveness.host,
          pid: liveness.pid,
          at,
          leaseUntil: leaseUntil()
        }).lastInsertRowid
      )
    },
    renewSender(senderId) {
      renew.run(leaseUntil(), senderId)
    },
    retireSender: db.transaction((senderId: number) => {
      releaseAll.run(senderId)
      retire.run(liveness.now().toISOString(), senderId)
    }),
    // A claim commits at once, with the writes queued before it; its release may wait in the queue.
    claimOrder: (senderId, environment, orderNumber) => claim.immediate(senderId, environment, orderNumber),
    releaseOrder(senderId, environment, orderNumber) {
      writes.later(() => release.run(senderId, environment, orderNumber))
    },
    holderOf: liveHolder,
    sender: (senderId) => senderById.get(senderId) ?? null,
    isAlive
  }
}

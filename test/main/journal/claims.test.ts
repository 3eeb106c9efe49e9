import { describe, expect, it } from 'vitest'
import { ClaimHeldError } from '../../../src/main/journal/claims'
import { openJournal, SENDER_LEASE_MS, type Journal } from '../../../src/main/journal/journal'
import type { IntentInput } from '../../../src/main/journal/operation-writer'
import { useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

/** A clock that stands still until the test moves it. */
function manualClock(start = '2027-03-01T09:00:00.000Z') {
  let now = Date.parse(start)
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) }
}

const intent = (orderNumber: string, senderId: number): IntentInput => ({
  kind: 'order',
  source: 'import',
  environment: 'local',
  orderNumber,
  request: orderBody(orderNumber),
  senderId
})

describe('one sender per order', () => {
  const journalPath = useJournalPath()

  /** Two computers (or processes) sharing one journal file, each with its own view of who it is. */
  function twoComputers() {
    const path = journalPath()
    const clock = manualClock()
    const options = (host: string) => ({
      now: clock.now,
      liveness: { host, pid: 100, processExists: () => true }
    })
    const a = openJournal(path, options('pc-a'))
    const b = openJournal(path, options('pc-b'))
    return { a, b, clock, close: () => [a, b].forEach((journal: Journal) => journal.close()) }
  }

  it('lets only the claiming sender send; the other is told who holds the order', () => {
    const { a, b, close } = twoComputers()
    try {
      const senderA = a.registerSender({ kind: 'import', label: 'import run 1' })
      const senderB = b.registerSender({ kind: 'import', label: 'import run 2' })
      expect(a.claimOrder(senderA, 'local', 'C-1')).toEqual({ ok: true })
      expect(b.claimOrder(senderB, 'local', 'C-1')).toMatchObject({
        ok: false,
        holder: { id: senderA, label: 'import run 1', host: 'pc-a' }
      })
      // The journal refuses the intent itself, in the same transaction that would record it.
      expect(() => b.recordIntent(intent('C-1', senderB))).toThrow(ClaimHeldError)
      expect(() => b.recordIntent(intent('C-1', senderB))).toThrow(
        /^Order C-1 is being sent by import run 1 \(started 2027-03-01 09:00:00 UTC\)/
      )
      expect(b.latestOutcomeFor('local', 'C-1')).toBeNull()
      expect(b.holderOf('local', 'C-1')?.id).toBe(senderA)
      // The holder itself may send; an intent claims an unclaimed order.
      expect(a.recordIntent(intent('C-1', senderA))).toBeGreaterThan(0)
      expect(b.recordIntent(intent('C-2', senderB))).toBeGreaterThan(0)
      expect(a.claimOrder(senderA, 'local', 'C-2')).toMatchObject({ ok: false })

      a.releaseOrder(senderA, 'local', 'C-1')
      expect(b.claimOrder(senderB, 'local', 'C-1')).toEqual({ ok: true })
    } finally {
      close()
    }
  })

  it('frees a retired sender’s claims', () => {
    const { a, b, close } = twoComputers()
    try {
      const senderA = a.registerSender({ kind: 'app', label: 'the order form' })
      const senderB = b.registerSender({ kind: 'import', label: 'import run 2' })
      a.claimOrder(senderA, 'local', 'C-1')
      a.retireSender(senderA)
      expect(b.holderOf('local', 'C-1')).toBeNull()
      expect(b.claimOrder(senderB, 'local', 'C-1')).toEqual({ ok: true })
      expect(() => a.claimOrder(senderA, 'local', 'C-9')).toThrow(/has stopped/)
    } finally {
      close()
    }
  })

  it('lets a lease run out when its sender stops renewing it, and keeps it while renewed', () => {
    const { a, b, clock, close } = twoComputers()
    try {
      const senderA = a.registerSender({ kind: 'import', label: 'import run 1' })
      const senderB = b.registerSender({ kind: 'import', label: 'import run 2' })
      a.claimOrder(senderA, 'local', 'C-1')
      clock.advance(SENDER_LEASE_MS - 1)
      a.renewSender(senderA)
      b.renewSender(senderB)
      clock.advance(SENDER_LEASE_MS - 1)
      expect(b.claimOrder(senderB, 'local', 'C-1')).toMatchObject({ ok: false })
      b.renewSender(senderB)
      // A stops renewing (its computer went away): its claim lapses with the lease.
      clock.advance(2)
      expect(b.holderOf('local', 'C-1')).toBeNull()
      expect(b.claimOrder(senderB, 'local', 'C-1')).toEqual({ ok: true })
    } finally {
      close()
    }
  })

  it('on one computer, holds a sender alive only while its process runs', () => {
    const path = journalPath()
    const alive = new Set([200])
    const here = (pid: number) =>
      openJournal(path, { liveness: { host: 'pc', pid, processExists: (p) => alive.has(p) } })
    const first = here(200)
    const second = here(300)
    try {
      const sender = first.registerSender({ kind: 'import', label: 'import run 1' })
      first.claimOrder(sender, 'local', 'C-1')
      const other = second.registerSender({ kind: 'import', label: 'import run 2' })
      expect(second.claimOrder(other, 'local', 'C-1')).toMatchObject({ ok: false })
      alive.delete(200) // process 200 was killed: no waiting for its lease
      expect(second.claimOrder(other, 'local', 'C-1')).toEqual({ ok: true })
    } finally {
      first.close()
      second.close()
    }
  })

  it('tells a running import from an interrupted one by its sender', () => {
    const { a, b, close } = twoComputers()
    try {
      const runId = a.createImportRun({ file: 'f.csv', environment: 'local', totalOrders: 1, options: {} })
      expect(b.importRunProgress(runId)).toMatchObject({ alive: false, senderId: null })
      const sender = a.registerSender({ kind: 'import', label: `import run ${runId}`, importRunId: runId })
      a.attachImportRunSender(runId, sender)
      expect(b.unfinishedImportRuns()).toMatchObject([{ id: runId, alive: true, senderId: sender }])
      a.retireSender(sender)
      expect(b.unfinishedImportRuns()).toMatchObject([{ id: runId, alive: false }])
    } finally {
      close()
    }
  })
})

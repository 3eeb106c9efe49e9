import { describe, expect, it } from 'vitest'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { createOverviewService } from '../../../src/main/overview/overview-service'
import type { Outcome } from '../../../src/shared/journal/outcomes'
import { useJournalPath } from '../journal/support/journal-fixtures'
import { orderBody } from '../journal/support/order-body'

/** A clock the test moves: operations are stamped at the time it is set to. */
function settableClock(start: string) {
  let now = new Date(start)
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) }
}

const selected = (id: string) => ({ selectedEnvironment: () => ({ id }) as never })

function submit(
  journal: Journal,
  environment: string,
  orderNumber: string,
  outcome: Outcome | null,
  importRunId?: number
): void {
  const id = journal.recordIntent({
    kind: outcome === 'opted_out' ? 'opt_out' : 'order',
    source: importRunId ? 'import' : 'form',
    environment,
    orderNumber,
    request: orderBody(orderNumber),
    importRunId
  })
  if (outcome === null) return
  journal.recordOutcome(id, {
    outcome,
    httpStatus: outcome === 'created' ? 201 : outcome === 'opted_out' ? 204 : undefined,
    policies:
      outcome === 'created'
        ? [{ policyNumber: `${orderNumber}-P`, itemReference: `${orderNumber}-1`, status: 'Issued' }]
        : undefined
  })
}

function change(journal: Journal, kind: 'void' | 'cancel', orderNumber: string): void {
  const id = journal.recordIntent({
    kind,
    source: 'form',
    environment: 'local',
    orderNumber,
    policyNumber: `${orderNumber}-P`
  })
  journal.recordOutcome(id, { outcome: 'succeeded', httpStatus: 200 })
}

describe('the Overview', () => {
  const journalPath = useJournalPath()

  it("counts the local day's work of the environment in use, each order once", () => {
    const clock = settableClock('2027-03-01T22:00:00.000Z')
    const journal = openJournal(journalPath(), { now: clock.now })
    submit(journal, 'local', 'YESTERDAY', 'created')
    clock.set('2027-03-02T08:00:00.000Z')
    submit(journal, 'local', 'A', 'created')
    submit(journal, 'local', 'B', 'created')
    submit(journal, 'local', 'C', 'opted_out')
    submit(journal, 'local', 'D', 'rejected')
    submit(journal, 'sandbox', 'ELSEWHERE', 'created')
    change(journal, 'void', 'A')
    change(journal, 'cancel', 'B')
    change(journal, 'cancel', 'YESTERDAY')

    const overview = createOverviewService({ journal, settings: selected('local') })
    const today = overview.get({ dayStart: '2027-03-02T00:00:00+01:00' }).today
    expect(today).toEqual({
      since: '2027-03-01T23:00:00.000Z',
      sent: 2,
      optedOut: 1,
      voided: 1,
      canceled: 2
    })
    expect(overview.get({ dayStart: '2027-03-01T00:00:00Z' }).today.sent).toBe(3)
    journal.close()
  })

  it('lists orders in doubt in every environment and imports that need finishing, with recent imports', () => {
    const journal = openJournal(journalPath())
    const clean = journal.createImportRun({
      file: '/data/clean.csv',
      environment: 'local',
      totalOrders: 2,
      options: {}
    })
    submit(journal, 'local', 'C-1', 'created', clean)
    submit(journal, 'local', 'C-2', 'opted_out', clean)
    journal.finishImportRun(clean)
    const failing = journal.createImportRun({
      file: 'failing.csv',
      environment: 'local',
      totalOrders: 3,
      options: {}
    })
    submit(journal, 'local', 'F-1', 'created', failing)
    submit(journal, 'local', 'F-2', 'failed', failing)
    submit(journal, 'local', 'F-3', null, failing)
    journal.finishImportRun(failing)
    const interrupted = journal.createImportRun({
      file: 'cut.csv',
      environment: 'sandbox',
      totalOrders: 9,
      options: {}
    })
    submit(journal, 'sandbox', 'S-1', null)

    const overview = createOverviewService({ journal, settings: selected('local') }).get({
      dayStart: new Date(0).toISOString()
    })
    expect(overview.inDoubtTotal).toBe(2)
    expect(overview.inDoubt.map((o) => [o.environmentId, o.orderNumber, o.kind])).toEqual([
      ['local', 'F-3', 'order'],
      ['sandbox', 'S-1', 'order']
    ])
    expect(overview.importsNeedingAction.map((run) => [run.runId, run.state])).toEqual([
      [failing, 'completed'],
      [interrupted, 'interrupted']
    ])
    expect(overview.recentImports.map((run) => [run.fileName, run.state, run.outcomes])).toEqual([
      ['cut.csv', 'interrupted', {}],
      ['failing.csv', 'completed', { created: 1, failed: 1, in_doubt: 1 }],
      ['clean.csv', 'completed', { created: 1, opted_out: 1 }]
    ])
    journal.close()
  })
})

import { describe, expect, it } from 'vitest'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import type { IntentInput } from '../../../src/main/journal/operation-writer'
import { steppingClock, useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

const CREATED_POLICIES = [
  { policyNumber: 'ORAAS-FLOOR00001', itemReference: 'A-1-FLOOR', status: 'Issued', premium: '4.89' },
  { policyNumber: 'ORAAS-BALCONY001', itemReference: 'A-1-BALCONY', status: 'Issued', premium: '3.57' }
]

function submission(orderNumber: string, overrides: Partial<IntentInput> = {}): IntentInput {
  return {
    kind: 'order',
    source: 'form',
    environment: 'local',
    orderNumber,
    request: orderBody(orderNumber),
    ...overrides
  }
}

describe('journal operations', () => {
  const journalPath = useJournalPath()
  const open = (): Journal => openJournal(journalPath(), { now: steppingClock() })

  it('journals an order from intent to outcome: order state, items, policies and timeline', () => {
    const journal = open()
    const id = journal.recordIntent(submission('A-1', { csvRows: [3, 4] }))
    expect(journal.latestOutcomeFor('local', 'A-1')).toBe('in_doubt')

    journal.recordOutcome(id, {
      outcome: 'created',
      httpStatus: 201,
      response: { protecht_order_id: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d', order_number: 'A-1' },
      teakOrderId: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d',
      policies: CREATED_POLICIES
    })

    expect(journal.latestOutcomeFor('local', 'A-1')).toBe('created')
    expect(journal.latestOutcomeFor('sandbox', 'A-1')).toBeNull()
    const detail = journal.orderDetail('local', 'A-1')!
    expect(detail.order).toEqual({
      environment: 'local',
      orderNumber: 'A-1',
      outcome: 'created',
      source: 'form',
      currency: 'USD',
      customerName: 'Zoë Quigley',
      customerEmail: 'zoe.quigley@example.org',
      teakOrderId: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d',
      itemReferences: ['A-1-FLOOR', 'A-1-BALCONY'],
      policies: [
        { policyNumber: 'ORAAS-FLOOR00001', status: 'Issued' },
        { policyNumber: 'ORAAS-BALCONY001', status: 'Issued' }
      ],
      lastError: null,
      firstSeenAt: '2027-03-01T09:00:00.000Z',
      lastActivityAt: '2027-03-01T09:00:01.000Z'
    })
    expect(detail.items).toEqual([
      { referenceNumber: 'A-1-FLOOR', name: 'Floor ticket', cost: '57.50', replacedBy: null },
      { referenceNumber: 'A-1-BALCONY', name: 'Balcony ticket', cost: '42.00', replacedBy: null }
    ])
    expect(detail.policies[0]).toEqual({
      policyNumber: 'ORAAS-FLOOR00001',
      policyNumberNew: null,
      itemReference: 'A-1-FLOOR',
      status: 'Issued',
      premium: '4.89',
      coverageAmount: null,
      currency: null,
      replacedBy: null,
      updatedAt: '2027-03-01T09:00:01.000Z',
      statusAt: '2027-03-01T09:00:01.000Z',
      replacedAt: null,
      statusNotifiedAt: null
    })
    expect(detail.timeline).toEqual([
      {
        id,
        environment: 'local',
        orderNumber: 'A-1',
        kind: 'order',
        source: 'form',
        requestedAt: '2027-03-01T09:00:00.000Z',
        request: orderBody('A-1'),
        policyNumber: null,
        importRunId: null,
        csvRows: [3, 4],
        supersedes: null,
        supersededBy: null,
        outcome: 'created',
        settledAt: '2027-03-01T09:00:01.000Z',
        httpStatus: 201,
        response: { protecht_order_id: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d', order_number: 'A-1' },
        policies: CREATED_POLICIES,
        error: null,
        note: null
      }
    ])
    journal.close()
  })

  it('records an invalid order that was never sent, with its field errors', () => {
    const journal = open()
    const request = { order_number: 'BAD-1', currency: 'XXX', items: [] }
    const error = {
      kind: 'validation',
      message: 'The order is not valid.',
      fieldErrors: [{ path: ['currency'], message: "Choose one of Teak's 25 currencies." }]
    }
    journal.recordOutcome(journal.recordIntent(submission('BAD-1', { request })), {
      outcome: 'invalid',
      error
    })

    const detail = journal.orderDetail('local', 'BAD-1')!
    expect(detail.order).toMatchObject({
      outcome: 'invalid',
      currency: 'XXX',
      itemReferences: [],
      customerName: null
    })
    expect(detail.order.lastError).toBe('The order is not valid.')
    expect(detail.timeline[0]).toMatchObject({ request, outcome: 'invalid', httpStatus: null, error })
    journal.close()
  })

  it('records an outcome once, for a known operation, and only an outcome its kind can have', () => {
    const journal = open()
    const id = journal.recordIntent(submission('A-1'))
    expect(() => journal.recordOutcome(id, { outcome: 'succeeded' })).toThrow(
      `"succeeded" cannot be the outcome of operation ${id} (order); ` +
        'use created, opted_out, already_submitted, invalid, rejected, failed.'
    )
    journal.recordOutcome(id, { outcome: 'rejected', httpStatus: 400 })
    expect(() => journal.recordOutcome(id, { outcome: 'created' })).toThrow(
      `Operation ${id} already has its outcome (rejected); an outcome is recorded once.`
    )
    expect(() => journal.recordOutcome(999, { outcome: 'created' })).toThrow(
      'There is no operation 999 in the journal.'
    )
    expect(journal.latestOutcomeFor('local', 'A-1')).toBe('rejected')
    journal.close()
  })

  it('lists intents without outcome as in doubt until an operation supersedes them', () => {
    const journal = open()
    const lost = journal.recordIntent(submission('A-1'))
    const sandboxLost = journal.recordIntent(submission('S-1', { environment: 'sandbox' }))
    journal.recordOutcome(journal.recordIntent(submission('A-2')), { outcome: 'created' })

    expect(journal.inDoubt().map((operation) => operation.id)).toEqual([lost, sandboxLost])
    expect(journal.inDoubt({ environment: 'sandbox' }).map((operation) => operation.id)).toEqual([
      sandboxLost
    ])

    const resend = journal.recordIntent(submission('A-1', { source: 'resend', supersedes: lost }))
    expect(journal.inDoubt().map((operation) => operation.id)).toEqual([sandboxLost, resend])
    journal.recordOutcome(resend, { outcome: 'already_submitted', httpStatus: 400 })
    expect(journal.inDoubt().map((operation) => operation.id)).toEqual([sandboxLost])
    expect(journal.latestOutcomeFor('local', 'A-1')).toBe('already_submitted')
    expect(
      journal.orderDetail('local', 'A-1')!.timeline.map((op) => [op.id, op.supersedes, op.supersededBy])
    ).toEqual([
      [lost, null, resend],
      [resend, lost, null]
    ])

    expect(() => journal.recordIntent(submission('A-2', { supersedes: sandboxLost }))).toThrow(
      `Operation ${sandboxLost} is not an operation on order "A-2" in local; it cannot be superseded.`
    )
    journal.close()
  })

  it('corrects and resends a refused order: the corrected request becomes the order', () => {
    const journal = open()
    const first = journal.recordIntent(submission('A-1'))
    journal.recordOutcome(first, {
      outcome: 'rejected',
      httpStatus: 400,
      error: { kind: 'teak', message: 'Bad cost' }
    })
    const corrected = orderBody('A-1', {
      items: [{ name: 'Pit', reference_number: 'A-1-PIT', cost: '99.00' }]
    })
    const second = journal.recordIntent(
      submission('A-1', { source: 'resend', request: corrected, supersedes: first })
    )
    journal.recordOutcome(second, { outcome: 'created', httpStatus: 201 })

    const detail = journal.orderDetail('local', 'A-1')!
    expect(detail.order).toMatchObject({ outcome: 'created', source: 'resend', lastError: null })
    expect(detail.items.map((item) => item.referenceNumber)).toEqual(['A-1-PIT'])
    journal.close()
  })

  it('never lets a later attempt hide that Teak holds the order, nor rewrite what Teak holds', () => {
    const journal = open()
    journal.recordOutcome(journal.recordIntent(submission('A-1')), {
      outcome: 'created',
      policies: CREATED_POLICIES
    })
    const edited = orderBody('A-1', { items: [{ name: 'Other', reference_number: 'A-1-OTHER', cost: '1' }] })
    const again = journal.recordIntent(submission('A-1', { source: 'resend', request: edited }))
    expect(journal.latestOutcomeFor('local', 'A-1')).toBe('created')
    journal.recordOutcome(again, {
      outcome: 'failed',
      error: { kind: 'network', message: 'Connection reset' }
    })

    const detail = journal.orderDetail('local', 'A-1')!
    expect(detail.order).toMatchObject({ outcome: 'created', source: 'form', lastError: null })
    expect(detail.order.itemReferences).toEqual(['A-1-FLOOR', 'A-1-BALCONY'])
    expect(detail.timeline.map((operation) => operation.outcome)).toEqual(['created', 'failed'])
    journal.close()
  })

  it('keeps an order on its newest attempt when an older one settles late', () => {
    const journal = open()
    const older = journal.recordIntent(submission('A-1'))
    const newer = journal.recordIntent(submission('A-1', { source: 'resend', supersedes: older }))
    journal.recordOutcome(older, { outcome: 'failed' })
    expect(journal.latestOutcomeFor('local', 'A-1')).toBe('in_doubt')
    journal.recordOutcome(newer, { outcome: 'created' })
    expect(journal.latestOutcomeFor('local', 'A-1')).toBe('created')
    journal.close()
  })

  it('refuses operations it could not file: unknown order or policy, missing fields', () => {
    const journal = open()
    expect(() =>
      journal.recordIntent({
        kind: 'void',
        source: 'form',
        environment: 'local',
        orderNumber: 'NOPE',
        policyNumber: 'P'
      })
    ).toThrow('Teak Desk has no record of order "NOPE" in local, so the void cannot be journaled.')
    journal.recordOutcome(journal.recordIntent(submission('A-1')), {
      outcome: 'created',
      policies: CREATED_POLICIES
    })
    expect(() =>
      journal.recordIntent({ kind: 'cancel', source: 'form', environment: 'local', orderNumber: 'A-1' })
    ).toThrow('A cancel needs the policy number it acts on.')
    expect(() =>
      journal.recordIntent({
        kind: 'void',
        source: 'form',
        environment: 'local',
        orderNumber: 'A-1',
        policyNumber: 'X'
      })
    ).toThrow('Policy X is not a policy of order "A-1" in local.')
    expect(() => journal.recordIntent(submission(' '))).toThrow(
      'An operation needs the order number it is about.'
    )
    expect(() => journal.recordIntent(submission('A-2', { csvRows: [0] }))).toThrow(
      'CSV row numbers are whole numbers from 1.'
    )
    expect(() => journal.recordIntent(submission('A-2', { kind: 'refund' as 'order' }))).toThrow(
      '"refund" is not an operation kind (use order, opt_out, exchange, void, cancel).'
    )
    expect(journal.latestOutcomeFor('local', 'A-2')).toBeNull()
    journal.close()
  })
})

describe('the journal never stores a secret key', () => {
  const journalPath = useJournalPath()

  it.each([
    ['secret_key', { public_key: 'pk_sandbox_1', secret_key: 'sk_sandbox_DO_NOT_STORE' }],
    ['secretKey', { nested: [{ auth: { secretKey: 'sk_sandbox_DO_NOT_STORE' } }] }]
  ])('refuses a request carrying %s, storing nothing', (field, credentials) => {
    const journal = openJournal(journalPath())
    const request = { ...orderBody('S-1'), ...credentials }
    let message = ''
    try {
      journal.recordIntent(submission('S-1', { request }))
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe(
      `Refused to store the request: it has a "${field}" field. Secret keys are never written to the journal.`
    )
    expect(journal.latestOutcomeFor('local', 'S-1')).toBeNull()
    journal.close()
  })

  it('refuses a response or import options carrying one; the operation stays in doubt', () => {
    const journal = openJournal(journalPath())
    const id = journal.recordIntent(submission('S-1'))
    expect(() => journal.recordOutcome(id, { outcome: 'created', response: { SECRET_KEY: 'sk' } })).toThrow(
      'Refused to store the response: it has a "SECRET_KEY" field.'
    )
    expect(journal.inDoubt().map((operation) => operation.id)).toEqual([id])
    expect(() =>
      journal.createImportRun({
        file: 'a.csv',
        environment: 'local',
        totalOrders: 1,
        options: { secret_key: 'sk' }
      })
    ).toThrow('Refused to store the import options: it has a "secret_key" field.')
    expect(journal.unfinishedImportRuns()).toEqual([])
    journal.close()
  })
})

describe('import runs', () => {
  const journalPath = useJournalPath()

  it('track progress per order so an interrupted import can resume, until finished', () => {
    const journal = openJournal(journalPath(), { now: steppingClock() })
    const runId = journal.createImportRun({
      file: 'orders.csv',
      environment: 'local',
      totalOrders: 4,
      options: { concurrency: 2 }
    })
    const send = (orderNumber: string, csvRows: number[], more: Partial<IntentInput> = {}) =>
      journal.recordIntent(
        submission(orderNumber, { source: 'import', importRunId: runId, csvRows, ...more })
      )
    journal.recordOutcome(send('I-1', [2, 3]), { outcome: 'created' })
    journal.recordOutcome(send('I-2', [4]), { outcome: 'invalid' })
    const lost = send('I-3', [5])

    expect(journal.unfinishedImportRuns()).toEqual([
      {
        id: runId,
        file: 'orders.csv',
        environment: 'local',
        totalOrders: 4,
        options: { concurrency: 2 },
        startedAt: '2027-03-01T09:00:00.000Z',
        endedAt: null,
        ending: null,
        processedOrders: 3,
        outcomes: { created: 1, invalid: 1, in_doubt: 1 },
        // No sender runs it: interrupted.
        alive: false,
        senderId: null
      }
    ])
    expect(
      journal.inDoubt({ importRunId: runId }).map((operation) => [operation.id, operation.csvRows])
    ).toEqual([[lost, [5]]])

    // Resuming: the in-doubt order goes again (superseding the lost attempt), the corrected invalid one too.
    journal.recordOutcome(send('I-3', [5], { supersedes: lost }), { outcome: 'created' })
    journal.recordOutcome(send('I-2', [4]), { outcome: 'created' })
    journal.recordOutcome(send('I-4', [6], { kind: 'opt_out' }), { outcome: 'opted_out' })
    expect(journal.importRunProgress(runId)).toMatchObject({
      processedOrders: 4,
      outcomes: { created: 3, opted_out: 1 }
    })
    expect(journal.inDoubt()).toEqual([])

    journal.finishImportRun(runId)
    expect(journal.unfinishedImportRuns()).toEqual([])
    expect(journal.importRunProgress(runId)).toMatchObject({
      endedAt: expect.any(String),
      ending: 'completed'
    })
    expect(() => journal.finishImportRun(runId, 'abandoned')).toThrow(
      `Import run ${runId} does not exist or has already ended.`
    )
    journal.close()
  })

  it('refuses operations filed under a run of another environment, and unknown runs', () => {
    const journal = openJournal(journalPath())
    const runId = journal.createImportRun({
      file: 'x.csv',
      environment: 'sandbox',
      totalOrders: 1,
      options: {}
    })
    expect(() => journal.recordIntent(submission('I-1', { importRunId: runId }))).toThrow(
      `Import run ${runId} does not import into local.`
    )
    expect(() => journal.importRunProgress(runId + 1)).toThrow(
      `There is no import run ${runId + 1} in the journal.`
    )
    journal.close()
  })
})

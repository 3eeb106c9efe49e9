import { describe, expect, it } from 'vitest'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { steppingClock, useJournalPath } from '../journal/support/journal-fixtures'
import { orderBody } from '../journal/support/order-body'
import { voidPayload } from './support/deliver'

const ENV = 'sandbox'

function createdOrder(journal: Journal, orderNumber: string): void {
  const id = journal.recordIntent({
    kind: 'order',
    source: 'form',
    environment: ENV,
    orderNumber,
    request: orderBody(orderNumber, { currency: 'EUR' })
  })
  journal.recordOutcome(id, {
    outcome: 'created',
    httpStatus: 201,
    policies: [
      {
        policyNumber: 'FLOOR-POLICY01',
        itemReference: `${orderNumber}-FLOOR`,
        status: 'Issued',
        premium: '4.89',
        currency: 'EUR'
      },
      {
        policyNumber: 'BALCO-POLICY02',
        itemReference: `${orderNumber}-BALCONY`,
        status: 'Issued',
        premium: '3.57',
        currency: 'EUR'
      }
    ]
  })
}

function store(journal: Journal, payload: unknown, environment = ENV) {
  return journal.storeNotifications({
    environment,
    rawBody: JSON.stringify(payload),
    signature: 'raw',
    payloads: [payload]
  })
}

describe('notifications in the journal', () => {
  const journalPath = useJournalPath()
  const open = () => openJournal(journalPath(), { now: steppingClock() })

  it("links a notification to the order holding its policy, with the policy's premium when it names no amount", () => {
    const journal = open()
    createdOrder(journal, 'N-1')
    store(journal, { event: 'Contract Void', policy_number: 'BALCO-POLICY02' })
    expect(journal.listNotifications(ENV)).toMatchObject([
      { orderNumber: 'N-1', policyNumber: 'BALCO-POLICY02', linked: true, amount: '3.57', currency: 'EUR' }
    ])
    journal.close()
  })

  it('links a notification that arrived before its order was journaled, once it is', () => {
    const journal = open()
    store(journal, voidPayload())
    expect(journal.listNotifications(ENV)[0].linked).toBe(false)
    createdOrder(journal, 'N-1')
    expect(journal.listNotifications(ENV)[0].linked).toBe(true)
    journal.close()
  })

  it("shows the notified status in History, newer than Teak's last answer, marked with its time", () => {
    const journal = open()
    createdOrder(journal, 'N-1')
    store(journal, voidPayload())
    const detail = journal.orderDetail(ENV, 'N-1')!
    const floor = detail.policies.find((policy) => policy.policyNumber === 'FLOOR-POLICY01')!
    const receivedAt = journal.listNotifications(ENV)[0].receivedAt
    expect(floor).toMatchObject({ status: 'Voided', statusNotifiedAt: receivedAt })
    expect(detail.policies.find((policy) => policy.policyNumber === 'BALCO-POLICY02')).toMatchObject({
      status: 'Issued',
      statusNotifiedAt: null
    })
    expect(detail.order.policies).toEqual([
      { policyNumber: 'FLOOR-POLICY01', status: 'Voided' },
      { policyNumber: 'BALCO-POLICY02', status: 'Issued' }
    ])
    // Another environment's notification about a policy of the same number changes nothing here.
    store(journal, voidPayload({ policy_number: 'BALCO-POLICY02' }), 'production')
    expect(journal.orderDetail(ENV, 'N-1')!.policies[1].status).toBe('Issued')
    journal.close()
  })

  it('a later answer from Teak about the policy wins over an older notification', () => {
    const journal = open()
    createdOrder(journal, 'N-1')
    store(journal, { event: 'Contract On Hold', policy_number: 'FLOOR-POLICY01' })
    const cancel = journal.recordIntent({
      kind: 'cancel',
      source: 'form',
      environment: ENV,
      orderNumber: 'N-1',
      policyNumber: 'FLOOR-POLICY01',
      request: null
    })
    journal.recordOutcome(cancel, {
      outcome: 'succeeded',
      policies: [{ policyNumber: 'FLOOR-POLICY01', status: 'Canceled' }]
    })
    expect(journal.orderDetail(ENV, 'N-1')!.policies[0]).toMatchObject({
      status: 'Canceled',
      statusNotifiedAt: null
    })
    journal.close()
  })

  it('marks a notification done once, with who and when, and counts what is left', () => {
    const journal = open()
    store(journal, voidPayload())
    store(journal, voidPayload({ id: 'ntf_0002', policy_number: 'BALCO-POLICY02' }))
    expect(journal.openNotificationCount(ENV)).toBe(2)
    const [newest] = journal.listNotifications(ENV)
    const done = journal.markNotificationDone(newest.id, 'agent.one')!
    expect(done).toMatchObject({ doneBy: 'agent.one', doneAt: expect.stringMatching(/^2027-03-01T/) })
    expect(journal.markNotificationDone(newest.id, 'agent.two')).toMatchObject({ doneBy: 'agent.one' })
    expect(journal.openNotificationCount(ENV)).toBe(1)
    expect(journal.listNotifications(ENV)).toHaveLength(1)
    expect(journal.listNotifications(ENV, { includeDone: true })).toHaveLength(2)
    expect(journal.markNotificationDone(9999, 'agent.one')).toBeNull()
    journal.close()
  })
})

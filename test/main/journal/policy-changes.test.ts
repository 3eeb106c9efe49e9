import { describe, expect, it } from 'vitest'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { steppingClock, useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

const ENV = 'sandbox'

/** An order Teak created with two Issued policies, FLOOR and BALCONY. */
function createdOrder(journal: Journal, orderNumber: string): number {
  const id = journal.recordIntent({
    kind: 'order',
    source: 'form',
    environment: ENV,
    orderNumber,
    request: orderBody(orderNumber)
  })
  journal.recordOutcome(id, {
    outcome: 'created',
    httpStatus: 201,
    teakOrderId: '39bdcd04-cfb7-453f-ac34-ddcb1d73702d',
    policies: [
      { policyNumber: 'FLOOR-POLICY01', itemReference: `${orderNumber}-FLOOR`, status: 'Issued' },
      { policyNumber: 'BALCO-POLICY02', itemReference: `${orderNumber}-BALCONY`, status: 'Issued' }
    ]
  })
  return id
}

/** The PATCH body of contract-notes §5.2: FLOOR exchanged for a VIP seat. */
const exchangeBody = (orderNumber: string) => ({
  items: [
    {
      name: 'VIP seat',
      old_reference_number: `${orderNumber}-FLOOR`,
      reference_number: `${orderNumber}-VIP`,
      cost: '120.00'
    }
  ]
})

describe('policy changes', () => {
  const journalPath = useJournalPath()
  const open = () => openJournal(journalPath(), { now: steppingClock() })

  it('an exchange replaces the old item and policy and lists the new ones', () => {
    const journal = open()
    createdOrder(journal, 'X-1')
    const exchange = journal.recordIntent({
      kind: 'exchange',
      source: 'form',
      environment: ENV,
      orderNumber: 'X-1',
      request: exchangeBody('X-1')
    })
    journal.recordOutcome(exchange, {
      outcome: 'succeeded',
      httpStatus: 200,
      response: { policies: [{ policy_number: 'VIPPP-POLICY03' }] },
      policies: [
        { policyNumber: 'VIPPP-POLICY03', itemReference: 'X-1-VIP', premium: '10.20', currency: 'USD' }
      ]
    })

    const detail = journal.orderDetail(ENV, 'X-1')!
    expect(detail.items).toEqual([
      { referenceNumber: 'X-1-FLOOR', name: 'Floor ticket', cost: '57.50', replacedBy: 'X-1-VIP' },
      { referenceNumber: 'X-1-BALCONY', name: 'Balcony ticket', cost: '42.00', replacedBy: null },
      { referenceNumber: 'X-1-VIP', name: 'VIP seat', cost: '120.00', replacedBy: null }
    ])
    expect(
      detail.policies.map(({ policyNumber, itemReference, status, replacedBy }) => [
        policyNumber,
        itemReference,
        status,
        replacedBy
      ])
    ).toEqual([
      // Teak does not say what becomes of the old policy: its status stays as Teak last returned it.
      ['FLOOR-POLICY01', 'X-1-FLOOR', 'Issued', 'X-1-VIP'],
      ['BALCO-POLICY02', 'X-1-BALCONY', 'Issued', null],
      ['VIPPP-POLICY03', 'X-1-VIP', null, null]
    ])
    expect(detail.order).toMatchObject({
      outcome: 'created',
      itemReferences: ['X-1-BALCONY', 'X-1-VIP'],
      policies: [
        { policyNumber: 'BALCO-POLICY02', status: 'Issued' },
        { policyNumber: 'VIPPP-POLICY03', status: null }
      ]
    })
    // When each status was returned, and when the exchange replaced the old policy: its Issued is from before.
    const exchangedAt = detail.timeline[1]!.settledAt
    expect(
      detail.policies.map(({ policyNumber, statusAt, replacedAt }) => [policyNumber, statusAt, replacedAt])
    ).toEqual([
      ['FLOOR-POLICY01', detail.timeline[0]!.settledAt, exchangedAt],
      ['BALCO-POLICY02', detail.timeline[0]!.settledAt, null],
      ['VIPPP-POLICY03', null, null]
    ])
    expect(detail.timeline[0]!.settledAt! < exchangedAt!).toBe(true)
    // The new policy and item are searchable; the replaced ones still lead to the order.
    for (const text of ['VIPPP-POLICY03', 'X-1-VIP', 'FLOOR-POLICY01']) {
      expect(journal.search({ text, limit: 5 }).rows.map((row) => row.orderNumber)).toEqual(['X-1'])
    }
    journal.close()
  })

  it('a refused exchange changes nothing', () => {
    const journal = open()
    createdOrder(journal, 'X-1')
    const before = journal.orderDetail(ENV, 'X-1')!
    const exchange = journal.recordIntent({
      kind: 'exchange',
      source: 'form',
      environment: ENV,
      orderNumber: 'X-1',
      request: exchangeBody('X-1')
    })
    journal.recordOutcome(exchange, {
      outcome: 'rejected',
      httpStatus: 409,
      error: { kind: 'teak', message: 'Policy is not Issued' }
    })

    const after = journal.orderDetail(ENV, 'X-1')!
    expect(after.items).toEqual(before.items)
    expect(after.policies).toEqual(before.policies)
    expect(after.order.outcome).toBe('created')
    journal.close()
  })

  it('void and cancel update the last known status; the timeline keeps every operation in order', () => {
    const journal = open()
    const order = createdOrder(journal, 'X-1')
    const exchange = journal.recordIntent({
      kind: 'exchange',
      source: 'form',
      environment: ENV,
      orderNumber: 'X-1',
      request: exchangeBody('X-1')
    })
    journal.recordOutcome(exchange, {
      outcome: 'succeeded',
      policies: [{ policyNumber: 'VIPPP-POLICY03', itemReference: 'X-1-VIP', status: 'Issued' }]
    })
    const voided = journal.recordIntent({
      kind: 'void',
      source: 'form',
      environment: ENV,
      orderNumber: 'X-1',
      policyNumber: 'BALCO-POLICY02'
    })
    journal.recordOutcome(voided, {
      outcome: 'succeeded',
      httpStatus: 200,
      response: { status: 'Voided', void_date: '2027-03-01T09:00:06.000000Z' },
      policies: [{ policyNumber: 'BALCO-POLICY02', status: 'Voided' }]
    })
    const canceled = journal.recordIntent({
      kind: 'cancel',
      source: 'form',
      environment: ENV,
      orderNumber: 'X-1',
      policyNumber: 'VIPPP-POLICY03'
    })
    journal.recordOutcome(canceled, {
      outcome: 'succeeded',
      policies: [{ policyNumber: 'VIPPP-POLICY03', status: 'Canceled' }]
    })

    const detail = journal.orderDetail(ENV, 'X-1')!
    expect(detail.order.policies).toEqual([
      { policyNumber: 'BALCO-POLICY02', status: 'Voided' },
      { policyNumber: 'VIPPP-POLICY03', status: 'Canceled' }
    ])
    expect(detail.policies.find((policy) => policy.policyNumber === 'BALCO-POLICY02')).toMatchObject({
      status: 'Voided',
      itemReference: 'X-1-BALCONY',
      updatedAt: '2027-03-01T09:00:05.000Z'
    })
    expect(
      detail.timeline.map(({ id, kind, policyNumber, outcome, requestedAt }) => [
        id,
        kind,
        policyNumber,
        outcome,
        requestedAt
      ])
    ).toEqual([
      [order, 'order', null, 'created', '2027-03-01T09:00:00.000Z'],
      [exchange, 'exchange', null, 'succeeded', '2027-03-01T09:00:02.000Z'],
      [voided, 'void', 'BALCO-POLICY02', 'succeeded', '2027-03-01T09:00:04.000Z'],
      [canceled, 'cancel', 'VIPPP-POLICY03', 'succeeded', '2027-03-01T09:00:06.000Z']
    ])
    expect(detail.timeline[2]!.response).toEqual({
      status: 'Voided',
      void_date: '2027-03-01T09:00:06.000000Z'
    })
    // Policy operations do not change where the order itself stands.
    expect(detail.order).toMatchObject({ outcome: 'created', lastActivityAt: '2027-03-01T09:00:07.000Z' })
    journal.close()
  })
})

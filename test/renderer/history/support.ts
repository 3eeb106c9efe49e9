import type { JournalOperation, OrderDetail } from '../../../src/shared/contract/history'

/** A journaled operation with every field set to a neutral value, for the fields a test cares about. */
export function operation(fields: Partial<JournalOperation>): JournalOperation {
  return {
    id: 1,
    environment: 'local',
    orderNumber: 'ORD-1',
    kind: 'order',
    source: 'form',
    requestedAt: '2027-03-01T09:00:00.000Z',
    request: null,
    policyNumber: null,
    importRunId: null,
    csvRows: [],
    supersedes: null,
    supersededBy: null,
    outcome: null,
    settledAt: null,
    httpStatus: null,
    response: null,
    policies: [],
    error: null,
    note: null,
    ...fields
  }
}

type PolicyRecord = OrderDetail['policies'][number]

export function policy(fields: Partial<PolicyRecord> & Pick<PolicyRecord, 'policyNumber'>): PolicyRecord {
  return {
    policyNumberNew: null,
    itemReference: null,
    status: 'Issued',
    premium: '8.50',
    coverageAmount: '100.00',
    currency: 'USD',
    replacedBy: null,
    updatedAt: '2027-03-01T09:00:01.000Z',
    statusAt: '2027-03-01T09:00:01.000Z',
    replacedAt: null,
    ...fields
  }
}

export function order(fields: Partial<OrderDetail['order']> = {}): OrderDetail['order'] {
  return {
    environment: 'local',
    orderNumber: 'ORD-1',
    outcome: 'created',
    source: 'form',
    currency: 'USD',
    customerName: 'Ada Lovelace',
    customerEmail: 'ada@example.com',
    teakOrderId: null,
    itemReferences: [],
    policies: [],
    lastError: null,
    firstSeenAt: '2027-03-01T09:00:00.000Z',
    lastActivityAt: '2027-03-01T09:00:01.000Z',
    ...fields
  }
}

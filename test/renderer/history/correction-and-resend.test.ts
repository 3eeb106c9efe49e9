import { describe, expect, it } from 'vitest'
import { correctionOf } from '../../../src/renderer/src/lib/history/correction'
import { inDoubtDescription, resendOf } from '../../../src/renderer/src/lib/history/in-doubt'
import { operation, order } from './support'

describe('correct and resend', () => {
  const first = operation({ id: 1, request: { order_number: 'ORD-1', items: [] }, outcome: 'rejected' })
  const exchange = operation({ id: 2, kind: 'exchange', request: { items: [] } })
  const second = operation({
    id: 3,
    request: { order_number: 'ORD-1', currency: 'EUR' },
    outcome: 'rejected'
  })

  it('prefills from the latest submission and links to it', () => {
    expect(
      correctionOf({ order: order({ outcome: 'rejected' }), timeline: [first, exchange, second] })
    ).toEqual({
      environmentId: 'local',
      supersedes: 3,
      request: { order_number: 'ORD-1', currency: 'EUR' }
    })
  })

  it('is offered only for orders Teak does not hold and nothing is in flight for', () => {
    for (const outcome of ['created', 'already_submitted', 'opted_out', 'in_doubt'] as const) {
      expect(correctionOf({ order: order({ outcome }), timeline: [first] })).toBeNull()
    }
    expect(correctionOf({ order: order({ outcome: 'invalid' }), timeline: [first] })?.supersedes).toBe(1)
  })
})

describe('resolving an in-doubt operation', () => {
  it('resends an order through the order service', () => {
    expect(resendOf(operation({ id: 7, kind: 'opt_out' }))).toEqual({
      method: 'orders.resolveInDoubt',
      operationId: 7
    })
  })

  it('resends a policy change as journaled, linked to it', () => {
    expect(resendOf(operation({ id: 8, kind: 'void', policyNumber: 'P-1' }))).toEqual({
      method: 'policies.void',
      input: { environmentId: 'local', orderNumber: 'ORD-1', policyNumber: 'P-1', supersedes: 8 }
    })
    const items = [{ old_reference_number: 'a', name: 'B', reference_number: 'b', cost: '10.00' }]
    expect(resendOf(operation({ id: 9, kind: 'exchange', request: { items } }))).toEqual({
      method: 'policies.exchange',
      input: { environmentId: 'local', orderNumber: 'ORD-1', items, supersedes: 9 }
    })
  })

  it('refuses what cannot be sent again as journaled', () => {
    expect(
      resendOf(operation({ kind: 'exchange', request: { items: [{ name: 'no references' }] } }))
    ).toBeNull()
    expect(resendOf(operation({ kind: 'cancel', policyNumber: null }))).toBeNull()
  })

  it('describes each kind for the agent', () => {
    expect(inDoubtDescription(operation({ kind: 'cancel', policyNumber: 'P-2' }))).toBe(
      'Cancel of policy P-2 on order ORD-1'
    )
    expect(inDoubtDescription(operation({ kind: 'order' }))).toBe('Order ORD-1 (opt-in)')
  })
})

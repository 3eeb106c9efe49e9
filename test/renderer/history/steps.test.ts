import { describe, expect, it } from 'vitest'
import { policyHistory, stepNumbers } from '../../../src/renderer/src/lib/history/steps'
import { operation, policy } from './support'

describe('steps within one order', () => {
  it('numbers the order’s operations 1, 2, 3 whatever their journal ids', () => {
    expect([...stepNumbers([{ id: 1 }, { id: 2 }, { id: 4 }])]).toEqual([
      [1, 1],
      [2, 2],
      [4, 3]
    ])
  })

  it('a policy’s history: the answer that issued it, an exchange of its item, a void aimed at it', () => {
    const floor = policy({ policyNumber: 'P-FLOOR', itemReference: 'floor', replacedBy: 'vip' })
    const timeline = [
      operation({
        id: 3,
        outcome: 'created',
        policies: [
          { policyNumber: 'P-FLOOR', status: 'Issued' },
          { policyNumber: 'P-BALC', status: 'Issued' }
        ]
      }),
      operation({ id: 7, kind: 'void', policyNumber: 'P-BALC', outcome: 'succeeded' }),
      operation({
        id: 9,
        kind: 'exchange',
        outcome: 'succeeded',
        request: { items: [{ old_reference_number: 'floor', reference_number: 'vip' }] },
        policies: [{ policyNumber: 'P-VIP', status: 'Issued' }]
      })
    ]
    expect(
      policyHistory(timeline, floor).map((event) => [event.step, event.operation.kind, event.status])
    ).toEqual([
      [1, 'order', 'Issued'],
      [3, 'exchange', null]
    ])
    expect(
      policyHistory(timeline, policy({ policyNumber: 'P-BALC', itemReference: 'balcony' })).map((e) => e.step)
    ).toEqual([1, 2])
  })
})

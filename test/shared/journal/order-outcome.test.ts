import { describe, expect, it } from 'vitest'
import { orderStandingOf, type SubmissionAttempt } from '../../../src/shared/journal/order-outcome'

const attempts = (...outcomes: SubmissionAttempt['outcome'][]): SubmissionAttempt[] =>
  outcomes.map((outcome, index) => ({ operationId: index + 1, outcome }))

describe("an order's standing, from all its attempts", () => {
  it.each([
    ['no attempt', [], null],
    ['one in flight', [null], { outcome: 'in_doubt', operationId: 1 }],
    ['created', ['created'], { outcome: 'created', operationId: 1 }],
    ['opted out', ['opted_out'], { outcome: 'opted_out', operationId: 1 }],
    ['refused by our checks', ['invalid'], { outcome: 'invalid', operationId: 1 }],
    [
      'lost answer, then the duplicate answer',
      [null, 'already_submitted'],
      { outcome: 'already_submitted', operationId: 2 }
    ],
    ['lost answer, then no token (not sent)', [null, 'failed'], { outcome: 'in_doubt', operationId: 1 }],
    ['lost answer, then refused', [null, 'rejected'], { outcome: 'in_doubt', operationId: 1 }],
    ['lost answer, refused, lost again', [null, 'rejected', null], { outcome: 'in_doubt', operationId: 3 }],
    ['lost answer, then created', [null, 'created'], { outcome: 'created', operationId: 2 }],
    [
      'created, then a duplicate answer',
      ['created', 'already_submitted'],
      { outcome: 'created', operationId: 1 }
    ],
    ['created, then refused', ['created', 'rejected'], { outcome: 'created', operationId: 1 }],
    ['created, then a lost answer', ['created', null], { outcome: 'created', operationId: 1 }],
    [
      'duplicate, then refused',
      ['already_submitted', 'rejected'],
      { outcome: 'already_submitted', operationId: 1 }
    ],
    [
      'refused, then failed (nothing reached Teak)',
      ['rejected', 'failed'],
      { outcome: 'failed', operationId: 2 }
    ],
    ['failed, then created', ['failed', 'created'], { outcome: 'created', operationId: 2 }],
    [
      'opted out, then created on a resend as opt-in',
      ['opted_out', 'created'],
      { outcome: 'created', operationId: 2 }
    ]
  ] as const)('%s', (_label, outcomes, expected) => {
    expect(orderStandingOf(attempts(...outcomes))).toEqual(expected)
  })
})

import { describe, expect, it } from 'vitest'
import { changeSummary } from '../../../src/renderer/src/lib/history/change-summary'
import { STATUS_CHANGES } from '../../../src/renderer/src/lib/history/policy-actions'

const voidOf = { kind: 'void', policyNumber: 'ORAAS-1' } as const

describe('how a policy change is reported', () => {
  it('reports a success politely, with Teak’s status', () => {
    expect(changeSummary(voidOf, { outcome: 'succeeded', operationId: 3, status: 'Voided' })).toEqual({
      tone: 'success',
      title: 'The void of policy ORAAS-1 succeeded: Teak now reports it as Voided.'
    })
    const exchange = changeSummary(
      { kind: 'exchange', oldReferences: ['floor'] },
      {
        outcome: 'succeeded',
        operationId: 4,
        newItems: [{ name: 'VIP', referenceNumber: 'vip', cost: '150.00' }],
        newPolicies: [
          {
            policyNumber: 'NEW-1',
            itemReference: 'vip',
            premium: '12.75',
            coverageAmount: '150.00',
            currency: 'USD',
            status: 'Issued'
          }
        ]
      }
    )
    expect(exchange).toEqual({
      tone: 'success',
      title: 'The exchange of item floor succeeded: Teak issued 1 new policy.'
    })
  })

  it('gives Teak’s refusal in full', () => {
    const message =
      'Could not void policy ORAAS-1: Teak refused the request as invalid (400). Teak said: its 30-day look period ended.'
    expect(
      changeSummary(voidOf, { outcome: 'rejected', operationId: 5, error: { kind: 'validation', message } })
    ).toEqual({ tone: 'error', title: 'The void of policy ORAAS-1 was refused by Teak.', detail: message })
  })

  it('says where to go when the outcome is unknown', () => {
    const summary = changeSummary(
      { kind: 'cancel', policyNumber: 'ORAAS-2' },
      { outcome: 'in_doubt', operationId: 6, error: { kind: 'timeout', message: 'Teak did not answer.' } }
    )
    expect(summary.tone).toBe('warning')
    expect(summary.title).toBe('The cancel of policy ORAAS-2 may or may not have reached Teak.')
    expect(summary.detail).toBe(
      'Teak did not answer. It is listed under "In doubt" on the History list, where it can be sent again.'
    )
  })

  it('states the documented consequences before a void or a cancel', () => {
    // The look period is the Issued void's caution (src/shared/teak/policy-actions.ts), said once.
    expect(STATUS_CHANGES.void.consequences.join(' ')).toMatch(/refunded the protection cost/)
    expect(STATUS_CHANGES.cancel.consequences.join(' ')).toMatch(
      /no refund.*can no longer void the policy or request a refund/s
    )
  })
})

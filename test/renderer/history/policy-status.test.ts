import { describe, expect, it } from 'vitest'
import { policyStatusView } from '../../../src/renderer/src/lib/history/policy-status'
import { policy } from './support'

describe('a policy’s status as the History shows it', () => {
  it('a current policy: Teak’s status, as of the answer that gave it', () => {
    expect(
      policyStatusView(policy({ policyNumber: 'P', status: 'Voided', statusAt: '2027-03-01T10:00:00.000Z' }))
    ).toEqual({ status: 'Voided', asOf: '2027-03-01T10:00:00.000Z', note: null })
    expect(policyStatusView(policy({ policyNumber: 'P', status: null, statusAt: null }))).toEqual({
      status: 'Not returned by Teak',
      asOf: null,
      note: null
    })
  })

  it('a replaced policy whose exchange answer left it out: no stale Issued, the replacement and when', () => {
    const view = policyStatusView(
      policy({
        policyNumber: 'P',
        status: 'Issued',
        statusAt: '2027-03-01T09:00:00.000Z',
        replacedBy: 'vip',
        replacedAt: '2027-03-01T11:00:00.000Z'
      })
    )
    expect(view).toEqual({
      status: 'Replaced by item vip',
      asOf: '2027-03-01T11:00:00.000Z',
      note: 'Teak’s exchange answer named only the new policy: its status for this one is not known.'
    })
    expect(JSON.stringify(view)).not.toContain('Issued')
  })

  it('a replaced policy whose status Teak returned with or after the exchange shows that status', () => {
    expect(
      policyStatusView(
        policy({
          policyNumber: 'P',
          status: 'Downgraded',
          statusAt: '2027-03-01T11:00:00.000Z',
          replacedBy: 'cheap',
          replacedAt: '2027-03-01T11:00:00.000Z'
        })
      )
    ).toEqual({ status: 'Downgraded (Replaced by item cheap)', asOf: '2027-03-01T11:00:00.000Z', note: null })
  })
})

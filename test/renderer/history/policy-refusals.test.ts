import { describe, expect, it } from 'vitest'
import { refusalsOf } from '../../../src/renderer/src/lib/history/policy-actions'

describe('why a policy’s actions are disabled', () => {
  it('says a shared reason once, naming every action it disables', () => {
    expect(refusalsOf({ status: 'Issued', replacedBy: 'vip' })).toEqual([
      {
        actions: ['void', 'cancel', 'exchange'],
        reason: 'It was replaced by item vip in an exchange; the new policy is the one in force.',
        basis: 'replacedPolicyIsClosed'
      }
    ])
  })

  it('gives each distinct reason of a canceled policy, and none for an Issued one', () => {
    expect(refusalsOf({ status: 'Canceled', replacedBy: null }).map((refusal) => refusal.actions)).toEqual([
      ['void'],
      ['cancel'],
      ['exchange']
    ])
    expect(refusalsOf({ status: 'Issued', replacedBy: null })).toEqual([])
  })
})

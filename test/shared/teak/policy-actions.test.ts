import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { POLICY_ACTION_ASSUMPTIONS } from '../../../src/shared/teak/assumptions'
import {
  basisText,
  documentedRefusal,
  policyActionVerdict,
  type PolicyAction
} from '../../../src/shared/teak/policy-actions'

const current = (status: string | null) => ({ status, replacedBy: null })
const allowed = (action: PolicyAction, status: string | null) =>
  policyActionVerdict(action, current(status)).allowed

describe('which changes a policy can take, by the status Teak last returned', () => {
  it('an Issued policy can be voided, canceled and exchanged; the void names the look period', () => {
    for (const action of ['void', 'cancel', 'exchange'] as const) expect(allowed(action, 'Issued')).toBe(true)
    expect(policyActionVerdict('void', current('Issued'))).toMatchObject({
      allowed: true,
      caution: expect.stringContaining('look period')
    })
    expect(policyActionVerdict('cancel', current('Issued'))).toEqual({ allowed: true, caution: null })
  })

  it('a canceled policy: void refused by Teak’s docs, cancel already done, no exchange', () => {
    expect(policyActionVerdict('void', current('Canceled'))).toEqual({
      allowed: false,
      reason: 'Teak does not void a canceled policy: it can no longer be voided.',
      basis: 'documented'
    })
    expect(policyActionVerdict('cancel', current('Canceled'))).toMatchObject({
      allowed: false,
      basis: 'noRepeatedChange'
    })
    expect(policyActionVerdict('exchange', current('Canceled'))).toMatchObject({
      allowed: false,
      basis: 'documented',
      reason: 'Teak exchanges only Issued policies; this one is Canceled.'
    })
  })

  it('reads "Cancelled" and any case as Canceled (an assumption: the spelling is unconfirmed)', () => {
    expect(policyActionVerdict('void', current('Cancelled'))).toMatchObject({ basis: 'documented' })
    expect(policyActionVerdict('void', current('CANCELED'))).toMatchObject({ basis: 'documented' })
  })

  it('a voided policy: nothing more, by assumptions, except the documented exchange rule', () => {
    expect(policyActionVerdict('void', current('Voided'))).toMatchObject({ basis: 'noRepeatedChange' })
    expect(policyActionVerdict('cancel', current('Voided'))).toMatchObject({ basis: 'noCancelAfterVoid' })
    expect(policyActionVerdict('exchange', current('Voided'))).toMatchObject({ basis: 'documented' })
  })

  it('another status: cancel stays possible ("at any time"), a void is an assumption', () => {
    expect(allowed('cancel', 'On Hold')).toBe(true)
    expect(policyActionVerdict('void', current('On Hold'))).toMatchObject({
      allowed: false,
      basis: 'voidOnlyIssued',
      reason: 'Only Issued policies are voided; this one is On Hold.'
    })
  })

  it('a policy replaced by an exchange takes no change', () => {
    for (const action of ['void', 'cancel', 'exchange'] as const) {
      expect(policyActionVerdict(action, { status: 'Issued', replacedBy: 'vip' })).toMatchObject({
        allowed: false,
        basis: 'replacedPolicyIsClosed',
        reason: expect.stringContaining('replaced by item vip')
      })
    }
  })

  it('an unknown status leaves the decision to Teak', () => {
    for (const action of ['void', 'cancel', 'exchange'] as const) {
      expect(policyActionVerdict(action, current(null))).toMatchObject({
        allowed: true,
        caution: expect.stringContaining('Teak decides')
      })
    }
  })

  it('the service refuses only documented rules', () => {
    expect(documentedRefusal('void', current('Canceled'))).toContain('can no longer be voided')
    expect(documentedRefusal('exchange', current('Voided'))).toContain('only Issued')
    expect(documentedRefusal('void', current('Voided'))).toBeNull()
    expect(documentedRefusal('cancel', current('Voided'))).toBeNull()
    expect(documentedRefusal('void', current('Issued'))).toBeNull()
  })

  it('names the basis of a refusal', () => {
    expect(basisText('documented')).toBe('From Teak’s docs.')
    expect(basisText('noCancelAfterVoid')).toBe(
      'Assumption: A voided policy is not canceled (contract-notes §5.4, §11 #9).'
    )
  })

  it('lists every post-sale assumption in the README, with its label and source', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    for (const [name, row] of Object.entries(POLICY_ACTION_ASSUMPTIONS)) {
      const line = readme.split('\n').find((text) => text.startsWith(`| \`${name}\``))
      expect(line, name).toBeDefined()
      expect(line, name).toContain(row.label)
      expect(line, name).toContain(row.source)
    }
  })
})

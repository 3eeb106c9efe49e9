import { describe, expect, it } from 'vitest'
import { exchangeConfirmation } from '../../../src/renderer/src/lib/history/exchange-confirmation'

describe('the exchange confirmation', () => {
  const old = { referenceNumber: 'floor', policyNumber: 'P-FLOOR' }

  it('names the predicted kind and what happens to the old policy and the premium, assumptions marked', () => {
    const sentence =
      'Likely a downgrade: the new item costs 50, less than the 100.00 of the old one. Teak decides.'
    const downgrade = exchangeConfirmation({ kind: 'downgrade', sentence }, old)
    expect(downgrade.title).toBe('Downgrade item floor?')
    expect(downgrade.confirmLabel).toBe('Send the downgrade')
    expect(downgrade.consequences.map((line) => line.basis)).toEqual([
      'documented',
      'documented',
      'exchangeEndsOldPolicy',
      'documented'
    ])
    expect(downgrade.consequences[0]!.text).toBe(sentence)
    expect(downgrade.consequences[2]!.text).toBe(
      'Policy P-FLOOR stops covering item floor; Teak does not document the status it takes.'
    )
    expect(downgrade.consequences[3]!.text).toContain('refund the customer the difference in protection cost')
    expect(
      exchangeConfirmation({ kind: 'upgrade', sentence: 'Likely an upgrade' }, old).consequences[3]
    ).toMatchObject({ basis: 'upgradePremium' })
  })

  it('without a prediction it still asks, and says nothing about the premium', () => {
    const unknown = exchangeConfirmation(null, { referenceNumber: 'floor', policyNumber: null })
    expect(unknown.title).toBe('Replace item floor?')
    expect(unknown.consequences).toHaveLength(2)
  })
})

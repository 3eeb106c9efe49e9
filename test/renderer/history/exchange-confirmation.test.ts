import { describe, expect, it } from 'vitest'
import { exchangeConfirmation } from '../../../src/renderer/src/lib/history/exchange-confirmation'

describe('the exchange confirmation', () => {
  const old = { referenceNumber: 'floor', policyNumber: 'P-FLOOR' }

  it('names the predicted kind and what happens to the old policy and the premium, assumptions marked', () => {
    const downgrade = exchangeConfirmation('downgrade', old)
    expect(downgrade.title).toBe('Downgrade item floor?')
    expect(downgrade.confirmLabel).toBe('Send the downgrade')
    expect(downgrade.consequences.map((line) => line.basis)).toEqual([
      'documented',
      'exchangeEndsOldPolicy',
      'documented'
    ])
    expect(downgrade.consequences[1]!.text).toBe(
      'Policy P-FLOOR stops covering item floor; Teak does not document the status it takes.'
    )
    expect(downgrade.consequences[2]!.text).toContain('refund the customer the difference in protection cost')
    expect(exchangeConfirmation('upgrade', old).consequences[2]).toMatchObject({ basis: 'upgradePremium' })
  })

  it('without a prediction it still asks, and says nothing about the premium', () => {
    const unknown = exchangeConfirmation(null, { referenceNumber: 'floor', policyNumber: null })
    expect(unknown.title).toBe('Replace item floor?')
    expect(unknown.consequences).toHaveLength(2)
  })
})

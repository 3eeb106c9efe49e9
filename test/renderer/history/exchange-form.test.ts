import { describe, expect, it } from 'vitest'
import {
  EMPTY_EXCHANGE_FORM,
  exchangeFormProblems,
  exchangeItemOf,
  predictionFor,
  replaceableItems
} from '../../../src/renderer/src/lib/history/exchange-form'
import { policy } from './support'

const items = [
  { referenceNumber: 'floor', name: 'Floor', cost: '100.00', replacedBy: 'vip' },
  { referenceNumber: 'balcony', name: 'Balcony', cost: '60.00', replacedBy: null },
  { referenceNumber: 'stalls', name: 'Stalls', cost: '40.00', replacedBy: null },
  { referenceNumber: 'vip', name: 'VIP', cost: '150.00', replacedBy: null }
]

describe('the exchange form', () => {
  it('offers only current items whose policy Teak last returned as Issued', () => {
    const policies = [
      policy({ policyNumber: 'P-FLOOR', itemReference: 'floor', replacedBy: 'vip' }),
      policy({ policyNumber: 'P-BALC', itemReference: 'balcony', status: 'Voided' }),
      policy({ policyNumber: 'P-STALLS', itemReference: 'stalls' }),
      policy({ policyNumber: 'P-VIP', itemReference: 'vip', status: 'Issued' })
    ]
    expect(
      replaceableItems({ items, policies }).map((item) => [item.referenceNumber, item.policyNumber])
    ).toEqual([
      ['stalls', 'P-STALLS'],
      ['vip', 'P-VIP']
    ])
  })

  it('names every missing or malformed field, the cost by our rule', () => {
    expect(exchangeFormProblems(EMPTY_EXCHANGE_FORM)).toEqual({
      oldReference: 'Choose the item whose policy is replaced.',
      name: 'Enter the new item name.',
      reference: 'Enter the new reference number.',
      cost: 'Enter a cost, for example 50.00.'
    })
    const ambiguous = exchangeFormProblems({
      oldReference: 'vip',
      name: 'Box',
      reference: 'box',
      cost: '1,234'
    })
    expect(Object.keys(ambiguous)).toEqual(['cost'])
    expect(ambiguous.cost).toContain('"1,234" is ambiguous: Teak reads this as 1.234, not 1234')
    expect(
      exchangeFormProblems({ oldReference: 'vip', name: 'Box', reference: 'x'.repeat(256), cost: '12' })
    ).toEqual({
      reference: 'The new reference number has at most 255 characters.'
    })
  })

  it('turns a valid form into the PATCH entry, trimmed', () => {
    expect(
      exchangeItemOf({ oldReference: 'vip', name: ' Box ', reference: ' box-1 ', cost: ' 123,99 ' })
    ).toEqual({
      old_reference_number: 'vip',
      name: 'Box',
      reference_number: 'box-1',
      cost: '123,99'
    })
  })

  it('predicts the kind once both costs are readable, and says Teak decides', () => {
    expect(predictionFor('100.00', '150')).toEqual({
      kind: 'upgrade',
      sentence:
        'Likely an upgrade: the new item costs 150, more than the 100.00 of the old one. Teak decides.'
    })
    expect(predictionFor('100.00', '99,50')?.kind).toBe('downgrade')
    expect(predictionFor('123,99', '123.99')?.kind).toBe('exchange')
    expect(predictionFor(null, '150')).toBeNull()
    expect(predictionFor('100.00', '1,234')).toBeNull()
    expect(predictionFor('100.00', '')).toBeNull()
  })
})

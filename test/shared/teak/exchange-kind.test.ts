import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { predictExchangeKind } from '../../../src/shared/teak/exchange-kind'

describe('predicting what Teak will call a change of item', () => {
  it('calls a dearer item an upgrade, a cheaper one a downgrade, the same cost an exchange', () => {
    expect(predictExchangeKind('100.00', '150.00')).toBe('upgrade')
    expect(predictExchangeKind('100.00', '99.99')).toBe('downgrade')
    expect(predictExchangeKind('100.00', '100.00')).toBe('exchange')
  })

  it('compares values, not text: scales and trailing zeros do not matter', () => {
    expect(predictExchangeKind('50', '50.00')).toBe('exchange')
    expect(predictExchangeKind('9.5', '10')).toBe('upgrade')
    expect(predictExchangeKind('100', '99.999')).toBe('downgrade')
  })

  it('is exact where floating point is not (0.1 + 0.2 style amounts)', () => {
    expect(predictExchangeKind('0.30000000000000004', '0.3')).toBe('downgrade')
    expect(predictExchangeKind('12345678.91', '12345678.92')).toBe('upgrade')
  })

  it('swapping the costs swaps upgrade and downgrade', () => {
    const amount = fc
      .tuple(fc.nat({ max: 99_999_999 }), fc.nat({ max: 99 }))
      .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`)
    const opposite = { upgrade: 'downgrade', downgrade: 'upgrade', exchange: 'exchange' } as const
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(predictExchangeKind(b, a)).toBe(opposite[predictExchangeKind(a, b)])
      })
    )
  })
})

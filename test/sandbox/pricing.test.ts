import { describe, expect, it } from 'vitest'
import { compareAmounts, premiumOf, toCents, totalOf } from '../../src/sandbox/pricing'

describe('sandbox pricing (exact decimals, half-up to the cent)', () => {
  it('holds amounts to the cent, rounding half-up', () => {
    expect(toCents('50')).toBe('50.00')
    expect(toCents('1.234')).toBe('1.23')
    expect(toCents('12.345')).toBe('12.35')
    expect(toCents('12.3449999')).toBe('12.34')
    expect(toCents('0.005')).toBe('0.01')
  })

  it('prices a premium exactly, then rounds half-up to the cent', () => {
    expect(premiumOf('250.00', '0.085')).toBe('21.25')
    expect(premiumOf('57.50', '0.085')).toBe('4.89') // 4.8875
    expect(premiumOf('0.05', '0.085')).toBe('0.00') // 0.00425
    expect(premiumOf('1.00', '0.085')).toBe('0.09') // 0.085
    expect(premiumOf('9999999999.99', '0.085')).toBe('850000000.00') // 849999999.99915
  })

  it('totals and compares amounts whatever their scales', () => {
    expect(totalOf(['21.25', '8.50'])).toBe('29.75')
    expect(totalOf([])).toBe('0.00')
    expect(compareAmounts('50', '50.00')).toBe(0)
    expect(compareAmounts('60.5', '100')).toBe(-1)
  })
})

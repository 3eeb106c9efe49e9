import { describe, expect, it } from 'vitest'
import {
  addMoney,
  compareMoney,
  formatMoney,
  isCanonicalMoney,
  multiplyMoney,
  parseMoney,
  readMoney,
  subtractMoney,
  sumMoney,
  toScale
} from '../../../src/shared/teak/money'

const money = parseMoney
const text = (amount: ReturnType<typeof parseMoney>, decimals?: number) => formatMoney(amount, decimals)

describe('parseMoney and formatMoney', () => {
  it.each([
    ['57.5', 2, '57.50'],
    ['1234.99', 2, '1234.99'],
    ['12', 2, '12.00'],
    ['0.5', 2, '0.50'],
    ['007.10', 2, '7.10'],
    ['57.5', 0, '58'],
    ['-3.5', 2, '-3.50'],
    ['0.001', 3, '0.001']
  ])('reads %j and writes it with %i decimals as %j', (raw, decimals, expected) => {
    expect(text(money(raw), decimals)).toBe(expected)
  })

  it('keeps the written scale by default', () => {
    expect(money('57.500')).toEqual({ units: 57500n, scale: 3 })
    expect(text(money('57.500'))).toBe('57.500')
  })

  it.each(['', '1,5', '1.', '.5', '+1', '1e3', ' 1', '1.2.3', 'NaN'])('refuses %j', (raw) => {
    expect(isCanonicalMoney(raw)).toBe(false)
    expect(readMoney(raw)).toBeNull()
    expect(() => money(raw)).toThrow(RangeError)
  })

  it('stays exact beyond the range of JavaScript numbers', () => {
    expect(text(addMoney(money('90071992547409931.23'), money('0.01')))).toBe('90071992547409931.24')
  })
})

describe('rounding half-up (half away from zero)', () => {
  it.each([
    ['0.125', '0.13'],
    ['0.124', '0.12'],
    ['0.135', '0.14'],
    ['2.675', '2.68'],
    ['-0.125', '-0.13'],
    ['-0.124', '-0.12'],
    ['0.004', '0.00']
  ])('%s → %s', (raw, expected) => {
    expect(text(money(raw), 2)).toBe(expected)
  })

  it('computes the sandbox premium, 8.5 % of the cost, to the cent', () => {
    const premium = (cost: string) => text(multiplyMoney(money(cost), money('0.085')), 2)
    expect(premium('250.00')).toBe('21.25')
    expect(premium('100.00')).toBe('8.50')
    expect(premium('12.30')).toBe('1.05') // 1.0455
    expect(premium('0.99')).toBe('0.08') // 0.08415
    expect(premium('57.50')).toBe('4.89') // 4.8875
  })

  it('rescales exactly upwards and rounds downwards', () => {
    expect(toScale(money('1.5'), 3)).toEqual({ units: 1500n, scale: 3 })
    expect(toScale(money('1.005'), 2)).toEqual({ units: 101n, scale: 2 })
    expect(() => toScale(money('1'), -1)).toThrow(RangeError)
  })
})

describe('arithmetic and comparison', () => {
  it('adds without binary floating-point error', () => {
    expect(text(addMoney(money('0.1'), money('0.2')))).toBe('0.3')
  })

  it('subtracts across scales', () => {
    expect(text(subtractMoney(money('50'), money('57.50')))).toBe('-7.50')
  })

  it('sums a list, zero for none', () => {
    expect(text(sumMoney(['7.50', '7.5', '0.005'].map(money)))).toBe('15.005')
    expect(text(sumMoney([]))).toBe('0')
  })

  it.each([
    ['50', '50.00', 0],
    ['50.01', '50.1', -1],
    ['100', '99.999', 1],
    ['-1', '0', -1]
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(compareMoney(money(a), money(b))).toBe(expected)
  })
})

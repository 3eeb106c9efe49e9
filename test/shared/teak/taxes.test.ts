import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMoney, compareMoney, formatMoney, parseMoney, sumMoney } from '../../../src/shared/teak/money'
import { splitTaxesAndFees } from '../../../src/shared/teak/taxes'

function split(costs: string[], total: string) {
  const result = splitTaxesAndFees(costs, total)
  if (!result.ok) throw new Error(`refused: ${result.message}`)
  return result
}

describe('splitTaxesAndFees', () => {
  it("holds Teak's guide example: two $50.00 tickets and $15.00 → $57.50 each", () => {
    expect(split(['50.00', '50.00'], '15.00')).toEqual({
      ok: true,
      costs: ['57.50', '57.50'],
      shares: ['7.50', '7.50']
    })
  })

  it('splits in proportion to cost', () => {
    expect(split(['50', '100'], '15')).toEqual({
      ok: true,
      costs: ['55.00', '110.00'],
      shares: ['5.00', '10.00']
    })
  })

  it('gives leftover cents to the items with the largest remainders', () => {
    // Exact shares 0.333…, 0.666…: both round down to 0, the one cent left goes to the larger remainder.
    expect(split(['1.00', '2.00'], '0.01').shares).toEqual(['0.00', '0.01'])
    // 1.00 over three equal costs: 0.333… each; equal remainders, so the earliest item gets the cent.
    expect(split(['10.00', '10.00', '10.00'], '1.00')).toEqual({
      ok: true,
      costs: ['10.34', '10.33', '10.33'],
      shares: ['0.34', '0.33', '0.33']
    })
  })

  it('splits equally when every cost is 0, leftover to the earliest items', () => {
    expect(split(['0', '0.00', '0'], '0.10').shares).toEqual(['0.04', '0.03', '0.03'])
  })

  it('works in finer units when an input has more than 2 decimals', () => {
    expect(split(['10.005', '10'], '1')).toEqual({
      ok: true,
      costs: ['10.505', '10.500'],
      shares: ['0.500', '0.500']
    })
    expect(split(['10', '20'], '0.001').shares).toEqual(['0.000', '0.001'])
  })

  it('writes costs in cents even when there is nothing to add', () => {
    expect(split(['50', '12.5'], '0').costs).toEqual(['50.00', '12.50'])
  })

  it('refuses inputs that are not plain amounts, naming the item', () => {
    expect(splitTaxesAndFees(['50.00', '1,5'], '1')).toMatchObject({ ok: false, itemIndex: 1 })
    expect(splitTaxesAndFees(['50.00'], '-1')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"-1"')
    })
    expect(splitTaxesAndFees([], '1')).toMatchObject({ ok: false })
  })

  it("reports a cost that would exceed Teak's 12 characters", () => {
    const result = splitTaxesAndFees(['1.00', '999999999.99'], '0.02')
    expect(result).toEqual({
      ok: false,
      itemIndex: 1,
      message:
        'With its share of taxes and fees, item 2 would cost 1000000000.01: 13 characters, but Teak accepts at most 12.'
    })
  })
})

describe('splitTaxesAndFees properties', () => {
  const cents = (max: bigint) => fc.bigInt({ min: 0n, max }).map((units) => formatMoney({ units, scale: 2 }))
  const input = fc.record({
    costs: fc.array(cents(10_000_00n), { minLength: 1, maxLength: 8 }),
    total: cents(1_000_00n)
  })

  it('shares add up to the total exactly, and each cost grows by its share', () => {
    fc.assert(
      fc.property(input, ({ costs, total }) => {
        const { costs: newCosts, shares } = split(costs, total)
        expect(compareMoney(sumMoney(shares.map(parseMoney)), parseMoney(total))).toBe(0)
        newCosts.forEach((cost, i) => {
          expect(cost).toBe(formatMoney(addMoney(parseMoney(costs[i]), parseMoney(shares[i])), 2))
        })
      }),
      { numRuns: 300 }
    )
  })

  it('no share is a cent or more away from its exact proportion', () => {
    fc.assert(
      fc.property(input, ({ costs, total }) => {
        const units = (amount: string) => parseMoney(amount).units
        const weights = costs.map(units)
        const weightSum = weights.reduce((a, b) => a + b, 0n)
        split(costs, total).shares.forEach((share, i) => {
          // |share − total·w/Σw| < 1 cent  ⇔  |share·Σw − total·w| < Σw (equal split when Σw = 0).
          const [w, sum] = weightSum === 0n ? [1n, BigInt(costs.length)] : [weights[i], weightSum]
          const gap = units(share) * sum - units(total) * w
          expect(gap < sum && -gap < sum).toBe(true)
        })
      }),
      { numRuns: 300 }
    )
  })
})

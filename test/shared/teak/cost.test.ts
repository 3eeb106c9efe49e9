import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkCost,
  COST_MAX_LENGTH,
  costAmbiguity,
  readTeakCost,
  type CostProblem
} from '../../../src/shared/teak/cost'
import { costWireSchema } from '../../../src/shared/teak/order-request'

type Expected = { canonical: string } | { reason: CostProblem }

/** Every row: what a person typed, what our rule says, and what Teak itself would read (null = refused). */
const TABLE: [raw: string, expected: Expected, teak: string | null][] = [
  // The guide's own examples (Adding Items).
  ['12', { canonical: '12' }, '12'],
  ['1234.99', { canonical: '1234.99' }, '1234.99'],
  ['123,99', { canonical: '123.99' }, '123.99'],
  ['1,234.99', { reason: 'thousands_separator' }, null],
  // Teak reads these as decimals; whether that is what was meant is the costLooksLikeThousands assumption's.
  ['1,234', { canonical: '1.234' }, '1.234'],
  // Comma shapes that cannot be read as thousands.
  ['0,500', { canonical: '0.500' }, '0.500'],
  ['1234,567', { canonical: '1234.567' }, '1234.567'],
  ['0,123', { canonical: '0.123' }, '0.123'],
  ['1,23', { canonical: '1.23' }, '1.23'],
  ['1,2345', { canonical: '1.2345' }, '1.2345'],
  ['12,345', { canonical: '12.345' }, '12.345'],
  ['999,999', { canonical: '999.999' }, '999.999'],
  // A dot is always a decimal separator to Teak.
  ['1.234', { canonical: '1.234' }, '1.234'],
  ['0', { canonical: '0' }, '0'],
  ['0.00', { canonical: '0.00' }, '0.00'],
  ['50.00', { canonical: '50.00' }, '50.00'],
  // Length 12 is the boundary, separators included.
  ['123456789012', { canonical: '123456789012' }, '123456789012'],
  ['12345678.901', { canonical: '12345678.901' }, '12345678.901'],
  ['12345678,901', { canonical: '12345678.901' }, '12345678.901'],
  ['1234567890123', { reason: 'too_long' }, null],
  ['123456789.012', { reason: 'too_long' }, null],
  // Empty and whitespace.
  ['', { reason: 'empty' }, null],
  ['   ', { reason: 'empty' }, null],
  [' 12', { reason: 'invalid' }, null],
  ['12 ', { reason: 'invalid' }, null],
  ['1 2', { reason: 'invalid' }, null],
  // Thousands separators of every kind.
  ['1.234.567', { reason: 'thousands_separator' }, null],
  ['1,234,567', { reason: 'thousands_separator' }, null],
  ['1.234,50', { reason: 'thousands_separator' }, null],
  ['12,345.678', { reason: 'thousands_separator' }, null],
  ['1 234,50', { reason: 'thousands_separator' }, null],
  ['1 234', { reason: 'thousands_separator' }, null],
  ['1\u00a0234,50', { reason: 'thousands_separator' }, null],
  ["1'234.50", { reason: 'thousands_separator' }, null],
  // Signs, letters, lone separators and other non-costs.
  ['+12', { reason: 'invalid' }, null],
  ['-12', { reason: 'invalid' }, null],
  ['abc', { reason: 'invalid' }, null],
  ['12a', { reason: 'invalid' }, null],
  ['12e3', { reason: 'invalid' }, null],
  ['$12', { reason: 'invalid' }, null],
  ['.5', { reason: 'invalid' }, null],
  ['5.', { reason: 'invalid' }, null],
  ['5,', { reason: 'invalid' }, null],
  [',5', { reason: 'invalid' }, null],
  ['1.2.3', { reason: 'invalid' }, null],
  ['1,234,5', { reason: 'invalid' }, null],
  ['1 2345', { reason: 'invalid' }, null],
  ['١٢', { reason: 'invalid' }, null]
]

describe('costAmbiguity', () => {
  it.each(['1,234', '1.234'])('gives %j the same warning: Teak reads it as 1.234, not 1234', (cost) => {
    expect(costAmbiguity(cost)).toBe(
      `"${cost}" is ambiguous: Teak reads this as 1.234, not 1234. Write 1234 if that is what you mean.`
    )
  })

  it.each([
    ['12,345', 'Teak reads this as 12.345, not 12345'],
    ['999.999', 'Teak reads this as 999.999, not 999999'],
    [' 1,500 ', 'Teak reads this as 1.500, not 1500']
  ])('reads %j like thousands', (cost, reading) => {
    expect(costAmbiguity(cost)).toContain(reading)
  })

  it.each(['0,500', '0.123', '1234,567', '1,23', '1,2345', '12', '50.00', '1,234.99', 'abc', ''])(
    'finds nothing in %j',
    (cost) => {
      expect(costAmbiguity(cost)).toBeNull()
    }
  )
})

describe('checkCost', () => {
  it.each(TABLE)('%j', (raw, expected) => {
    const result = checkCost(raw)
    if ('canonical' in expected) {
      expect(result).toEqual({ ok: true, canonical: expected.canonical })
    } else {
      expect(result).toMatchObject({ ok: false, reason: expected.reason })
    }
  })

  it.each([
    ['1,234.99', '1234.99'],
    ['1.234.567', '1234567'],
    ['1.234,50', '1234,50'],
    ['12,345.678', '12345.678'],
    ['1 234,50', '1234,50'],
    ["1'234.50", '1234.50']
  ])('suggests %j without its thousands separator as %j, which is itself valid', (raw, suggestion) => {
    const result = checkCost(raw)
    expect(result.ok ? '' : result.message).toContain(`for example ${suggestion}.`)
    expect(checkCost(suggestion).ok).toBe(true)
  })

  it('names the limit and the actual length of a long cost', () => {
    const result = checkCost('1234567890123')
    expect(result.ok ? '' : result.message).toBe(
      `A cost has at most ${COST_MAX_LENGTH} characters; this one has 13.`
    )
  })

  it('quotes the input and shows valid examples for an invalid cost', () => {
    const result = checkCost('12a')
    expect(result.ok ? '' : result.message).toBe(
      '"12a" is not a cost: use digits with at most one "." or "," as the decimal separator, for example 50.00 or 123,99.'
    )
  })
})

describe("readTeakCost (Teak's own reading)", () => {
  it.each(TABLE)('%j', (raw, _expected, teak) => {
    expect(readTeakCost(raw)).toBe(teak)
  })
})

describe('cost properties', () => {
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`))

  it('accepts every digits[.digits] of at most 12 characters and outputs it unchanged', () => {
    fc.assert(
      fc.property(digits(1, 6), fc.option(digits(1, 5)), (whole, fraction) => {
        const raw = fraction === null ? whole : `${whole}.${fraction}`
        expect(checkCost(raw)).toEqual({ ok: true, canonical: raw })
      }),
      { numRuns: 200 }
    )
  })

  it('never accepts what Teak would refuse, and agrees with Teak on what it accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.,\- a]{0,14}$/), (raw) => {
        const ours = checkCost(raw)
        if (ours.ok) expect(readTeakCost(raw)).toBe(ours.canonical)
        if (readTeakCost(raw) === null) expect(ours.ok).toBe(false)
      }),
      { numRuns: 500 }
    )
  })

  it('outputs only canonical dot-decimal costs that the wire schema accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.,]{1,12}$/), (raw) => {
        const ours = checkCost(raw)
        if (ours.ok) {
          expect(ours.canonical).toMatch(/^\d+(\.\d+)?$/)
          expect(costWireSchema.safeParse(ours.canonical).success).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })
})

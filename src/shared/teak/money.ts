/**
 * Exact decimal money. An amount is an integer number of minor units at a scale (`units` × 10^-`scale`),
 * held in a BigInt so no binary floating point ever touches a price: 0.1 + 0.2 is 0.3 here.
 * Text in and out is the canonical dot-decimal form Teak's costs take once read ("57.5", "1234.99").
 */
export interface Money {
  readonly units: bigint
  readonly scale: number
}

const CANONICAL = /^-?\d+(\.\d+)?$/

export function isCanonicalMoney(text: string): boolean {
  return CANONICAL.test(text)
}

/** Canonical text ("57.5", "-3", "0.085") as an amount, or null for anything else ("1,5", ".5", "1e3"). */
export function readMoney(text: string): Money | null {
  if (!CANONICAL.test(text)) return null
  const dot = text.indexOf('.')
  return { units: BigInt(dot < 0 ? text : text.replace('.', '')), scale: dot < 0 ? 0 : text.length - dot - 1 }
}

/** `readMoney` for text already known to be canonical: anything else is a programming error upstream. */
export function parseMoney(text: string): Money {
  const amount = readMoney(text)
  if (amount === null) throw new RangeError(`"${text}" is not a canonical decimal amount such as 57.50.`)
  return amount
}

// Imports and reports rescale thousands of amounts; BigInt exponentiation per call would dominate.
const POWERS_OF_TEN: bigint[] = []
function pow10(exponent: number): bigint {
  return (POWERS_OF_TEN[exponent] ??= 10n ** BigInt(exponent))
}

/**
 * The amount at another scale: exact when the scale grows, rounded half away from zero when it shrinks
 * (commercial rounding — "half-up" for the non-negative amounts Teak deals in: 0.125 → 0.13).
 */
export function toScale(amount: Money, scale: number): Money {
  if (!Number.isInteger(scale) || scale < 0)
    throw new RangeError(`A scale is a whole number ≥ 0, not ${scale}.`)
  if (scale === amount.scale) return amount
  if (scale > amount.scale) return { units: amount.units * pow10(scale - amount.scale), scale }
  const divisor = pow10(amount.scale - scale)
  const magnitude = amount.units < 0n ? -amount.units : amount.units
  const rounded = (magnitude + divisor / 2n) / divisor
  return { units: amount.units < 0n ? -rounded : rounded, scale }
}

/** Canonical text with exactly `decimals` decimals, rounding half-up when that drops digits. */
export function formatMoney(amount: Money, decimals: number = amount.scale): string {
  const { units } = toScale(amount, decimals)
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const sign = units < 0n ? '-' : ''
  return decimals === 0 ? sign + whole : `${sign}${whole}.${digits.slice(digits.length - decimals)}`
}

function aligned(a: Money, b: Money): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale)
  return [toScale(a, scale).units, toScale(b, scale).units, scale]
}

export function addMoney(a: Money, b: Money): Money {
  const [x, y, scale] = aligned(a, b)
  return { units: x + y, scale }
}

export function subtractMoney(a: Money, b: Money): Money {
  const [x, y, scale] = aligned(a, b)
  return { units: x - y, scale }
}

export function sumMoney(amounts: readonly Money[]): Money {
  return amounts.reduce(addMoney, { units: 0n, scale: 0 })
}

/** The exact product (its scale is the sum of both); round it with `formatMoney` or `toScale`. */
export function multiplyMoney(a: Money, b: Money): Money {
  return { units: a.units * b.units, scale: a.scale + b.scale }
}

/** -1, 0 or 1 by value, whatever the scales: "50" equals "50.00". */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const [x, y] = aligned(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

import { compareMoney, formatMoney, multiplyMoney, parseMoney, sumMoney } from '../shared/teak/money'

/**
 * The sandbox's money rules on top of the shared exact decimals: Teak writes amounts with two decimals, and
 * the sandbox holds costs to the cent ("1.234" → "1.23", half-up) before pricing them (assumption §11.8).
 */
export function toCents(amount: string): string {
  return formatMoney(parseMoney(amount), 2)
}

/** Premium = cost × `rate` (the `premiumRate` assumption), rounded half-up to the cent. */
export function premiumOf(cost: string, rate: string): string {
  return formatMoney(multiplyMoney(parseMoney(cost), parseMoney(rate)), 2)
}

export function totalOf(amounts: string[]): string {
  return formatMoney(sumMoney(amounts.map(parseMoney)), 2)
}

export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  return compareMoney(parseMoney(a), parseMoney(b))
}

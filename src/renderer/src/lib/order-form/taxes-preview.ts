import { checkCost, costAmbiguity } from '../../../../shared/teak/cost'
import { minorUnitOf } from '../../../../shared/teak/currencies'
import { splitTaxesAndFees } from '../../../../shared/teak/taxes'
import type { ItemFields } from './form-state'

/**
 * The taxes-and-fees helper: Teak wants an order's taxes and fees inside the item costs, split in proportion
 * to cost (TAX guide). The split itself is `splitTaxesAndFees`; this reads the form's typed costs and total
 * and says which one to fix when they cannot be used.
 */

/** The rounding rule of `splitTaxesAndFees`, as the helper states it (Teak documents none). */
export const TAXES_ROUNDING_RULE =
  "Each item gets its share of the total in proportion to its cost, rounded down to the currency's minor " +
  'unit (the cent for EUR, the whole yen for JPY); the units left over go one each to the items whose ' +
  'shares lost the most in rounding, earliest first. The shares always add up to the total exactly.'

export interface TaxesRow {
  index: number
  name: string
  cost: string
  share: string
  newCost: string
}

export type TaxesPreview =
  { ok: true; total: string; rows: TaxesRow[] } | { ok: false; message: string; itemIndex?: number }

/**
 * A cost the helper can compute with. It rewrites the costs, so one that reads like thousands ("1,234") must
 * be settled first: once rewritten, nobody could tell what was meant.
 */
function usableCost(raw: string): { ok: true; canonical: string } | { ok: false; message: string } {
  const cost = checkCost(raw)
  const ambiguity = cost.ok ? costAmbiguity(raw) : null
  return ambiguity ? { ok: false, message: ambiguity } : cost
}

/** `currency` as typed: a code Teak accepts sets the shares' minor unit; anything else means cents. */
export function previewTaxes(
  items: readonly Pick<ItemFields, 'name' | 'cost'>[],
  totalText: string,
  currency = ''
): TaxesPreview {
  const costs: string[] = []
  for (const [index, item] of items.entries()) {
    const cost = usableCost(item.cost.trim())
    if (!cost.ok) {
      return { ok: false, itemIndex: index, message: `Fix item ${index + 1}'s cost first: ${cost.message}` }
    }
    costs.push(cost.canonical)
  }
  const trimmed = totalText.trim()
  if (trimmed === '')
    return { ok: false, message: "Enter the order's total taxes and fees, for example 15.00." }
  const total = usableCost(trimmed)
  if (!total.ok) return { ok: false, message: `Taxes and fees: ${total.message}` }

  const split = splitTaxesAndFees(costs, total.canonical, minorUnitOf(currency.trim().toUpperCase()))
  if (!split.ok) return split
  return {
    ok: true,
    total: total.canonical,
    rows: items.map((item, index) => ({
      index,
      name: item.name.trim(),
      cost: costs[index],
      share: split.shares[index],
      newCost: split.costs[index]
    }))
  }
}

/** The items with their costs replaced by the previewed ones (taxes and fees included). */
export function withTaxesApplied(items: readonly ItemFields[], rows: readonly TaxesRow[]): ItemFields[] {
  return items.map((item, index) => ({ ...item, cost: rows[index]?.newCost ?? item.cost }))
}

import { COST_MAX_LENGTH } from './cost'
import { formatMoney, readMoney, toScale, type Money } from './money'

/**
 * Teak's "Handling Taxes & Fees" guide: an order's taxes and processing fees are added to its item costs,
 * split "proportionately based on item cost across all line items" (two $50.00 tickets + $15.00 → $57.50
 * each). The guide gives no rounding rule (contract-notes §11.15), so this one is OURS:
 *
 * - Shares are in the currency's minor unit when it is given (cents for EUR, whole yen for JPY), else in
 *   cents or the finest decimal a cost uses; finer only when the total itself is written finer, so the
 *   shares always add up to it. A new cost keeps its own decimals when it has more than its share.
 * - Each item's exact share is total × cost / Σcosts. Every item first gets its share rounded down to the
 *   scale; the units left over (fewer than the number of items) go one each to the items whose dropped
 *   remainders are largest (largest-remainder method), ties to the earliest item.
 * - When every cost is 0 the total is split equally, leftover units again to the earliest items.
 *
 * So the shares always add up to the total exactly, and no share is off by more than one unit.
 */
export type TaxesSplit =
  { ok: true; costs: string[]; shares: string[] } | { ok: false; message: string; itemIndex?: number }

const TAXES_MIN_SCALE = 2

/** A non-negative canonical amount ("50", "7.50"), or null. */
const plainAmount = (text: string) => (text.startsWith('-') ? null : readMoney(text))

export function splitTaxesAndFees(costs: readonly string[], total: string, minorUnit?: number): TaxesSplit {
  if (costs.length === 0) return { ok: false, message: 'Taxes and fees need at least one item to go on.' }
  const amounts: Money[] = []
  for (let i = 0; i < costs.length; i++) {
    const amount = plainAmount(costs[i])
    if (amount === null) {
      return {
        ok: false,
        itemIndex: i,
        message: `Item ${i + 1}'s cost "${costs[i]}" is not a plain amount such as 50.00.`
      }
    }
    amounts.push(amount)
  }
  const totalAmount = plainAmount(total)
  if (totalAmount === null) {
    return { ok: false, message: `Taxes and fees "${total}" is not a plain amount such as 15.00.` }
  }

  const costScale = Math.max(...amounts.map((amount) => amount.scale))
  const shareScale = Math.max(minorUnit ?? Math.max(TAXES_MIN_SCALE, costScale), totalAmount.scale)
  const scale = Math.max(shareScale, costScale)
  const costUnits = amounts.map((amount) => toScale(amount, scale).units)
  const shareUnits = splitUnits(costUnits, toScale(totalAmount, shareScale).units)
  const shareToScale = 10n ** BigInt(scale - shareScale)

  const newCosts = costUnits.map((cost, i) =>
    formatMoney({ units: cost + shareUnits[i] * shareToScale, scale })
  )
  for (let i = 0; i < newCosts.length; i++) {
    if (newCosts[i].length > COST_MAX_LENGTH) {
      return {
        ok: false,
        itemIndex: i,
        message: `With its share of taxes and fees, item ${i + 1} would cost ${newCosts[i]}: ${newCosts[i].length} characters, but Teak accepts at most ${COST_MAX_LENGTH}.`
      }
    }
  }
  return {
    ok: true,
    costs: newCosts,
    shares: shareUnits.map((share) => formatMoney({ units: share, scale: shareScale }))
  }
}

/** `total` split over `weights` in proportion, by the largest-remainder rule described above. */
function splitUnits(weights: readonly bigint[], total: bigint): bigint[] {
  const count = weights.length
  let weightSum = 0n
  for (const weight of weights) weightSum += weight
  const equal = weightSum === 0n
  const divisor = equal ? BigInt(count) : weightSum
  const shares = new Array<bigint>(count)
  const remainders = new Array<bigint>(count)
  let leftover = total
  for (let i = 0; i < count; i++) {
    const exact = equal ? total : total * weights[i]
    shares[i] = exact / divisor
    remainders[i] = exact % divisor
    leftover -= shares[i]
  }
  // Fewer leftover units than items: hand them out by repeated scans rather than a sort, which an
  // order's handful of items does not need. `>` keeps the earliest of equal remainders.
  for (; leftover > 0n; leftover--) {
    let largest = -1
    for (let i = 0; i < count; i++) {
      if (remainders[i] >= 0n && (largest < 0 || remainders[i] > remainders[largest])) largest = i
    }
    shares[largest] += 1n
    remainders[largest] = -1n
  }
  return shares
}

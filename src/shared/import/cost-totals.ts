import type { OrderRequest } from '../teak/order-request'
import { addMoney, formatMoney, parseMoney, type Money } from '../teak/money'

export interface CurrencyTotal {
  currency: string
  /** Dot-decimal text, at least two decimals, summed exactly (money.ts), never in floating point. */
  amount: string
}

/**
 * What orders cost, summed per currency (orders in different currencies cannot be added up): the item
 * costs as sent, taxes and fees already folded in. Currencies in the order they first appear.
 */
export function costTotalsByCurrency(
  requests: readonly Pick<OrderRequest, 'currency' | 'items'>[]
): CurrencyTotal[] {
  const totals = new Map<string, Money>()
  for (const request of requests) {
    for (const item of request.items) {
      const sum = totals.get(request.currency) ?? { units: 0n, scale: 0 }
      totals.set(request.currency, addMoney(sum, parseMoney(item.cost)))
    }
  }
  return [...totals].map(([currency, amount]) => ({
    currency,
    amount: formatMoney(amount, Math.max(2, amount.scale))
  }))
}

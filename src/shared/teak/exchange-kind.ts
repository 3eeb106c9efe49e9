import { compareMoney, parseMoney } from './money'

export const EXCHANGE_KINDS = ['upgrade', 'downgrade', 'exchange'] as const
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number]

/**
 * What Teak will call a PATCH of an item, predicted from the costs: "Teak will determine if this is an
 * upgrade, downgrade, or exchange based on the cost" (UPG, contract-notes §5.2). A dearer new item is an
 * upgrade, a cheaper one a downgrade, the same cost an exchange. Only a prediction: Teak decides, and the
 * docs do not say how it rounds. Both costs are canonical dot-decimal text ("50", "57.50").
 */
export function predictExchangeKind(oldCost: string, newCost: string): ExchangeKind {
  const order = compareMoney(parseMoney(newCost), parseMoney(oldCost))
  return order > 0 ? 'upgrade' : order < 0 ? 'downgrade' : 'exchange'
}

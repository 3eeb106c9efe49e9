import { readTeakCost } from '../../../../shared/teak/cost'
import { compareMoney, readMoney } from '../../../../shared/teak/money'
import type { DecodedQuoteAnswer } from '../../../../shared/teak/responses'
import type { ItemFields } from './form-state'

/**
 * A decoded quote set beside the form it is meant for. A token prices particular items at particular costs;
 * once the form says otherwise, the token no longer fits the order (Teak would price other items), so each
 * difference is named and the whole quote is called stale.
 */
export interface QuoteLine {
  reference: string
  cost: string
  premium: string
  /** `cost`: the form's item with this reference costs something else; `absent`: no item has it. */
  differs: 'cost' | 'absent' | null
  /** The form's cost for this reference when it differs. */
  formCost?: string
}

export interface QuoteComparison {
  currency: string
  subtotal: string
  lines: QuoteLine[]
  /** Form items (1-based numbers) that the quote does not price. */
  unpriced: number[]
  /** The quote's currency, when the form's differs from it. */
  currencyDiffers: boolean
  stale: boolean
}

function sameAmount(typed: string, quoted: string): boolean {
  const canonical = readTeakCost(typed.trim())
  const [a, b] = [canonical === null ? null : readMoney(canonical), readMoney(quoted)]
  return a !== null && b !== null && compareMoney(a, b) === 0
}

export function compareQuote(
  quote: DecodedQuoteAnswer,
  form: { items: readonly Pick<ItemFields, 'reference_number' | 'cost'>[]; currency: string }
): QuoteComparison {
  const byReference = new Map(form.items.map((item) => [item.reference_number.trim(), item]))
  const lines: QuoteLine[] = quote.items.map((line) => {
    const reference = line.reference_number ?? ''
    const cost = line.cost ?? ''
    const item = byReference.get(reference)
    const base = { reference, cost, premium: line.premium ?? '' }
    if (!item) return { ...base, differs: 'absent' }
    return sameAmount(item.cost, cost)
      ? { ...base, differs: null }
      : { ...base, differs: 'cost', formCost: item.cost.trim() }
  })
  const quoted = new Set(lines.map((line) => line.reference))
  const unpriced = form.items.flatMap((item, index) =>
    quoted.has(item.reference_number.trim()) ? [] : [index + 1]
  )
  const currency = quote.currency ?? ''
  const currencyDiffers = currency !== '' && currency !== form.currency.trim().toUpperCase()
  return {
    currency,
    subtotal: quote.subtotal ?? '',
    lines,
    unpriced,
    currencyDiffers,
    stale: currencyDiffers || unpriced.length > 0 || lines.some((line) => line.differs !== null)
  }
}

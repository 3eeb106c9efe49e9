import { CURRENCIES, type CurrencyCode } from '../../../../shared/teak/currencies'

export type CurrencyOption = (typeof CURRENCIES)[number]

export function currencyText(option: CurrencyOption): string {
  return `${option.code} — ${option.name}`
}

function findCurrency(code: string): CurrencyOption | undefined {
  return CURRENCIES.find((option) => option.code === code.toUpperCase())
}

/** What the currency box shows for a chosen code: "EUR — Euro"; what was typed for anything else. */
export function displayCurrency(code: string): string {
  const option = findCurrency(code)
  return option ? currencyText(option) : code
}

/**
 * The currencies matching what was typed: codes starting with it first ("E" → EUR), then names containing
 * it ("dollar" → USD, CAD, AUD, NZD). Everything for an empty query or the chosen currency's own text.
 */
export function matchCurrencies(query: string): CurrencyOption[] {
  const q = query.trim().toLowerCase()
  if (q === '' || CURRENCIES.some((option) => currencyText(option).toLowerCase() === q))
    return [...CURRENCIES]
  const byCode = CURRENCIES.filter((option) => option.code.toLowerCase().startsWith(q))
  const byName = CURRENCIES.filter(
    (option) => !byCode.includes(option) && option.name.toLowerCase().includes(q)
  )
  return [...byCode, ...byName]
}

/** The currency a person typed out in full (code, name or "EUR — Euro"), or null. */
export function currencyFromText(text: string): CurrencyCode | null {
  const q = text.trim().toLowerCase()
  const option = CURRENCIES.find(
    (candidate) =>
      candidate.code.toLowerCase() === q ||
      candidate.name.toLowerCase() === q ||
      currencyText(candidate).toLowerCase() === q
  )
  return option?.code ?? null
}

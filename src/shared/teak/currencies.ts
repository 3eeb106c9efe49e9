/**
 * The 25 currencies Teak accepts for an order (Adding Order Details guide; the guide lists NZD twice), each with
 * its ISO 4217 minor unit: the decimals an amount in it has (2 for cents, 0 for yen).
 */
export const CURRENCIES = [
  { code: 'USD', name: 'US dollar', minorUnit: 2 },
  { code: 'CAD', name: 'Canadian dollar', minorUnit: 2 },
  { code: 'EUR', name: 'Euro', minorUnit: 2 },
  { code: 'GBP', name: 'Pound sterling', minorUnit: 2 },
  { code: 'MXN', name: 'Mexican peso', minorUnit: 2 },
  { code: 'AED', name: 'UAE dirham', minorUnit: 2 },
  { code: 'ARS', name: 'Argentine peso', minorUnit: 2 },
  { code: 'AUD', name: 'Australian dollar', minorUnit: 2 },
  { code: 'BRL', name: 'Brazilian real', minorUnit: 2 },
  { code: 'CHF', name: 'Swiss franc', minorUnit: 2 },
  { code: 'CNY', name: 'Chinese yuan', minorUnit: 2 },
  { code: 'CZK', name: 'Czech koruna', minorUnit: 2 },
  { code: 'DKK', name: 'Danish krone', minorUnit: 2 },
  { code: 'IDR', name: 'Indonesian rupiah', minorUnit: 2 },
  { code: 'ILS', name: 'Israeli new shekel', minorUnit: 2 },
  { code: 'INR', name: 'Indian rupee', minorUnit: 2 },
  { code: 'JPY', name: 'Japanese yen', minorUnit: 0 },
  { code: 'MYR', name: 'Malaysian ringgit', minorUnit: 2 },
  { code: 'NOK', name: 'Norwegian krone', minorUnit: 2 },
  { code: 'NZD', name: 'New Zealand dollar', minorUnit: 2 },
  { code: 'PHP', name: 'Philippine peso', minorUnit: 2 },
  { code: 'SEK', name: 'Swedish krona', minorUnit: 2 },
  { code: 'THB', name: 'Thai baht', minorUnit: 2 },
  { code: 'TRY', name: 'Turkish lira', minorUnit: 2 },
  { code: 'ZAR', name: 'South African rand', minorUnit: 2 }
] as const

export type CurrencyCode = (typeof CURRENCIES)[number]['code']

export const CURRENCY_CODES = CURRENCIES.map((c) => c.code) as unknown as readonly [
  CurrencyCode,
  ...CurrencyCode[]
]

export function isCurrencyCode(value: string): value is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(value)
}

/** The ISO 4217 minor unit of a currency Teak accepts (`EUR` → 2, `JPY` → 0), or undefined for any other text. */
export function minorUnitOf(code: string): number | undefined {
  return CURRENCIES.find((currency) => currency.code === code)?.minorUnit
}

/**
 * Teak's item-cost rule (Adding Items guide): a string of at most 12 characters, digits with at most one
 * `.` or `,` as the decimal separator, no thousands separators. `checkCost` holds costs to exactly that.
 * Teak reads "1,234" as 1.234, which a person typing a price almost never means: `costAmbiguity` says so
 * for "1,234" and "1.234" alike, and the `costLooksLikeThousands` assumption decides what that costs.
 */
export const COST_MAX_LENGTH = 12

export type CostCheck = { ok: true; canonical: string } | { ok: false; reason: CostProblem; message: string }

export type CostProblem = 'empty' | 'too_long' | 'invalid' | 'thousands_separator'

const TEAK_COST = /^(\d+)(?:[.,](\d+))?$/
// One to three digits (not a lone leading zero), one separator, then exactly three digits: reads like 1,234.
const LOOKS_LIKE_THOUSANDS = /^([1-9]\d{0,2})[.,](\d{3})$/
// Groups of three after one to three digits, always split by the same character (".", ",", a space, a
// non-breaking space or an apostrophe), then optionally a decimal part behind a different separator.
const GROUPED_DIGITS = /^\d{1,3}([.,' \u00a0\u202f])\d{3}(?:\1\d{3})*(?:(?!\1)[.,]\d+)?$/

/**
 * The grouping character when `raw` is written with thousands separators, else null. A single "." or ","
 * group ("1.234", "1,234") is a decimal separator to Teak, so it counts only beside a second separator.
 */
function thousandsSeparatorOf(raw: string): string | null {
  const grouping = GROUPED_DIGITS.exec(raw)?.[1]
  if (grouping === undefined) return null
  const isDecimalMark = grouping === '.' || grouping === ','
  return !isDecimalMark || (raw.match(/[.,]/g)?.length ?? 0) >= 2 ? grouping : null
}

/** What Teak itself accepts, in canonical dot-decimal form, or null. "1,234" → "1.234" (Teak's reading). */
export function readTeakCost(raw: string): string | null {
  if (raw.length === 0 || raw.length > COST_MAX_LENGTH) return null
  return TEAK_COST.test(raw) ? raw.replace(',', '.') : null
}

/** The rule people and files are held to: Teak's, with a message that says how to fix what it refuses. */
export function checkCost(raw: string): CostCheck {
  if (raw.trim().length === 0)
    return { ok: false, reason: 'empty', message: 'Enter a cost, for example 50.00.' }
  if (raw.length > COST_MAX_LENGTH) {
    return {
      ok: false,
      reason: 'too_long',
      message: `A cost has at most ${COST_MAX_LENGTH} characters; this one has ${raw.length}.`
    }
  }
  const canonical = readTeakCost(raw)
  if (canonical === null) {
    const separator = thousandsSeparatorOf(raw)
    if (separator !== null) {
      return {
        ok: false,
        reason: 'thousands_separator',
        message: `"${raw}" uses a thousands separator; Teak does not accept them. Write it without one, for example ${raw.split(separator).join('')}.`
      }
    }
    return {
      ok: false,
      reason: 'invalid',
      message: `"${raw}" is not a cost: use digits with at most one "." or "," as the decimal separator, for example 50.00 or 123,99.`
    }
  }
  return { ok: true, canonical }
}

/**
 * Why a cost Teak accepts may not be what was meant, or null: "1,234" and "1.234" are 1.234 to Teak, though
 * a price typed that way usually means 1234. Works on what was typed and on the canonical form alike.
 */
export function costAmbiguity(cost: string): string | null {
  const parts = LOOKS_LIKE_THOUSANDS.exec(cost.trim())
  if (!parts) return null
  const [shape, whole, decimals] = parts
  return `"${shape}" is ambiguous: Teak reads this as ${whole}.${decimals}, not ${whole}${decimals}. Write ${whole}${decimals} if that is what you mean.`
}

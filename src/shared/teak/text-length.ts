/**
 * How Teak's "max 255" limits are counted here: in characters as a person counts them (Unicode code points),
 * so "🎫" is one character, not the two UTF-16 units JavaScript's `length` gives. The docs do not say how
 * Teak counts; code points never refuse what a person sees as short enough. The client's schemas (zod's
 * `max`, which counts code points), the CSV validator and the local sandbox all use this count.
 */

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g

export function textLength(text: string): number {
  // Most text has no astral characters: then the UTF-16 length is already the answer.
  const pairs = text.length > 0 ? text.match(SURROGATE_PAIR) : null
  return text.length - (pairs?.length ?? 0)
}

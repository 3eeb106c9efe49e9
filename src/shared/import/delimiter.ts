export const DELIMITERS = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof DELIMITERS)[number]

/**
 * Spreadsheets write "," or, in locales whose decimal mark is a comma, ";"; "tab" comes from copy-paste
 * exports. The header names contain none of them, so the header record's most frequent one (outside
 * quotes) is the delimiter; on a tie the earlier in DELIMITERS wins, and "," when there is none. Blank
 * lines before the header are passed over, as the reader does.
 * Returns null while `text` does not yet hold the whole header record (a caller streaming the file reads on).
 */
export function detectDelimiter(text: string, complete: true): CsvDelimiter
export function detectDelimiter(text: string, complete: boolean): CsvDelimiter | null
export function detectDelimiter(text: string, complete: boolean): CsvDelimiter | null {
  const counts = new Map<string, number>()
  let quoted = false
  let blank = true
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '"') quoted = !quoted
    if (!quoted && (char === '\n' || char === '\r')) {
      if (!blank) return mostFrequent(counts)
      counts.clear()
      continue
    }
    if (!quoted && DELIMITERS.includes(char as CsvDelimiter)) counts.set(char, (counts.get(char) ?? 0) + 1)
    else if (char.trim() !== '') blank = false
  }
  return complete ? mostFrequent(counts) : null
}

function mostFrequent(counts: ReadonlyMap<string, number>): CsvDelimiter {
  return DELIMITERS.reduce(
    (best, d) => ((counts.get(d) ?? 0) > (counts.get(best) ?? 0) ? d : best),
    DELIMITERS[0]
  )
}

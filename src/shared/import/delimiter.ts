export const DELIMITERS = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof DELIMITERS)[number]

/**
 * The header record must end within this many bytes of the file's start. A real header is a few hundred
 * bytes; the cap refuses, after reading little, a file whose first quote never closes (or a first line
 * that never ends), which the CSV reader would otherwise carry along as one ever-growing record.
 */
export const HEADER_MAX_BYTES = 64 * 1024

export type HeaderVerdict =
  { state: 'found'; delimiter: CsvDelimiter } | { state: 'refused'; message: string }
export type HeaderScan = { state: 'reading' } | HeaderVerdict

/**
 * Finds the header record in the file's text as it arrives, looking at each character once whatever the
 * pieces (quote state is kept across them). Spreadsheets write "," or, in locales whose decimal mark is a
 * comma, ";"; tab comes from copy-paste exports. The header names contain none of them, so the header's most
 * frequent one outside quotes is the delimiter; on a tie the earlier in DELIMITERS wins, and "," when there is
 * none. Blank lines before the header are passed over, as the reader does. A quote opens a quoted cell only
 * at a cell's start, as in the reader; inside one, "" is a quote.
 */
export interface HeaderScanner {
  /** The next piece of text; once a verdict is in, further pieces are not looked at. */
  feed(text: string): HeaderScan
  /** The text has ended (or the caller has fed all it will): the verdict. */
  end(): HeaderVerdict
  /** Characters looked at so far (tests hold the scan to a single pass with it). */
  readonly examined: number
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const DELIMITER_CODES = DELIMITERS.map((d) => d.charCodeAt(0))
const READING: HeaderScan = { state: 'reading' }

/** Bytes of one UTF-16 code unit in UTF-8 (a surrogate pair is four). */
const utf8Bytes = (code: number) => (code < 0x80 ? 1 : code < 0x800 || (code & 0xf800) === 0xd800 ? 2 : 3)

const kib = (bytes: number) => `${bytes / 1024} KiB`

/**
 * `byteOffset`: bytes of the file before the text (a byte-order mark the decoder dropped), so that the
 * offsets in messages are the file's.
 */
export function createHeaderScanner(byteOffset = 0): HeaderScanner {
  const counts = DELIMITERS.map(() => 0)
  let bytes = byteOffset
  let examined = 0
  let quoted = false
  /** Inside quotes, a quote was the last character: it closes the cell unless a second one follows. */
  let quoteEnding = false
  let cellStart = true
  let blank = true
  let quoteAt = 0
  let verdict: HeaderVerdict | null = null

  const found = (): HeaderVerdict => {
    const best = DELIMITERS.reduce((b, _, i) => (counts[i] > counts[b] ? i : b), 0)
    return (verdict = { state: 'found', delimiter: DELIMITERS[best] })
  }
  const refused = (message: string): HeaderVerdict => (verdict = { state: 'refused', message })
  const unclosed = (where: string) =>
    refused(
      `The header row is not closed: the quote (") at byte offset ${quoteAt} opens a cell that ${where}. Close that cell with a second quote (") or remove the quote, and import again.`
    )

  function overCap(): HeaderVerdict {
    if (quoted && !quoteEnding)
      return unclosed(`is not closed within the first ${kib(HEADER_MAX_BYTES)} of the file`)
    return refused(
      `The header row does not end within the first ${kib(HEADER_MAX_BYTES)} of the file. The first row must name the columns (see the backlog template).`
    )
  }

  function feed(text: string): HeaderScan {
    for (let i = 0; i < text.length && verdict === null; i++) {
      if (bytes >= HEADER_MAX_BYTES) return overCap()
      const code = text.charCodeAt(i)
      const at = bytes
      bytes += utf8Bytes(code)
      examined++
      if (quoteEnding) {
        quoteEnding = false
        if (code === QUOTE) continue
        quoted = false
      }
      if (quoted) {
        if (code === QUOTE) quoteEnding = true
        else if (text[i].trim() !== '') blank = false
      } else if (code === QUOTE && cellStart) {
        quoted = true
        quoteAt = at
        cellStart = false
      } else if (code === LF || code === CR) {
        if (!blank) return found()
        counts.fill(0)
        cellStart = true
      } else if (DELIMITER_CODES.includes(code)) {
        counts[DELIMITER_CODES.indexOf(code)]++
        cellStart = true
      } else {
        cellStart = false
        if (text[i].trim() !== '') blank = false
      }
    }
    return verdict ?? READING
  }

  function end(): HeaderVerdict {
    if (verdict) return verdict
    return quoted && !quoteEnding ? unclosed('is never closed') : found()
  }

  return {
    feed,
    end,
    get examined() {
      return examined
    }
  }
}

/**
 * Backlog files must be UTF-8 (with or without a byte-order mark). Spreadsheet programs also save UTF-16
 * ("Unicode text") and legacy code pages such as Windows-1252; reading those as UTF-8 would silently garble
 * names, so they are refused with a message that says how to re-save the file.
 */
export class CsvEncodingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CsvEncodingError'
  }
}

const UTF16_MESSAGE =
  'This file is UTF-16 ("Unicode text"); save it as UTF-8 (in Excel: Save As → "CSV UTF-8 (Comma delimited)") and import it again.'
const NOT_UTF8_MESSAGE =
  'This file is not UTF-8 text; it is probably in an older encoding such as Windows-1252 or Latin-1. Save it as UTF-8 (in Excel: Save As → "CSV UTF-8 (Comma delimited)") and import it again.'
const NUL_MESSAGE =
  'This file contains NUL characters, so it is probably UTF-16 without a byte-order mark, or not a text file at all. Save it as UTF-8 CSV and import it again.'

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

/** A strict UTF-8 decoder for a file read whole or in chunks; it drops a UTF-8 byte-order mark. */
export interface CsvTextDecoder {
  /** Decodes the next bytes; `last` flushes. Throws CsvEncodingError when the file is not UTF-8. */
  decode(bytes: Uint8Array, last: boolean): string
  /** Bytes of the byte-order mark dropped from the start (3 or 0), known once the first bytes are decoded. */
  readonly byteOrderMarkBytes: number
}

export function createCsvTextDecoder(): CsvTextDecoder {
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  let first = true
  let markBytes = 0
  return {
    get byteOrderMarkBytes() {
      return markBytes
    },
    decode(bytes, last) {
      if (first && bytes.length > 0) {
        first = false
        if (hasUtf16Bom(bytes)) throw new CsvEncodingError(UTF16_MESSAGE)
        if (hasUtf8Bom(bytes)) markBytes = 3
      }
      let text: string
      try {
        text = utf8.decode(bytes, { stream: !last })
      } catch {
        throw new CsvEncodingError(NOT_UTF8_MESSAGE)
      }
      if (text.includes('\u0000')) throw new CsvEncodingError(NUL_MESSAGE)
      return text
    }
  }
}

/** Text handed over already decoded (a pasted string, a renderer File.text()) may still carry the mark. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

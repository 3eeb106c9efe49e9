import Papa from 'papaparse'
import { createBacklogCollector } from './backlog-collector'
import { csvRecordsConfig } from './csv-records'
import { createHeaderScanner } from './delimiter'
import { createCsvTextDecoder, CsvEncodingError, stripByteOrderMark } from './text-encoding'
import type { BacklogOptions, BacklogParseResult } from './types'

/**
 * papaparse works through the text in slices of this many characters. Cells of the orders read keep their
 * slice alive; slices above V8's large-object size (128 KiB) are never copied between heap generations,
 * which measurably speeds big imports.
 */
const TEXT_CHUNK_SIZE = 256 * 1024

/** The text, and the bytes of a byte-order mark dropped from its start (for byte offsets in messages). */
function decodeWhole(input: string | Uint8Array): { text: string; markBytes: number } {
  if (typeof input === 'string') {
    const text = stripByteOrderMark(input)
    return { text, markBytes: text.length < input.length ? 3 : 0 }
  }
  const decoder = createCsvTextDecoder()
  const text = decoder.decode(input, true)
  return { text, markBytes: decoder.byteOrderMarkBytes }
}

/**
 * Reads a whole backlog file — bytes as read from disk, or text already decoded — into validated orders.
 * For big files on disk, the main process streams instead (`parseBacklogFile`).
 */
export function parseBacklog(input: string | Uint8Array, options: BacklogOptions = {}): BacklogParseResult {
  const collector = createBacklogCollector(options)
  let decoded: ReturnType<typeof decodeWhole>
  try {
    decoded = decodeWhole(input)
  } catch (error) {
    if (!(error instanceof CsvEncodingError)) throw error
    collector.refuseFile(error.message)
    return collector.finish()
  }
  const { text, markBytes } = decoded
  const scanner = createHeaderScanner(markBytes)
  scanner.feed(text)
  const header = scanner.end()
  if (header.state === 'refused') {
    collector.refuseFile(header.message)
    return collector.finish()
  }
  const config = {
    ...csvRecordsConfig(header.delimiter, collector),
    chunkSize: TEXT_CHUNK_SIZE,
    complete() {}
  }
  do Papa.parse<string[]>(text, config)
  while (collector.endPass())
  return collector.finish()
}

import Papa from 'papaparse'
import { createBacklogCollector } from './backlog-collector'
import { csvRecordsConfig } from './csv-records'
import { detectDelimiter } from './delimiter'
import { createCsvTextDecoder, CsvEncodingError, stripByteOrderMark } from './text-encoding'
import type { BacklogOptions, BacklogParseResult } from './types'

/**
 * papaparse works through the text in slices of this many characters. Cells of the orders read keep their
 * slice alive; slices above V8's large-object size (128 KiB) are never copied between heap generations,
 * which measurably speeds big imports.
 */
const TEXT_CHUNK_SIZE = 256 * 1024

/**
 * Reads a whole backlog file — bytes as read from disk, or text already decoded — into validated orders.
 * For big files on disk, the main process streams instead (`parseBacklogFile`).
 */
export function parseBacklog(input: string | Uint8Array, options: BacklogOptions = {}): BacklogParseResult {
  const collector = createBacklogCollector(options)
  let text: string
  try {
    text = typeof input === 'string' ? stripByteOrderMark(input) : createCsvTextDecoder().decode(input, true)
  } catch (error) {
    if (!(error instanceof CsvEncodingError)) throw error
    collector.refuseFile(error.message)
    return collector.finish()
  }
  const delimiter = detectDelimiter(text, true)
  const config = { ...csvRecordsConfig(delimiter, collector), chunkSize: TEXT_CHUNK_SIZE, complete() {} }
  do Papa.parse<string[]>(text, config)
  while (collector.endPass())
  return collector.finish()
}

import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import Papa from 'papaparse'
import { createBacklogCollector, type BacklogCollector } from '../../../shared/import/backlog-collector'
import { csvRecordsConfig } from '../../../shared/import/csv-records'
import { createHeaderScanner, type HeaderScanner, type HeaderVerdict } from '../../../shared/import/delimiter'
import {
  createCsvTextDecoder,
  CsvEncodingError,
  type CsvTextDecoder
} from '../../../shared/import/text-encoding'
import type { BacklogOptions, BacklogParseResult } from '../../../shared/import/types'

/**
 * `parseBacklog` for a file on disk, streamed: the file is never held whole, only the orders read from it.
 * A file whose orders are scattered (rows of one order far apart) is read twice. Errors opening or
 * reading the file (missing, unreadable) reject the promise; everything about its content is in the result.
 */
export async function parseBacklogFile(
  path: string,
  options: BacklogOptions = {}
): Promise<BacklogParseResult> {
  const collector = createBacklogCollector(options)
  try {
    do await feedFile(path, collector)
    while (collector.endPass())
  } catch (error) {
    if (!(error instanceof CsvEncodingError)) throw error
    collector.refuseFile(error.message)
  }
  return collector.finish()
}

/**
 * Bytes read at a time. Cells of the orders read keep their chunk of text alive; chunks above V8's
 * large-object size (128 KiB) are never copied between heap generations, which measurably speeds big
 * imports, and a quarter megabyte still keeps memory flat.
 */
export const READ_SIZE = 256 * 1024

async function* decodedText(path: string, decoder: CsvTextDecoder): AsyncGenerator<string> {
  for await (const bytes of createReadStream(path, { highWaterMark: READ_SIZE }) as AsyncIterable<Buffer>)
    yield decoder.decode(bytes, false)
  yield decoder.decode(new Uint8Array(0), true)
}

/**
 * The text read until the header record is complete (each piece scanned once), and the verdict on it. A
 * header that does not end within HEADER_MAX_BYTES is refused after reading about that much.
 */
async function readUntilHeader(
  text: AsyncIterator<string>,
  decoder: CsvTextDecoder
): Promise<{ start: string; header: HeaderVerdict }> {
  let start = ''
  let scanner: HeaderScanner | undefined
  for (;;) {
    const next = await text.next()
    // Made after the first read: only then does the decoder know whether a byte-order mark came first.
    scanner ??= createHeaderScanner(decoder.byteOrderMarkBytes)
    if (next.done) return { start, header: scanner.end() }
    start += next.value
    const header = scanner.feed(next.value)
    if (header.state !== 'reading') return { start, header }
  }
}

async function* startingWith(start: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield start
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}

async function feedFile(path: string, collector: BacklogCollector): Promise<void> {
  const decoder = createCsvTextDecoder()
  const text = decodedText(path, decoder)
  const { start, header } = await readUntilHeader(text, decoder)
  if (header.state === 'refused') {
    collector.refuseFile(header.message)
    await text.return(undefined) // closes the file without reading on
    return
  }
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(startingWith(start, text)), {
      ...csvRecordsConfig(header.delimiter, collector),
      complete: () => resolve(),
      error: reject
    })
  })
}

import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import Papa from 'papaparse'
import { createBacklogCollector, type BacklogCollector } from '../../../shared/import/backlog-collector'
import { csvRecordsConfig } from '../../../shared/import/csv-records'
import { detectDelimiter, type CsvDelimiter } from '../../../shared/import/delimiter'
import { createCsvTextDecoder, CsvEncodingError } from '../../../shared/import/text-encoding'
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

async function* decodedText(path: string): AsyncGenerator<string> {
  const decoder = createCsvTextDecoder()
  for await (const bytes of createReadStream(path, { highWaterMark: READ_SIZE }) as AsyncIterable<Buffer>)
    yield decoder.decode(bytes, false)
  yield decoder.decode(new Uint8Array(0), true)
}

/** The text read until the header record is complete, and the delimiter it shows. */
async function readUntilHeader(
  text: AsyncIterator<string>
): Promise<{ start: string; delimiter: CsvDelimiter }> {
  let start = ''
  for (;;) {
    const next = await text.next()
    if (next.done) return { start, delimiter: detectDelimiter(start, true) }
    start += next.value
    const delimiter = detectDelimiter(start, false)
    if (delimiter) return { start, delimiter }
  }
}

async function* startingWith(start: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield start
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}

async function feedFile(path: string, collector: BacklogCollector): Promise<void> {
  const text = decodedText(path)
  const { start, delimiter } = await readUntilHeader(text)
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(startingWith(start, text)), {
      ...csvRecordsConfig(delimiter, collector),
      complete: () => resolve(),
      error: reject
    })
  })
}

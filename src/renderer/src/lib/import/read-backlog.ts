import { IMPORT_FILE_MAX_BYTES } from '../../../../shared/contract/import'
import { createCsvTextDecoder, CsvEncodingError } from '../../../../shared/import/text-encoding'

export type BacklogReading = { ok: true; text: string } | { ok: false; problem: string }

/**
 * The chosen file as text, read with the File API. Decoded strictly as UTF-8, as the CLI reads files: a
 * lenient read would replace the characters of a Windows-1252 file and send garbled names to Teak.
 */
export async function readBacklog(
  file: Pick<File, 'name' | 'size' | 'arrayBuffer'>
): Promise<BacklogReading> {
  if (file.size > IMPORT_FILE_MAX_BYTES) {
    const megabytes = Math.ceil(file.size / (1024 * 1024))
    return {
      ok: false,
      problem: `${file.name} is ${megabytes} MB; the limit is 50 MB. Split it into smaller files.`
    }
  }
  if (file.size === 0) return { ok: false, problem: `${file.name} is empty.` }
  try {
    return { ok: true, text: createCsvTextDecoder().decode(new Uint8Array(await file.arrayBuffer()), true) }
  } catch (error) {
    if (error instanceof CsvEncodingError) return { ok: false, problem: error.message }
    return { ok: false, problem: `${file.name} could not be read. Choose it again.` }
  }
}

import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { openJournal } from '../../../../src/main/journal/journal'
import { seedHistory } from './seed-history'

const PAGE_SIZE = 4096

/** A journal whose content spans many pages, then one page in its middle overwritten, as a disk fault would. */
export function journalWithOverwrittenPage(path: string): void {
  openJournal(path).close()
  seedHistory(path, 2000)
  // Closing the last connection checkpoints the WAL into the file, so the damage below is what SQLite reads.
  openJournal(path).close()
  const pages = statSync(path).size / PAGE_SIZE
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, Buffer.alloc(PAGE_SIZE, 0x5a), 0, PAGE_SIZE, Math.floor(pages / 2) * PAGE_SIZE)
  } finally {
    closeSync(fd)
  }
}

/** A file at the journal's name that is not a database at all. */
export function notADatabase(path: string): void {
  writeFileSync(path, 'order_number,currency\nA-1,USD\n'.repeat(400))
}

import { existsSync, readdirSync, rmSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../data-dir'

/** The folder of the data folder they are kept in. */
export const UPLOADS_FOLDER = 'imports'

/** Upload ids are ours (random UUIDs); anything else never becomes a path. */
const UPLOAD_ID = /^[0-9a-f-]{36}$/
const EXTENSION = '.csv'

/**
 * Backlog files the page handed over, kept in `<data dir>/imports/<id>.csv` so an interrupted run can be
 * re-read and resumed after the app restarts. They hold customer data: readable by their owner only.
 */
export interface UploadStore {
  save(id: string, text: string): Promise<string>
  /** The file's path, or null when it is not (or no longer) kept. */
  find(id: string): string | null
  remove(id: string): void
  /** Deletes every upload not in `keep`: those of runs that ended, and previews never started. */
  removeAllBut(keep: ReadonlySet<string>): void
}

export function uploadStore(dir: string): UploadStore {
  const pathOf = (id: string) => {
    if (!UPLOAD_ID.test(id)) throw new Error(`"${id.slice(0, 60)}" is not an upload id.`)
    return join(dir, `${id}${EXTENSION}`)
  }
  return {
    async save(id, text) {
      await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
      const path = pathOf(id)
      await writeFile(path, text, { mode: PRIVATE_FILE_MODE })
      return path
    },
    find(id) {
      const path = pathOf(id)
      return existsSync(path) ? path : null
    },
    remove(id) {
      rmSync(pathOf(id), { force: true })
    },
    removeAllBut(keep) {
      if (!existsSync(dir)) return
      for (const name of readdirSync(dir)) {
        const id = name.slice(0, -EXTENSION.length)
        if (name.endsWith(EXTENSION) && UPLOAD_ID.test(id) && !keep.has(id))
          rmSync(join(dir, name), { force: true })
      }
    }
  }
}

import { readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { SavedDraft } from '../../shared/contract/drafts'
import { writeFileAtomic } from '../settings/atomic-write'

export const DRAFT_FILE_NAME = 'order-draft.json'

const draftFileSchema = z.object({ version: z.literal(1), savedAt: z.string(), draft: z.string() })

export interface DraftStore {
  readonly filePath: string
  get(): Promise<SavedDraft>
  save(draft: string): Promise<{ savedAt: string }>
  clear(): Promise<void>
}

const NO_DRAFT: SavedDraft = { draft: null, savedAt: null }

/**
 * The order workbench's draft, one JSON file in the data directory. Saves arrive every few hundred
 * milliseconds while someone types, so writes are queued: each lands after the one before it, and the file
 * on disk is always the latest draft (an older write can never finish last and overwrite a newer one).
 */
export function openDraftStore(dataDir: string, options: { now?: () => Date } = {}): DraftStore {
  const filePath = join(dataDir, DRAFT_FILE_NAME)
  const now = options.now ?? (() => new Date())
  let queue: Promise<unknown> = Promise.resolve()

  function inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  return {
    filePath,
    get: () => inTurn(() => readDraftFile(filePath, now())),
    save: (draft) =>
      inTurn(async () => {
        const savedAt = now().toISOString()
        await writeFileAtomic(filePath, JSON.stringify({ version: 1, savedAt, draft }))
        return { savedAt }
      }),
    clear: () => inTurn(() => rm(filePath, { force: true }))
  }
}

/**
 * A file that is not a draft we wrote (a hand edit, a disk fault) is renamed aside rather than deleted, so
 * whatever it held can still be recovered by hand, and the workbench starts empty.
 */
async function readDraftFile(filePath: string, now: Date): Promise<SavedDraft> {
  let text: string
  try {
    text = await readFile(filePath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_DRAFT
    throw error
  }
  const parsed = draftFileSchema.safeParse(parseJson(text))
  if (parsed.success) return { draft: parsed.data.draft, savedAt: parsed.data.savedAt }
  await rename(filePath, `${filePath}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`)
  return NO_DRAFT
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

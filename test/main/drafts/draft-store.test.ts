import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Handlers } from '../../../src/main/contract/dispatcher'
import { DRAFT_FILE_NAME, openDraftStore } from '../../../src/main/drafts/draft-store'
import { draftsHandlers } from '../../../src/main/ipc/drafts-handlers'
import { DRAFT_MAX_BYTES } from '../../../src/shared/contract/drafts'
import { makeTempDir } from '../../support/temp-dir'

let dir: ReturnType<typeof makeTempDir>
beforeEach(() => (dir = makeTempDir()))
afterEach(() => dir.remove())

const AT = new Date('2027-03-01T10:15:00.000Z')

describe('draft store', () => {
  it('has no draft before the first save', async () => {
    expect(await openDraftStore(dir.path).get()).toEqual({ draft: null, savedAt: null })
  })

  it('keeps the draft across a restart, with the time it was saved', async () => {
    await openDraftStore(dir.path, { now: () => AT }).save('{"order_number":"A-1"}')
    expect(await openDraftStore(dir.path).get()).toEqual({
      draft: '{"order_number":"A-1"}',
      savedAt: '2027-03-01T10:15:00.000Z'
    })
    expect(readdirSync(dir.path)).toEqual([DRAFT_FILE_NAME])
  })

  it('ends with the last of many quick saves, whatever order the writes finish in', async () => {
    const store = openDraftStore(dir.path)
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(`draft ${i}`)))
    expect((await store.get()).draft).toBe('draft 19')
    expect(readdirSync(dir.path)).toEqual([DRAFT_FILE_NAME])
  })

  it('clears after the saves queued before it, so a late save cannot bring the draft back', async () => {
    const store = openDraftStore(dir.path)
    const saving = store.save('typed just before "New order"')
    await store.clear()
    await saving
    expect(await store.get()).toEqual({ draft: null, savedAt: null })
    expect(existsSync(store.filePath)).toBe(false)
  })

  it('clearing without a draft is not an error', async () => {
    await expect(openDraftStore(dir.path).clear()).resolves.toBeUndefined()
  })

  it('sets an unreadable file aside instead of losing it, and starts empty', async () => {
    const path = join(dir.path, DRAFT_FILE_NAME)
    writeFileSync(path, '{"version":1,"draft":')
    expect(await openDraftStore(dir.path, { now: () => AT }).get()).toEqual({ draft: null, savedAt: null })
    const kept = `${DRAFT_FILE_NAME}.unreadable-2027-03-01T10-15-00-000Z`
    expect(readdirSync(dir.path)).toEqual([kept])
    expect(readFileSync(join(dir.path, kept), 'utf8')).toBe('{"version":1,"draft":')
  })

  it('sets aside JSON that is not a draft file', async () => {
    writeFileSync(join(dir.path, DRAFT_FILE_NAME), JSON.stringify({ version: 2, draft: 'x' }))
    expect(await openDraftStore(dir.path).get()).toEqual({ draft: null, savedAt: null })
    expect(readdirSync(dir.path)).toEqual([expect.stringMatching(/^order-draft\.json\.unreadable-/)])
  })
})

describe('drafts.* through the dispatcher', () => {
  function call() {
    const dispatch = createDispatcher(draftsHandlers({ dataDir: dir.path }) as Handlers)
    return async (method: string, input: unknown = {}) => dispatch(method, input)
  }

  it('saves, reads back and clears', async () => {
    const invoke = call()
    const saved = await invoke('drafts.save', { draft: 'form' })
    expect(saved).toMatchObject({ ok: true, data: { savedAt: expect.any(String) } })
    expect(await invoke('drafts.get')).toMatchObject({ ok: true, data: { draft: 'form' } })
    expect(await invoke('drafts.clear')).toEqual({ ok: true, data: { cleared: true } })
    expect(await invoke('drafts.get')).toEqual({ ok: true, data: { draft: null, savedAt: null } })
  })

  it('refuses a draft over 2 MB, counted in UTF-8 bytes, and keeps the previous one', async () => {
    const invoke = call()
    await invoke('drafts.save', { draft: 'previous' })
    // 700,000 "€" are fewer than 2 MB characters but 2.1 MB of UTF-8.
    const result = await invoke('drafts.save', { draft: '€'.repeat(700_000) })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: {
          issues: [{ path: ['draft'], message: 'The draft is larger than 2 MB and was not saved.' }]
        }
      }
    })
    expect(await invoke('drafts.get')).toMatchObject({ ok: true, data: { draft: 'previous' } })
  })

  it('accepts a draft of exactly 2 MB', async () => {
    const result = await call()('drafts.save', { draft: 'x'.repeat(DRAFT_MAX_BYTES) })
    expect(result.ok).toBe(true)
  })
})

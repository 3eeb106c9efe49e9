import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src/main/settings/atomic-write'
import { makeTempDir } from '../../support/temp-dir'

let dir: ReturnType<typeof makeTempDir>
beforeEach(() => (dir = makeTempDir()))
afterEach(() => dir.remove())

it('replaces the whole file and leaves only the target behind', async () => {
  const target = join(dir.path, 'settings.json')
  writeFileSync(target, 'old content that is longer than the new one')
  await writeFileAtomic(target, 'new')
  expect(readFileSync(target, 'utf8')).toBe('new')
  expect(readdirSync(dir.path)).toEqual(['settings.json'])
})

it('removes its temporary file when the final rename fails', async () => {
  const target = join(dir.path, 'settings.json')
  mkdirSync(join(target, 'occupied'), { recursive: true })
  await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({
    code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/)
  })
  expect(readdirSync(dir.path)).toEqual(['settings.json'])
})

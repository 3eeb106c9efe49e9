import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract/errors'
import { openSettingsStore } from '../../../src/main/settings/store'
import { makeTempDir } from '../../support/temp-dir'

let dir: ReturnType<typeof makeTempDir>
let settingsPath: string
beforeEach(() => {
  dir = makeTempDir()
  settingsPath = join(dir.path, 'settings.json')
})
afterEach(() => dir.remove())

const AT = new Date('2026-03-04T05:06:07.089Z')

describe('first start', () => {
  it('selects the local sandbox, offers sandbox and an empty production, and writes nothing yet', async () => {
    const store = await openSettingsStore(dir.path)
    expect(store.loadWarning).toBeNull()
    expect(store.selectedEnvironment().id).toBe('local')
    expect(store.environments()).toEqual([
      { id: 'local', label: 'Local sandbox (built in)', kind: 'local', baseUrl: 'embedded' },
      { id: 'sandbox', label: 'Teak sandbox', kind: 'sandbox', baseUrl: 'https://api.sandbox.helloteak.com' },
      { id: 'production', label: 'Production', kind: 'production', baseUrl: '' }
    ])
    expect(store.current()).toMatchObject({ importConcurrency: 4, tokenReuse: false })
    expect(existsSync(settingsPath)).toBe(false)
  })
})

describe('persistence', () => {
  it('keeps every change across a restart', async () => {
    const store = await openSettingsStore(dir.path)
    const id = await store.saveEnvironment({ label: 'EU staging', baseUrl: 'https://staging.example.eu' })
    await store.saveEnvironment({ id: 'production', label: 'Production', baseUrl: 'https://api.example.com' })
    await store.selectEnvironment(id)
    await store.update({ importConcurrency: 9, tokenReuse: true })

    const reopened = await openSettingsStore(dir.path)
    expect(reopened.loadWarning).toBeNull()
    expect(reopened.selectedEnvironment()).toEqual({
      id: 'eu-staging',
      label: 'EU staging',
      kind: 'custom',
      baseUrl: 'https://staging.example.eu'
    })
    expect(reopened.environment('production').baseUrl).toBe('https://api.example.com')
    expect(reopened.current()).toMatchObject({ importConcurrency: 9, tokenReuse: true })
  })

  it('writes atomically: concurrent changes all land and no temporary file is left behind', async () => {
    const store = await openSettingsStore(dir.path)
    await Promise.all([
      store.saveEnvironment({ label: 'One', baseUrl: 'https://one.example.com' }),
      store.saveEnvironment({ label: 'Two', baseUrl: 'https://two.example.com' }),
      store.update({ importConcurrency: 2 }),
      store.saveEnvironment({ label: 'Three', baseUrl: 'http://127.0.0.1:8080' })
    ])
    expect(readdirSync(dir.path)).toEqual(['settings.json'])
    const onDisk = JSON.parse(readFileSync(settingsPath, 'utf8'))
    expect(onDisk.customEnvironments.map((env: { id: string }) => env.id)).toEqual(['one', 'two', 'three'])
    expect(onDisk.importConcurrency).toBe(2)
  })

  it('leaves memory and file unchanged when a change is refused', async () => {
    const store = await openSettingsStore(dir.path)
    await store.update({ importConcurrency: 3 })
    const before = readFileSync(settingsPath, 'utf8')
    await expect(store.selectEnvironment('nope')).rejects.toMatchObject({ code: 'not_found' })
    await expect(store.update({ importConcurrency: 17 })).rejects.toThrow()
    expect(store.current().importConcurrency).toBe(3)
    expect(store.selectedEnvironment().id).toBe('local')
    expect(readFileSync(settingsPath, 'utf8')).toBe(before)
    expect(readdirSync(dir.path)).toEqual(['settings.json'])
  })
})

describe('a damaged settings file', () => {
  const cases = [
    ['garbage', '{"version": 1, "selectedEnv', /not valid JSON/],
    ['schema-invalid JSON', JSON.stringify({ version: 1, importConcurrency: 99 }), /importConcurrency/],
    [
      'a selection that names no environment',
      JSON.stringify({ version: 1, selectedEnvironment: 'gone' }),
      /selectedEnvironment/
    ],
    [
      'a plain-http production address',
      JSON.stringify({ version: 1, production: { label: 'Production', baseUrl: 'http://127.0.0.1:9' } }),
      /production\.baseUrl/
    ]
  ] as const

  it.each(cases)(
    '%s: is kept as a backup, defaults are used, and the warning says so',
    async (_, content, why) => {
      writeFileSync(settingsPath, content)
      const store = await openSettingsStore(dir.path, { now: () => AT })

      const backup = 'settings.json.corrupt-2026-03-04T05-06-07-089Z'
      expect(readdirSync(dir.path)).toEqual([backup])
      expect(readFileSync(join(dir.path, backup), 'utf8')).toBe(content)
      expect(store.environments().map((env) => env.id)).toEqual(['local', 'sandbox', 'production'])
      expect(store.selectedEnvironment().id).toBe('local')
      expect(store.current().importConcurrency).toBe(4)
      expect(store.loadWarning).toMatch(why)
      expect(store.loadWarning).toContain(backup)
      expect(store.loadWarning).toContain('default settings')
    }
  )

  it('is not reported again once a change has written a good file', async () => {
    writeFileSync(settingsPath, 'not json')
    const store = await openSettingsStore(dir.path, { now: () => AT })
    await store.update({ tokenReuse: true })
    const reopened = await openSettingsStore(dir.path)
    expect(reopened.loadWarning).toBeNull()
    expect(reopened.current().tokenReuse).toBe(true)
  })

  it('loads a hand-edited file, or one from an older version that lacks newer fields', async () => {
    const custom = { id: 'edited', label: 'Edited', baseUrl: 'HTTPS://Edited.example.com/' }
    writeFileSync(
      settingsPath,
      JSON.stringify({ version: 1, selectedEnvironment: 'sandbox', customEnvironments: [custom] })
    )
    const store = await openSettingsStore(dir.path)
    expect(store.loadWarning).toBeNull()
    expect(store.selectedEnvironment().id).toBe('sandbox')
    expect(store.environment('edited').baseUrl).toBe('https://edited.example.com')
    expect(store.current()).toMatchObject({ importConcurrency: 4, tokenReuse: false })
  })
})

describe('environments', () => {
  it('gives new custom environments a slug id from the label, unique even when labels look alike', async () => {
    const store = await openSettingsStore(dir.path)
    expect(await store.saveEnvironment({ label: 'Pré-prod Zürich', baseUrl: 'https://a.example.com' })).toBe(
      'pre-prod-zurich'
    )
    expect(await store.saveEnvironment({ label: 'pre prod zurich!', baseUrl: 'https://b.example.com' })).toBe(
      'pre-prod-zurich-2'
    )
    expect(await store.saveEnvironment({ label: 'Sandbox', baseUrl: 'https://c.example.com' })).toBe(
      'sandbox-2'
    )
    expect(await store.saveEnvironment({ label: '***', baseUrl: 'https://d.example.com' })).toBe('custom')
  })

  it('refuses a second environment with the same name, naming the field', async () => {
    const store = await openSettingsStore(dir.path)
    const refused = store.saveEnvironment({ label: 'teak SANDBOX', baseUrl: 'https://x.example.com' })
    await expect(refused).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'There is already an environment called "Teak sandbox". Choose another name.',
      details: { issues: [{ path: ['label'] }] }
    })
  })

  it('edits a custom environment in place, keeping its id', async () => {
    const store = await openSettingsStore(dir.path)
    const id = await store.saveEnvironment({ label: 'Staging', baseUrl: 'https://old.example.com' })
    expect(
      await store.saveEnvironment({ id, label: 'Staging (new)', baseUrl: 'https://new.example.com' })
    ).toBe(id)
    expect(store.environment(id)).toEqual({
      id,
      label: 'Staging (new)',
      kind: 'custom',
      baseUrl: 'https://new.example.com'
    })
  })

  it('accepts only https for production', async () => {
    const store = await openSettingsStore(dir.path)
    await expect(
      store.saveEnvironment({ id: 'production', label: 'Production', baseUrl: 'http://localhost:8080' })
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'This address must start with https://: production is only reachable over https.',
      details: { issues: [{ path: ['baseUrl'] }] }
    })
    expect(store.environment('production').baseUrl).toBe('')
  })

  it('refuses to change or remove the built-in local sandbox and Teak sandbox', async () => {
    const store = await openSettingsStore(dir.path)
    for (const id of ['local', 'sandbox']) {
      await expect(
        store.saveEnvironment({ id, label: 'Mine', baseUrl: 'https://x.example.com' })
      ).rejects.toMatchObject({ code: 'forbidden' })
      await expect(store.removeEnvironment(id)).rejects.toMatchObject({ code: 'forbidden' })
    }
    await expect(store.removeEnvironment('production')).rejects.toMatchObject({ code: 'forbidden' })
    await expect(store.removeEnvironment('nope')).rejects.toBeInstanceOf(AppError)
  })

  it('selects the local sandbox again when the selected custom environment is removed', async () => {
    const store = await openSettingsStore(dir.path)
    const id = await store.saveEnvironment({ label: 'Temp', baseUrl: 'https://temp.example.com' })
    await store.selectEnvironment(id)
    await store.removeEnvironment(id)
    expect(store.environments().map((env) => env.id)).toEqual(['local', 'sandbox', 'production'])
    expect(store.selectedEnvironment().id).toBe('local')
  })

  it('requires confirmation for production only', async () => {
    const store = await openSettingsStore(dir.path)
    const id = await store.saveEnvironment({ label: 'Custom', baseUrl: 'https://custom.example.com' })
    expect(['local', 'sandbox', 'production', id].map((envId) => store.requiresConfirmation(envId))).toEqual([
      false,
      false,
      true,
      false
    ])
    expect(() => store.requiresConfirmation('nope')).toThrow(/There is no environment "nope"/)
  })
})

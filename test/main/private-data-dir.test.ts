import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDraftStore } from '../../src/main/drafts/draft-store'
import { createImportService } from '../../src/main/import/import-service'
import { logInternalError } from '../../src/main/log'
import { openEnvironmentClient } from '../../src/main/orders/teak-client-for'
import { createServices, type Services } from '../../src/main/services'
import { backlogCsv } from '../shared/import/csv-fixtures'
import { makeTempDir } from '../support/temp-dir'

/** What an older version would have left in these files: enough for them to load. */
const CONTENT: Record<string, string> = {
  'settings.json': '{"version":1}',
  'order-draft.json': '{"version":1,"savedAt":"2026-01-01T00:00:00.000Z","draft":"{}"}',
  'local-sandbox.json': '{"version":1,"orders":[]}'
}

const modeOf = (path: string) => statSync(path).mode & 0o777

/** Every folder and file under `dir` with its mode, as `{ 'imports/x.csv': 0o600 }`. */
function modesUnder(dir: string): Record<string, number> {
  const modes: Record<string, number> = { '.': modeOf(dir) }
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    modes[name] = modeOf(join(dir, name))
  return modes
}

/**
 * The data folder holds customer names, emails, phones and addresses: on POSIX, no other user may read it or
 * anything Teak Desk writes in it. Reports go where the person chooses and are not held to this.
 */
describe.runIf(process.platform !== 'win32')('the data folder is private', () => {
  const dirs: ReturnType<typeof makeTempDir>[] = []
  let services: Services | undefined
  afterEach(async () => {
    await services?.close()
    services = undefined
    for (const dir of dirs.splice(0)) dir.remove()
  })

  function dataDir(): string {
    const dir = makeTempDir()
    dirs.push(dir)
    return join(dir.path, 'Teak Desk')
  }

  it('is created 0700, and every file written in it is 0600 (journal with -wal and -shm, drafts, settings, kept imports, sandbox state, logs)', async () => {
    const home = dataDir()
    services = await createServices({ dataDir: home, version: 'test', host: 'browser' })
    await services.settings.update({ tokenReuse: true })
    await openDraftStore(home).save('{"order_number":"D-1"}')
    await createImportService(services).preview({
      fileName: 'backlog.csv',
      text: backlogCsv([{ order_number: 'PRIV-1' }]),
      missingTokenAsOptIn: true
    })
    logInternalError(home)('test', new Error('an unexpected failure'))
    const { client } = await openEnvironmentClient(services, 'local')
    await client.createOrder({
      order_number: 'PRIV-1',
      currency: 'USD',
      items: [{ name: 'Seat', reference_number: 'PRIV-1-1', cost: '10' }]
    })
    client.close()

    const open = modesUnder(home)
    expect(Object.keys(open)).toEqual(
      expect.arrayContaining(['journal.sqlite', 'journal.sqlite-wal', 'journal.sqlite-shm', 'settings.json'])
    )
    await services.close()
    services = undefined
    const modes = { ...open, ...modesUnder(home) }
    expect(Object.keys(modes)).toEqual(
      expect.arrayContaining(['order-draft.json', 'local-sandbox.json', 'imports', join('logs', 'main.log')])
    )
    for (const [name, mode] of Object.entries(modes)) {
      const folder = name === '.' || name === 'imports' || name === 'logs'
      expect({ name, mode: mode.toString(8) }).toEqual({ name, mode: folder ? '700' : '600' })
    }
  })

  it('makes what an older version left readable private on start, and leaves files not its own alone', async () => {
    const home = dataDir()
    mkdirSync(join(home, 'imports'), { recursive: true })
    mkdirSync(join(home, 'logs'))
    const ours = [
      'settings.json',
      'settings.json.corrupt-2026-01-01T00-00-00-000Z',
      'order-draft.json',
      'local-sandbox.json'
    ]
    for (const name of [
      ...ours,
      'notes.txt',
      join('imports', '0b1e6a4e-5c1f-4f5e-9c1e-2b9f0c6f7a11.csv'),
      join('logs', 'main.log')
    ])
      writeFileSync(join(home, name), CONTENT[name] ?? 'x', { mode: 0o644 })
    for (const folder of ['.', 'imports', 'logs']) chmodSync(join(home, folder), 0o755)

    services = await createServices({ dataDir: home, version: 'test', host: 'browser' })
    const modes = modesUnder(home)
    expect(modes).toMatchObject({
      '.': 0o700,
      imports: 0o700,
      logs: 0o700,
      [join('logs', 'main.log')]: 0o600
    })
    for (const name of ['journal.sqlite', ...ours])
      expect({ name, mode: modes[name] }).toEqual({ name, mode: 0o600 })
    expect(modes['notes.txt']).toBe(0o644)
  })
})

import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterAll, describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import type { KeyPair } from '../../../src/main/secrets/secret-store'
import { keychainForTests, testKeychainService } from './support/keychain'
import { runFixture } from './support/run-script'

const keychain = await keychainForTests()

function digestOf(pair: KeyPair): string {
  return createHash('sha256').update(`${pair.publicKey}\n${pair.secretKey}`).digest('hex')
}

function freshPair(): KeyPair & { baseUrl: string } {
  return {
    publicKey: `pk_test_${randomBytes(4).toString('hex')}`,
    secretKey: `sk_${randomBytes(16).toString('hex')}`,
    baseUrl: `https://${randomBytes(4).toString('hex')}.example`
  }
}

describe.runIf(keychain.run)(keychain.title('the system keychain'), () => {
  const service = testKeychainService()
  const store = createKeytarSecretStore({ service })
  const readElsewhere = (envId: string, expected: KeyPair) =>
    runFixture('read-keychain.ts', [service, envId, digestOf(expected)])

  afterAll(async () => {
    for (const envId of ['sandbox', 'one', 'two', 'broken']) await store.delete(envId)
  })

  it('keeps a pair that another process reads back, replaces it, and deletes it', async () => {
    const first = freshPair()
    await store.set('sandbox', first)
    expect(await readElsewhere('sandbox', first)).toEqual({ found: true, matched: true })

    const second = freshPair()
    await store.set('sandbox', second)
    expect(await store.get('sandbox')).toEqual(second)
    expect(await readElsewhere('sandbox', second)).toEqual({ found: true, matched: true })

    expect(await store.delete('sandbox')).toBe(true)
    expect(await readElsewhere('sandbox', second)).toEqual({ found: false, matched: false })
    expect(await store.get('sandbox')).toBeNull()
    expect(await store.delete('sandbox')).toBe(false)
  })

  it('stores one JSON pair and the address it was saved for per environment id under its service', async () => {
    const one = freshPair()
    const two = freshPair()
    await store.set('one', one)
    await store.set('two', two)
    expect(JSON.parse((await keytar.getPassword(service, 'one')) ?? 'null')).toEqual(one)
    await store.delete('one')
    expect(await store.get('one')).toBeNull()
    expect(await store.get('two')).toEqual(two)
    expect(await keytar.getPassword(`${service}-other`, 'two')).toBeNull()
  })

  it('reports an entry it cannot read without quoting it', async () => {
    await keytar.setPassword(service, 'broken', 'sk_not_json_secret')
    const failure = store.get('broken')
    await expect(failure).rejects.toMatchObject({
      code: 'no_credentials',
      message:
        'The keys stored in the system keychain for "broken" are unreadable. Enter them again in Settings.'
    })
  })
})

describe.runIf(process.platform === 'linux')('without a keychain (no D-Bus session, no display)', () => {
  const runtimeDir = mkdtempSync(join(tmpdir(), 'teak-desk-no-bus-'))
  afterAll(() => rmSync(runtimeDir, { recursive: true, force: true }))

  it('fails with keychain_unavailable naming the cause and the alternatives, and the demo still works', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: runtimeDir }
    for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY']) delete env[name]
    const result = (await runFixture('without-keychain.ts', [testKeychainService()], env)) as Record<
      string,
      unknown
    >

    const unavailable = {
      code: 'keychain_unavailable',
      message: expect.stringMatching(
        /^The system keychain is not available \(Cannot autolaunch D-Bus without X11 \$DISPLAY\)\. .*gnome-keyring.* set TEAK_PUBLIC_KEY and TEAK_SECRET_KEY instead\.$/
      )
    }
    expect(result).toEqual({
      get: unavailable,
      set: unavailable,
      delete: unavailable,
      local: { value: 'demo' },
      sandbox: unavailable,
      sandboxFromVariables: { value: 'environment' }
    })
    expect(JSON.stringify(result)).not.toContain('sk_never_printed')
  })
})

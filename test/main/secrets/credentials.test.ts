import keytar from 'keytar'
import { afterAll, describe, expect, it } from 'vitest'
import {
  credentialsForSending,
  credentialsFromVariables,
  keyVariablesFor,
  resolveCredentials,
  unusedVariablesNote
} from '../../../src/main/secrets/credentials'
import { keychainUnavailable } from '../../../src/main/secrets/keychain-errors'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import type { SecretStore } from '../../../src/main/secrets/secret-store'
import { findEnvironment, type Environment } from '../../../src/main/settings/environments'
import { defaultSettings } from '../../../src/main/settings/settings-file'
import { keychainForTests, testKeychainService } from './support/keychain'

const keychain = await keychainForTests()
const service = testKeychainService()
const store = createKeytarSecretStore({ service })

const builtIn = (id: string): Environment => findEnvironment(defaultSettings(), id)
const staging = (baseUrl: string): Environment => ({
  id: 'staging',
  label: 'Staging',
  kind: 'custom',
  baseUrl
})
/** A store whose every call fails as a missing keychain does. */
const unavailableStore: SecretStore = {
  get: () => Promise.reject(keychainUnavailable('no Secret Service in this test')),
  set: () => Promise.reject(keychainUnavailable('no Secret Service in this test')),
  delete: () => Promise.reject(keychainUnavailable('no Secret Service in this test'))
}
const VARIABLES = { TEAK_PUBLIC_KEY: ' pk_env ', TEAK_SECRET_KEY: 'sk_env\n' }

describe('TEAK_PUBLIC_KEY and TEAK_SECRET_KEY', () => {
  it('are the keys of the one environment named for the run, trimmed, and of no other', async () => {
    const variables = keyVariablesFor(VARIABLES, 'sandbox')
    expect(await resolveCredentials(builtIn('sandbox'), { variables, store })).toEqual({
      pair: { publicKey: 'pk_env', secretKey: 'sk_env' },
      source: 'environment',
      savedForOtherAddress: null
    })
    expect(await resolveCredentials(builtIn('production'), { variables, store })).toBeNull()
    expect(await resolveCredentials(staging('https://a.example'), { variables, store })).toBeNull()
  })

  it('name their environment with TEAK_ENV when the command line names none; unnamed, they apply to nothing', async () => {
    const named = keyVariablesFor({ ...VARIABLES, TEAK_ENV: 'staging' })
    expect(named.target).toBe('staging')
    expect(await resolveCredentials(staging('https://a.example'), { variables: named, store })).toMatchObject(
      {
        source: 'environment'
      }
    )
    const unnamed = keyVariablesFor(VARIABLES)
    expect(unnamed.target).toBeNull()
    expect(await resolveCredentials(builtIn('sandbox'), { variables: unnamed, store })).toBeNull()
    expect(unusedVariablesNote(unnamed)).toBe(
      'TEAK_PUBLIC_KEY and TEAK_SECRET_KEY are used only for the environment named by TEAK_ENV (on the command line: --env or --base-url), never for the local sandbox; no environment is named, so they are ignored.'
    )
    expect(unusedVariablesNote(named)).toMatch(/; they are for "staging"\.$/)
    expect(unusedVariablesNote(keyVariablesFor({}, 'sandbox'))).toBe('')
  })

  it('never apply to the embedded local sandbox, even when it is named', async () => {
    const variables = keyVariablesFor({ ...VARIABLES, TEAK_ENV: 'local' })
    expect(await resolveCredentials(builtIn('local'), { variables, store: unavailableStore })).toMatchObject({
      source: 'demo'
    })
    expect(unusedVariablesNote(variables)).toMatch(/never for the local sandbox, so they are ignored\.$/)
  })

  it('refuse a run whose command line names another environment than TEAK_ENV', () => {
    expect(() => keyVariablesFor({ ...VARIABLES, TEAK_ENV: 'staging' }, 'production')).toThrow(
      'TEAK_ENV names "staging" but this run is for "production": TEAK_PUBLIC_KEY and TEAK_SECRET_KEY are the keys of one environment. Unset TEAK_ENV, or name the same one.'
    )
    expect(keyVariablesFor({ ...VARIABLES, TEAK_ENV: 'staging' }, 'staging').target).toBe('staging')
  })

  it('only one set: a configuration error naming both variables', () => {
    expect(() => credentialsFromVariables({ TEAK_PUBLIC_KEY: 'pk_env' })).toThrow(
      'TEAK_PUBLIC_KEY is set but TEAK_SECRET_KEY is not. Set both to use keys from the environment, or neither to use the keychain.'
    )
    expect(() => credentialsFromVariables({ TEAK_SECRET_KEY: 'sk_env', TEAK_PUBLIC_KEY: '  ' })).toThrow(
      /^TEAK_SECRET_KEY is set but TEAK_PUBLIC_KEY is not\./
    )
  })

  it('neither set (or only blank): no override', () => {
    expect(credentialsFromVariables({})).toBeNull()
    expect(credentialsFromVariables({ TEAK_PUBLIC_KEY: '', TEAK_SECRET_KEY: ' ' })).toBeNull()
  })

  it('a malformed value: names the variable, never the value', () => {
    const secret = `sk_${'x'.repeat(60)}`
    let message = ''
    try {
      credentialsFromVariables({ TEAK_PUBLIC_KEY: 'pk_ok', TEAK_SECRET_KEY: secret })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe(
      'TEAK_SECRET_KEY: The secret key is too long: Teak keys have at most 55 characters, this one has 63. Copy it again from the Teak dashboard.'
    )
    expect(() => credentialsFromVariables({ TEAK_PUBLIC_KEY: 'pk a', TEAK_SECRET_KEY: 'sk' })).toThrow(
      /^TEAK_PUBLIC_KEY: The public key contains a space/
    )
  })
})

describe.runIf(keychain.run)(keychain.title('keys from the keychain'), () => {
  afterAll(async () => {
    for (const id of ['local', 'sandbox', 'staging']) await store.delete(id)
  })

  it('local uses the demo keys until others are stored, and again once they are removed', async () => {
    const local = builtIn('local')
    const demo = {
      pair: { publicKey: 'pk_local_demo', secretKey: 'sk_local_demo' },
      source: 'demo',
      savedForOtherAddress: null
    }
    expect(await resolveCredentials(local, { store })).toEqual(demo)
    await store.set('local', { publicKey: 'pk_mine', secretKey: 'sk_mine', baseUrl: local.baseUrl })
    expect(await resolveCredentials(local, { store })).toEqual({
      pair: { publicKey: 'pk_mine', secretKey: 'sk_mine' },
      source: 'keychain',
      savedForOtherAddress: null
    })
    await store.delete('local')
    expect(await resolveCredentials(local, { store })).toEqual(demo)
  })

  it('other environments have no keys until some are stored', async () => {
    const sandbox = builtIn('sandbox')
    expect(await resolveCredentials(sandbox, { store })).toBeNull()
    await store.set('sandbox', { publicKey: 'pk_sb', secretKey: 'sk_sb', baseUrl: sandbox.baseUrl })
    expect(await resolveCredentials(sandbox, { store, variables: keyVariablesFor({}) })).toMatchObject({
      source: 'keychain'
    })
  })

  it('keys saved for one address are shown but never sent once the environment points at another', async () => {
    await store.set('staging', { publicKey: 'pk_st', secretKey: 'sk_st', baseUrl: 'https://a.example' })
    expect(await credentialsForSending(staging('https://a.example'), { store })).toMatchObject({
      pair: { secretKey: 'sk_st' }
    })
    const moved = staging('https://b.example')
    expect(await resolveCredentials(moved, { store })).toMatchObject({
      source: 'keychain',
      savedForOtherAddress: 'https://a.example'
    })
    await expect(credentialsForSending(moved, { store })).rejects.toMatchObject({
      code: 'no_credentials',
      message:
        'The keys for Staging were saved for https://a.example; this environment now points at https://b.example. Enter the keys again, or confirm them for the new address.',
      details: { reason: 'address_changed', savedFor: 'https://a.example', baseUrl: 'https://b.example' }
    })
  })

  it('binds an entry written before addresses were kept to the address the environment has at its first read', async () => {
    await keytar.setPassword(service, 'staging', JSON.stringify({ publicKey: 'pk_old', secretKey: 'sk_old' }))
    expect(await store.get('staging')).toEqual({ publicKey: 'pk_old', secretKey: 'sk_old', baseUrl: null })
    expect(await credentialsForSending(staging('https://a.example'), { store })).toMatchObject({
      savedForOtherAddress: null
    })
    expect(await store.get('staging')).toEqual({
      publicKey: 'pk_old',
      secretKey: 'sk_old',
      baseUrl: 'https://a.example'
    })
    await expect(credentialsForSending(staging('https://b.example'), { store })).rejects.toMatchObject({
      details: { reason: 'address_changed' }
    })
  })
})

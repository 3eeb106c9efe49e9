import { afterAll, describe, expect, it } from 'vitest'
import { credentialsFromVariables, resolveCredentials } from '../../../src/main/secrets/credentials'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import { keychainForTests, testKeychainService } from './support/keychain'

const keychain = await keychainForTests()
const store = createKeytarSecretStore({ service: testKeychainService() })

describe('TEAK_PUBLIC_KEY and TEAK_SECRET_KEY', () => {
  it('both set: override the keychain for every environment, trimmed', async () => {
    const env = { TEAK_PUBLIC_KEY: ' pk_env ', TEAK_SECRET_KEY: 'sk_env\n' }
    for (const envId of ['local', 'sandbox', 'production']) {
      expect(await resolveCredentials(envId, { env, store })).toEqual({
        pair: { publicKey: 'pk_env', secretKey: 'sk_env' },
        source: 'environment'
      })
    }
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
    await store.delete('local')
    await store.delete('sandbox')
  })

  it('local uses the demo keys until others are stored, and again once they are removed', async () => {
    const demo = { pair: { publicKey: 'pk_local_demo', secretKey: 'sk_local_demo' }, source: 'demo' }
    expect(await resolveCredentials('local', { store, env: {} })).toEqual(demo)
    await store.set('local', { publicKey: 'pk_mine', secretKey: 'sk_mine' })
    expect(await resolveCredentials('local', { store })).toEqual({
      pair: { publicKey: 'pk_mine', secretKey: 'sk_mine' },
      source: 'keychain'
    })
    await store.delete('local')
    expect(await resolveCredentials('local', { store })).toEqual(demo)
  })

  it('other environments have no keys until some are stored', async () => {
    expect(await resolveCredentials('sandbox', { store })).toBeNull()
    await store.set('sandbox', { publicKey: 'pk_sb', secretKey: 'sk_sb' })
    expect(await resolveCredentials('sandbox', { store, env: {} })).toMatchObject({ source: 'keychain' })
  })
})

import { describe, expect, it } from 'vitest'
import { keyStatusOf, maskPublicKey } from '../../../src/main/secrets/key-status'

describe('maskPublicKey', () => {
  it.each([
    ['pk_local_demo', 'pk_l…demo'],
    ['pk_1234567890', 'pk_1…7890'],
    ['pk_12345678', '••••••••'],
    ['pk', '••••••••']
  ])('%s → %s', (key, masked) => {
    expect(maskPublicKey(key)).toBe(masked)
  })
})

describe('keyStatusOf', () => {
  it('shows the masked public key and where the keys come from, never the secret', () => {
    const status = keyStatusOf({
      pair: { publicKey: 'pk_sandbox_abcdef', secretKey: 'sk_top_secret' },
      source: 'keychain',
      savedForOtherAddress: 'https://a.example'
    })
    expect(status).toEqual({
      publicKeyMasked: 'pk_s…cdef',
      hasSecret: true,
      source: 'keychain',
      savedForOtherAddress: 'https://a.example'
    })
    expect(JSON.stringify(status)).not.toContain('sk_top')
  })

  it('shows "none" when there are no keys', () => {
    expect(keyStatusOf(null)).toEqual({
      publicKeyMasked: null,
      hasSecret: false,
      source: 'none',
      savedForOtherAddress: null
    })
  })
})

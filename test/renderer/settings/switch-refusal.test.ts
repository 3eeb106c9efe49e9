import { describe, expect, it } from 'vitest'
import {
  settingsHref,
  settingsTargetOf,
  switchRefusal
} from '../../../src/renderer/src/components/settings/switch-refusal'
import { needsKeychain } from '../../../src/renderer/src/components/settings/environment-kinds'
import { AppError } from '../../../src/shared/contract/errors'
import type { KeyStatus } from '../../../src/shared/contract/settings'

describe('a refused switch', () => {
  it('links to the Settings of the environment that lacks an address or keys', () => {
    const error = new AppError('conflict', "Production can't be used yet: it has no keys.", {
      reason: 'environment_incomplete',
      environmentId: 'production',
      missing: ['keys']
    })
    expect(switchRefusal(error)).toEqual({
      message: "Production can't be used yet: it has no keys.",
      settingsHref: '#/settings?environment=production'
    })
    expect(settingsTargetOf(settingsHref('eu staging'))).toBe('eu staging')
    expect(settingsTargetOf('#/settings')).toBeNull()
  })

  it('says any other failure as it came, without a link', () => {
    expect(switchRefusal(new AppError('internal', 'Gone.'))).toEqual({
      message: 'Could not switch: Gone.',
      settingsHref: null
    })
  })
})

describe('where the keychain matters', () => {
  const keys = (source: KeyStatus['source']): KeyStatus => ({
    publicKeyMasked: null,
    hasSecret: false,
    source,
    savedForOtherAddress: null
  })

  it('is never the local sandbox, nor an environment whose keys come from the variables', () => {
    expect(needsKeychain({ kind: 'local', keys: keys('demo') })).toBe(false)
    expect(needsKeychain({ kind: 'local', keys: keys('keychain') })).toBe(false)
    expect(needsKeychain({ kind: 'sandbox', keys: keys('environment') })).toBe(false)
    expect(needsKeychain({ kind: 'sandbox', keys: keys('none') })).toBe(true)
    expect(needsKeychain({ kind: 'production', keys: keys('keychain') })).toBe(true)
  })
})

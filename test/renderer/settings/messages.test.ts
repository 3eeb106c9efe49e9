import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract/errors'
import {
  failureTitle,
  formatDuration,
  successText
} from '../../../src/renderer/src/components/settings/connection-result'
import { environmentOptionText } from '../../../src/renderer/src/components/settings/environment-kinds'
import { formFailure } from '../../../src/renderer/src/components/settings/form-failure'
import type { ConnectionFailureReason } from '../../../src/shared/contract/settings'

describe('connection test results', () => {
  it('gives every failure reason its own heading', () => {
    const reasons: ConnectionFailureReason[] = [
      'unreachable',
      'wrong_keys',
      'tls',
      'timeout',
      'no_keys',
      'address_changed',
      'not_configured',
      'other'
    ]
    const titles = reasons.map(failureTitle)
    expect(new Set(titles).size).toBe(reasons.length)
    expect(failureTitle('wrong_keys')).toBe('Wrong keys')
    expect(failureTitle('not_configured')).toBe('Not configured')
  })

  it('says how long a successful test took', () => {
    expect(successText('Teak sandbox', 87)).toBe(
      'Connected to Teak sandbox in 87 ms: the address answers and the keys were accepted.'
    )
    expect(formatDuration(999)).toBe('999 ms')
    expect(formatDuration(1000)).toBe('1.0 s')
    expect(formatDuration(2345)).toBe('2.3 s')
  })
})

describe('form failures', () => {
  const fieldError = (path: string, message: string) =>
    new AppError('invalid_input', message, { issues: [{ path: [path], message }] })

  it('puts a problem about a field of the form under that field only', () => {
    const failure = formFailure(fieldError('label', 'There is already an environment called "X".'), [
      'label',
      'baseUrl'
    ])
    expect(failure).toEqual({
      fields: { label: 'There is already an environment called "X".' },
      message: null
    })
  })

  it('keeps the overall message when a problem is about something the form does not show', () => {
    expect(formFailure(fieldError('envId', 'Choose an environment.'), ['publicKey'])).toEqual({
      fields: {},
      message: 'Choose an environment.'
    })
    const keychain = new AppError('keychain_unavailable', 'The system keychain is not available.')
    expect(formFailure(keychain, ['publicKey'])).toEqual({
      fields: {},
      message: 'The system keychain is not available.'
    })
    expect(formFailure(new Error('Network down'), [])).toEqual({ fields: {}, message: 'Network down' })
  })
})

describe('environment switcher options', () => {
  it('marks a renamed production environment as production', () => {
    expect(environmentOptionText({ kind: 'production', label: 'Acme live' })).toBe('Acme live (production)')
    expect(environmentOptionText({ kind: 'production', label: 'Production EU' })).toBe('Production EU')
    expect(environmentOptionText({ kind: 'custom', label: 'Acme live' })).toBe('Acme live')
  })
})

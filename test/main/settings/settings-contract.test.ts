import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { issuesOf } from '../../../src/shared/contract/errors'
import { baseUrlProblem, settingsMethods } from '../../../src/shared/contract/settings'
import { DEFAULT_ASSUMPTIONS } from '../../../src/shared/teak/assumptions'

function messagesFor(method: keyof typeof settingsMethods, input: unknown): string[] {
  const parsed = settingsMethods[method].input.safeParse(input)
  return parsed.success
    ? []
    : issuesOf(parsed.error).map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('base URLs', () => {
  it.each([
    'https://api.sandbox.helloteak.com',
    'https://teak.example.com:8443/prefix',
    'http://localhost:4010',
    'http://127.0.0.1:4010',
    'http://127.10.0.1',
    'http://[::1]:4010'
  ])('accepts %s', (url) => {
    expect(baseUrlProblem(url, { httpsOnly: false })).toBeNull()
  })

  it.each([
    ['http://api.example.com', 'Plain http is only allowed for this computer (localhost or 127.0.0.1).'],
    ['http://10.0.0.5:8080', 'Plain http is only allowed for this computer'],
    ['ftp://api.example.com', 'The address must start with https://.'],
    ['api.example.com', 'Enter a full address that starts with https://'],
    ['https://user:pass@api.example.com', 'must not contain a user name or password'],
    ['https://api.example.com/?key=1', 'must not contain "?" or "#"'],
    ['https://api.example.com/#top', 'must not contain "?" or "#"']
  ])('refuses %s', (url, message) => {
    expect(baseUrlProblem(url, { httpsOnly: false })).toContain(message)
  })

  it('refuses loopback http where only https is allowed (production)', () => {
    expect(baseUrlProblem('http://localhost:4010', { httpsOnly: true })).toBe(
      'This address must start with https://: production is only reachable over https.'
    )
    expect(baseUrlProblem('https://api.example.com', { httpsOnly: true })).toBeNull()
  })

  it('trims and normalises the address a person typed', () => {
    const parsed = settingsMethods['settings.saveEnvironment'].input.parse({
      label: '  Staging  ',
      baseUrl: '  HTTPS://Staging.Example.com:443/api//  '
    })
    expect(parsed).toEqual({ label: 'Staging', baseUrl: 'https://staging.example.com/api' })
  })

  it('names the field in every message', () => {
    expect(messagesFor('settings.saveEnvironment', { label: '', baseUrl: '' })).toEqual([
      'label: Enter a name for the environment.',
      'baseUrl: Enter the address of the Teak API.'
    ])
  })
})

describe('keys', () => {
  const secret = `sk_${'s'.repeat(60)}`

  it('accepts keys up to 55 characters and trims the surrounding spaces of a paste', () => {
    const parsed = settingsMethods['settings.setKeys'].input.parse({
      envId: 'sandbox',
      publicKey: ` pk_${'p'.repeat(52)}\n`,
      secretKey: '\tsk_abc '
    })
    expect(parsed).toEqual({ envId: 'sandbox', publicKey: `pk_${'p'.repeat(52)}`, secretKey: 'sk_abc' })
  })

  it('explains what is wrong with each key without ever quoting it', () => {
    const messages = messagesFor('settings.setKeys', {
      envId: 'sandbox',
      publicKey: '   ',
      secretKey: secret
    })
    expect(messages).toEqual([
      'publicKey: Enter the public key.',
      'secretKey: The secret key is too long: Teak keys have at most 55 characters, this one has 63. Copy it again from the Teak dashboard.'
    ])
    expect(messages.join(' ')).not.toContain('sss')
    expect(
      messagesFor('settings.setKeys', { envId: 'sandbox', publicKey: 'pk_a', secretKey: 'sk_a b' })
    ).toEqual([
      'secretKey: The secret key contains a space or line break. Copy it again from the Teak dashboard.'
    ])
  })
})

describe('other inputs', () => {
  it('keeps the import concurrency between 1 and 16', () => {
    expect(messagesFor('settings.update', { importConcurrency: 0 })).toEqual([
      'importConcurrency: Submit at least 1 order at a time.'
    ])
    expect(messagesFor('settings.update', { importConcurrency: 17 })).toEqual([
      'importConcurrency: Submit at most 16 orders at a time.'
    ])
    expect(messagesFor('settings.update', { importConcurrency: 2.5 })).toEqual([
      'importConcurrency: The number of parallel submissions must be a whole number.'
    ])
    expect(messagesFor('settings.update', { importConcurrency: 16, tokenReuse: true })).toEqual([])
  })

  it('never offers the secret key in any output', () => {
    const outputs = Object.values(settingsMethods).map((spec) => JSON.stringify(z.toJSONSchema(spec.output)))
    expect(outputs[0]).toContain('publicKeyMasked')
    for (const schema of outputs) expect(schema).not.toMatch(/secretKey/i)
  })

  it('strips a secret a handler might add by mistake before it crosses the boundary', () => {
    const keys = {
      publicKeyMasked: 'pk_l…demo',
      hasSecret: true,
      source: 'keychain',
      savedForOtherAddress: null,
      secretKey: 'sk_leak'
    }
    const env = {
      id: 'local',
      label: 'L',
      kind: 'local',
      baseUrl: 'embedded',
      keys,
      requiresConfirmation: false,
      assumptions: DEFAULT_ASSUMPTIONS
    }
    const view = settingsMethods['settings.get'].output.parse({
      environments: [env],
      selectedEnvironment: 'local',
      importConcurrency: 4,
      tokenReuse: false,
      loadWarning: null,
      credentialsProblem: null,
      keychainProblem: null
    })
    expect(JSON.stringify(view)).not.toContain('sk_leak')
  })
})

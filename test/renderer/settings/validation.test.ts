import { describe, expect, it } from 'vitest'
import {
  addressProblem,
  keyFieldProblem,
  labelProblem,
  parseConcurrency
} from '../../../src/renderer/src/components/settings/validation'

describe('key fields', () => {
  it('accepts a key of up to 55 characters once the spaces around it are trimmed', () => {
    expect(keyFieldProblem(`  ${'k'.repeat(55)}\n`, 'public key')).toBeNull()
  })

  it('says which key is missing, too long, or broken by a space, without quoting it', () => {
    expect(keyFieldProblem('   ', 'secret key')).toBe('Enter the secret key.')
    const tooLong = 's'.repeat(56)
    expect(keyFieldProblem(tooLong, 'secret key')).toContain('this one has 56')
    expect(keyFieldProblem(tooLong, 'secret key')).not.toContain(tooLong)
    expect(keyFieldProblem('sk_abc def', 'secret key')).toMatch(/^The secret key contains a space/)
  })
})

describe('environment name', () => {
  it('needs a name of at most 60 characters', () => {
    expect(labelProblem('EU staging')).toBeNull()
    expect(labelProblem('   ')).toBe('Enter a name for the environment.')
    expect(labelProblem('n'.repeat(61))).toBe('The name can have at most 60 characters.')
  })
})

describe('API address', () => {
  it('allows plain http only for this computer, and never for production', () => {
    expect(addressProblem('http://127.0.0.1:8080', { httpsOnly: false })).toBeNull()
    expect(addressProblem('http://127.0.0.1:8080', { httpsOnly: true })).toContain('must start with https://')
    expect(addressProblem('http://staging.example.com', { httpsOnly: false })).toContain(
      'only allowed for this computer'
    )
    expect(addressProblem(' https://api.example.com/ ', { httpsOnly: true })).toBeNull()
  })

  it('explains an empty or partial address', () => {
    expect(addressProblem('', { httpsOnly: false })).toBe('Enter the address of the Teak API.')
    expect(addressProblem('api.example.com', { httpsOnly: false })).toMatch(/^Enter a full address/)
  })
})

describe('orders sent at the same time', () => {
  it('reads a whole number from 1 to 16', () => {
    expect(parseConcurrency(' 16 ')).toEqual({ ok: true, value: 16 })
    expect(parseConcurrency('1')).toEqual({ ok: true, value: 1 })
  })

  it('refuses anything else with the reason', () => {
    expect(parseConcurrency('0')).toEqual({ ok: false, problem: 'Submit at least 1 order at a time.' })
    expect(parseConcurrency('17')).toEqual({ ok: false, problem: 'Submit at most 16 orders at a time.' })
    for (const raw of ['', '2.5', '-3', 'four', '1e1']) {
      expect(parseConcurrency(raw)).toEqual({ ok: false, problem: 'Enter a whole number from 1 to 16.' })
    }
  })
})

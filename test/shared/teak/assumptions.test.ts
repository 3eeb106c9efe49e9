import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { apiPath } from '../../../src/shared/teak/api-paths'
import {
  ASSUMPTION_LEVELS,
  ASSUMPTION_NAMES,
  ASSUMPTION_TABLE,
  assumptionChangesSchema,
  assumptionOverridesSchema,
  DEFAULT_ASSUMPTIONS,
  parseAssumption,
  resolveAssumptions,
  RULE_NAMES,
  ruleLevelsOf
} from '../../../src/shared/teak/assumptions'
import { textLength } from '../../../src/shared/teak/text-length'

describe('the assumption table', () => {
  it('gives every assumption a unique name, a label, a reason, a source and a default among its choices', () => {
    expect(new Set(ASSUMPTION_NAMES).size).toBe(ASSUMPTION_TABLE.length)
    for (const row of ASSUMPTION_TABLE) {
      expect(row.label.length, row.name).toBeGreaterThan(10)
      expect(row.reason.length, row.name).toBeGreaterThan(20)
      expect(row.source.length, row.name).toBeGreaterThan(5)
      expect(row.choices, row.name).toContain(row.default)
      for (const choice of row.choices) expect(row.choiceLabels[choice], `${row.name}=${choice}`).toBeTruthy()
    }
  })

  it('lists the undocumented rules the issue names, each defaulting to warn', () => {
    expect(RULE_NAMES).toEqual(
      expect.arrayContaining([
        'billingZipCode',
        'customerName',
        'eventEndsAfterStart',
        'paymentTypeInvoice',
        'countryTwoLetters',
        'itemName',
        'timeNeedsDate',
        'costLooksLikeThousands',
        'missingTokenOptIn'
      ])
    )
    for (const name of RULE_NAMES) {
      expect(DEFAULT_ASSUMPTIONS[name]).toBe('warn')
      expect(ASSUMPTION_TABLE.find((row) => row.name === name)?.choices).toEqual(ASSUMPTION_LEVELS)
    }
  })

  it('defaults the wire assumptions to the documented or likeliest answer', () => {
    expect(DEFAULT_ASSUMPTIONS).toMatchObject({
      authPath: '/api/v2/auth/token/',
      orderIdKind: 'protecht_order_id',
      policyIdKind: 'policy_number',
      trailingSlash: 'as_documented'
    })
  })

  it('is listed whole in the README, with each default and source', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
    for (const row of ASSUMPTION_TABLE) {
      const line = readme.split('\n').find((text) => text.startsWith(`| \`${row.name}\``))
      expect(line, row.name).toBeDefined()
      expect(line, row.name).toContain(row.default)
      expect(line, row.name).toContain(row.source)
    }
  })

  it("resolves an environment's choices over the defaults, later ones winning and gaps ignored", () => {
    const settings = resolveAssumptions(
      { billingZipCode: 'off', authPath: '/api/v2/auth/token' },
      { billingZipCode: 'block', itemName: undefined },
      undefined
    )
    expect(settings).toEqual({
      ...DEFAULT_ASSUMPTIONS,
      billingZipCode: 'block',
      authPath: '/api/v2/auth/token'
    })
    expect(ruleLevelsOf(settings)).toMatchObject({ billingZipCode: 'block', itemName: 'warn' })
    expect(Object.keys(ruleLevelsOf(settings))).toEqual(RULE_NAMES)
  })
})

describe('reading choices', () => {
  it('parses name=value as --assume takes it', () => {
    expect(parseAssumption('billingZipCode=off')).toEqual({ ok: true, name: 'billingZipCode', value: 'off' })
    expect(parseAssumption(' trailingSlash = never ')).toEqual({
      ok: true,
      name: 'trailingSlash',
      value: 'never'
    })
  })

  it.each([
    ['zip=off', /^There is no assumption "zip"\. Valid names: billingZipCode, .*, authPath, orderIdKind/],
    ['billingZipCode', /^"billingZipCode" is not name=value\. Valid names: /],
    ['=off', /is not name=value/],
    ['billingZipCode=maybe', /^"maybe" is not a setting of billingZipCode; use block, warn, off\.$/],
    ['authPath=/auth', /use \/api\/v2\/auth\/token\/, \/api\/v2\/auth\/token\.$/]
  ])('refuses %j, naming what is valid', (text, problem) => {
    const parsed = parseAssumption(text)
    expect(parsed.ok).toBe(false)
    expect(parsed.ok ? '' : parsed.problem).toMatch(problem)
  })

  it('drops names it does not know from a stored file, but refuses them from the page', () => {
    expect(assumptionOverridesSchema.parse({ billingZipCode: 'off', fromTheFuture: 'warn' })).toEqual({
      billingZipCode: 'off'
    })
    expect(assumptionOverridesSchema.safeParse({ billingZipCode: 'sometimes' }).success).toBe(false)
    expect(assumptionChangesSchema.safeParse({ fromTheFuture: 'warn' }).success).toBe(false)
    expect(assumptionChangesSchema.safeParse({}).success).toBe(false)
    expect(assumptionChangesSchema.parse({ orderIdKind: 'order_number' })).toEqual({
      orderIdKind: 'order_number'
    })
  })
})

describe('apiPath (the trailingSlash assumption)', () => {
  it.each([
    ['/api/v2/orders', 'as_documented', '/api/v2/orders'],
    ['/api/v2/orders', 'always', '/api/v2/orders/'],
    ['/api/v2/orders', 'never', '/api/v2/orders'],
    ['/api/v2/orders/A-1/', 'as_documented', '/api/v2/orders/A-1/'],
    ['/api/v2/orders/A-1/', 'always', '/api/v2/orders/A-1/'],
    ['/api/v2/orders/A-1/', 'never', '/api/v2/orders/A-1'],
    ['/api/v2/policies/P-1/cancel', 'always', '/api/v2/policies/P-1/cancel/']
  ] as const)('%s, %s → %s', (documented, form, path) => {
    expect(apiPath(documented, form)).toBe(path)
  })
})

describe('textLength (one count for every 255 limit)', () => {
  it.each([
    ['', 0],
    ['Ticket', 6],
    ['🎫', 1],
    ['🎫🎫 VIP', 6],
    ['e\u0301', 2],
    ['\uD800', 1]
  ])('%j has %i characters', (text, length) => {
    expect(textLength(text)).toBe(length)
  })
})

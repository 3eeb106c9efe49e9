import { z } from 'zod'
import { assumptionChangesSchema, assumptionSettingsSchema } from '../teak/assumptions'
import { environmentSummarySchema, noInput } from './app'
import { method } from './define'
import { IMPORT_CONCURRENCY } from './import-concurrency'

export { IMPORT_CONCURRENCY }

/** Teak: public and secret keys "will never exceed 55 characters in length" (contract notes §2.1, AUTHG). */
export const KEY_MAX_LENGTH = 55
export const ENVIRONMENT_LABEL_MAX_LENGTH = 60
export const BASE_URL_MAX_LENGTH = 300
/** The `baseUrl` of the local environment: the embedded sandbox picks a free loopback port at run time. */
export const EMBEDDED_BASE_URL = 'embedded'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Why `raw` cannot be the address of a Teak API, or null if it can. Teak refuses plain http (AUTHG), so http is
 * only allowed for this computer (a local emulator), and never where `httpsOnly` is asked for (production).
 */
export function baseUrlProblem(raw: string, rule: { httpsOnly: boolean }): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'Enter a full address that starts with https://, for example https://api.example.com.'
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname)
  if (url.protocol === 'http:') {
    if (rule.httpsOnly)
      return 'This address must start with https://: production is only reachable over https.'
    if (!loopback) {
      return 'The address must start with https://. Plain http is only allowed for this computer (localhost or 127.0.0.1).'
    }
  } else if (url.protocol !== 'https:') {
    return 'The address must start with https://.'
  }
  if (url.username || url.password) return 'The address must not contain a user name or password.'
  if (url.search || url.hash) return 'The address must not contain "?" or "#": enter only the server address.'
  return null
}

/** The canonical spelling of an address that passed `baseUrlProblem`: no trailing slash, as paths are appended. */
export function normalizeBaseUrl(raw: string): string {
  const url = new URL(raw)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

function keySchema(name: 'public key' | 'secret key') {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = keyProblem(value, name)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
}

/** Why `value` (already trimmed) cannot be a Teak key. Never quotes the value: it may be a secret. */
export function keyProblem(value: string, name: 'public key' | 'secret key'): string | null {
  if (value.length === 0) return `Enter the ${name}.`
  if (value.length > KEY_MAX_LENGTH) {
    return `The ${name} is too long: Teak keys have at most ${KEY_MAX_LENGTH} characters, this one has ${value.length}. Copy it again from the Teak dashboard.`
  }
  if (/\s/.test(value))
    return `The ${name} contains a space or line break. Copy it again from the Teak dashboard.`
  return null
}

export const environmentIdSchema = z.string().min(1, 'Choose an environment.').max(100)

export const environmentLabelSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name for the environment.')
  .max(ENVIRONMENT_LABEL_MAX_LENGTH, `The name can have at most ${ENVIRONMENT_LABEL_MAX_LENGTH} characters.`)

/** Loopback http is allowed here; production's stricter https-only rule is applied by main, which knows the kind. */
export const baseUrlInputSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter the address of the Teak API.', abort: true })
  .max(BASE_URL_MAX_LENGTH, {
    error: `The address can have at most ${BASE_URL_MAX_LENGTH} characters.`,
    abort: true
  })
  .superRefine((value, ctx) => {
    const problem = baseUrlProblem(value, { httpsOnly: false })
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .transform(normalizeBaseUrl)

export const keySourceSchema = z.enum(['keychain', 'demo', 'environment', 'none'])
export type KeySource = z.infer<typeof keySourceSchema>

/** What the page may know about an environment's keys: never the secret, and the public key only masked. */
export const keyStatusSchema = z.object({
  publicKeyMasked: z.string().nullable(),
  hasSecret: z.boolean(),
  source: keySourceSchema,
  /**
   * Keys are bound to the address they were saved for. Set when the environment's address changed since: the
   * address they were saved for ('' if the environment had none yet). They are not sent until re-entered or
   * confirmed for the new address (`settings.confirmKeysForAddress`).
   */
  savedForOtherAddress: z.string().nullable()
})
export type KeyStatus = z.infer<typeof keyStatusSchema>

export const environmentViewSchema = environmentSummarySchema.extend({
  keys: keyStatusSchema,
  /** Production: every submission must be confirmed by the person first. */
  requiresConfirmation: z.boolean(),
  /** Every assumption (src/shared/teak/assumptions.ts) as this environment sets it. */
  assumptions: assumptionSettingsSchema
})
export type EnvironmentView = z.infer<typeof environmentViewSchema>

export const settingsViewSchema = z.object({
  environments: z.array(environmentViewSchema),
  selectedEnvironment: z.string(),
  importConcurrency: z.number().int().min(IMPORT_CONCURRENCY.min).max(IMPORT_CONCURRENCY.max),
  tokenReuse: z.boolean(),
  /** Set when settings.json was unreadable at start and defaults are in use: the page shows it. */
  loadWarning: z.string().nullable(),
  /**
   * Set when keys could not be looked up (an unreadable entry, only one of TEAK_PUBLIC_KEY and TEAK_SECRET_KEY
   * set): the affected environments then show no keys, and the page shows this.
   */
  credentialsProblem: z.string().nullable(),
  /**
   * Set when the system keychain (the password store) cannot be reached: the technical detail and remedy. The
   * page says so in plain words only where keys are needed (never for the local sandbox, which has its own).
   */
  keychainProblem: z.string().nullable()
})
export type SettingsView = z.infer<typeof settingsViewSchema>

/** What a connection test could tell about one wire assumption of the environment. */
export const assumptionCheckSchema = z.object({
  name: z.string(),
  value: z.string(),
  status: z.enum(['confirmed', 'not_confirmed', 'not_checked']),
  note: z.string()
})
export type AssumptionCheck = z.infer<typeof assumptionCheckSchema>

/** `assumptions` is present whenever Teak was called: which wire assumptions the call confirmed. */
export const connectionTestResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    ms: z.number().nonnegative(),
    assumptions: z.array(assumptionCheckSchema).optional()
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum([
      'unreachable',
      'wrong_keys',
      'tls',
      'timeout',
      'no_keys',
      'address_changed',
      'not_configured',
      'other'
    ]),
    message: z.string(),
    assumptions: z.array(assumptionCheckSchema).optional()
  })
])
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>
export type ConnectionFailureReason = Extract<ConnectionTestResult, { ok: false }>['reason']

export const settingsMethods = {
  'settings.get': method(noInput, settingsViewSchema),
  'settings.selectEnvironment': method(z.object({ id: environmentIdSchema }).strict(), settingsViewSchema),
  /** Without `id`: a new custom environment. With `id`: that custom environment, or production's address. */
  'settings.saveEnvironment': method(
    z
      .object({
        id: environmentIdSchema.optional(),
        label: environmentLabelSchema,
        baseUrl: baseUrlInputSchema
      })
      .strict(),
    z.object({ id: z.string(), settings: settingsViewSchema })
  ),
  'settings.removeEnvironment': method(z.object({ id: environmentIdSchema }).strict(), settingsViewSchema),
  'settings.setKeys': method(
    z
      .object({
        envId: environmentIdSchema,
        publicKey: keySchema('public key'),
        secretKey: keySchema('secret key')
      })
      .strict(),
    settingsViewSchema
  ),
  'settings.removeKeys': method(z.object({ envId: environmentIdSchema }).strict(), settingsViewSchema),
  /**
   * Binds the keys saved for an environment to its current address, `baseUrl` (the address the person saw and
   * confirmed: refused if the environment points elsewhere by now).
   */
  'settings.confirmKeysForAddress': method(
    z.object({ envId: environmentIdSchema, baseUrl: z.string().min(1).max(BASE_URL_MAX_LENGTH) }).strict(),
    settingsViewSchema
  ),
  'settings.update': method(
    z
      .object({
        importConcurrency: z
          .number()
          .int('The number of parallel submissions must be a whole number.')
          .min(IMPORT_CONCURRENCY.min, `Submit at least ${IMPORT_CONCURRENCY.min} order at a time.`)
          .max(IMPORT_CONCURRENCY.max, `Submit at most ${IMPORT_CONCURRENCY.max} orders at a time.`)
          .optional(),
        tokenReuse: z.boolean().optional()
      })
      .strict(),
    settingsViewSchema
  ),
  /** Sets assumptions of one environment (block / warn / off, or a wire choice); the rest stay as they are. */
  'settings.setAssumptions': method(
    z.object({ envId: environmentIdSchema, assumptions: assumptionChangesSchema }).strict(),
    settingsViewSchema
  ),
  'settings.testConnection': method(
    z.object({ envId: environmentIdSchema }).strict(),
    connectionTestResultSchema
  )
}

import {
  IMPORT_CONCURRENCY,
  baseUrlInputSchema,
  baseUrlProblem,
  environmentLabelSchema,
  keyProblem,
  settingsMethods
} from '../../../../shared/contract/settings'

/**
 * The settings forms check what a person types with the contract's own rules, so the message under a field is
 * the one main would give, only sooner.
 */

export type KeyName = 'public key' | 'secret key'

/** Keys are trimmed before they are checked and saved: a copied key often brings a stray space or line break. */
export function keyFieldProblem(raw: string, name: KeyName): string | null {
  return keyProblem(raw.trim(), name)
}

export function labelProblem(raw: string): string | null {
  const parsed = environmentLabelSchema.safeParse(raw)
  return parsed.success ? null : parsed.error.issues[0].message
}

/** Production is only reachable over https; other environments may use plain http on this computer. */
export function addressProblem(raw: string, rule: { httpsOnly: boolean }): string | null {
  const parsed = baseUrlInputSchema.safeParse(raw)
  if (!parsed.success) return parsed.error.issues[0].message
  return baseUrlProblem(parsed.data, rule)
}

const concurrencySchema = settingsMethods['settings.update'].input.shape.importConcurrency.unwrap()

export type ConcurrencyInput = { ok: true; value: number } | { ok: false; problem: string }

/** The number of orders an import submits at the same time, as typed into a text field. */
export function parseConcurrency(raw: string): ConcurrencyInput {
  const { min, max } = IMPORT_CONCURRENCY
  const trimmed = raw.trim()
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false, problem: `Enter a whole number from ${min} to ${max}.` }
  const parsed = concurrencySchema.safeParse(Number(trimmed))
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: parsed.error.issues[0].message }
}

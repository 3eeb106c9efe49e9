import { AppError } from '../../shared/contract/errors'
import type { Environment } from './environments'

/** What an environment lacks before orders can go to it. */
export type MissingPart = 'address' | 'keys'

/**
 * The rule for choosing the environment orders go to: it must have an address and keys it can send (the
 * local sandbox has both built in). Switching to one that lacks either would only move the failure to the
 * first order; the person is told what is missing and where to add it instead.
 */
export function missingParts(env: Environment, hasUsableKeys: boolean): MissingPart[] {
  if (env.kind === 'local') return []
  return [
    ...(env.baseUrl === '' ? (['address'] as const) : []),
    ...(hasUsableKeys ? [] : (['keys'] as const))
  ]
}

export function incompleteEnvironmentError(env: Environment, missing: readonly MissingPart[]): AppError {
  const what = missing.map((part) => (part === 'address' ? 'no address' : 'no keys')).join(' and ')
  const add = missing
    .map((part) => (part === 'address' ? 'the API address Teak gave you' : 'its keys'))
    .join(' and ')
  return new AppError(
    'conflict',
    `${env.label} can't be used yet: it has ${what}. Add ${add} in Settings, then switch to it.`,
    { reason: 'environment_incomplete', environmentId: env.id, missing }
  )
}

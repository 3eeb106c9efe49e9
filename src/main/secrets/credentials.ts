import { AppError } from '../../shared/contract/errors'
import { keyProblem } from '../../shared/contract/settings'
import { DEMO_KEYS } from '../../sandbox/auth'
import { LOCAL_ID } from '../settings/environment-ids'
import type { Environment } from '../settings/environments'
import { isKeychainUnavailable } from './keychain-errors'
import type { KeyPair, SecretStore, StoredKeys } from './secret-store'

export const PUBLIC_KEY_VARIABLE = 'TEAK_PUBLIC_KEY'
export const SECRET_KEY_VARIABLE = 'TEAK_SECRET_KEY'
/** Names the one environment TEAK_PUBLIC_KEY / TEAK_SECRET_KEY are for, where the command line names none. */
export const KEYS_ENVIRONMENT_VARIABLE = 'TEAK_ENV'

export interface ResolvedCredentials {
  pair: KeyPair
  source: 'environment' | 'keychain' | 'demo'
  /**
   * Set when keychain keys were saved for another address than the environment has now: that address ('' when
   * they were saved before the environment had one). Such keys are shown but never sent (`credentialsForSending`).
   */
  savedForOtherAddress: string | null
}

/**
 * TEAK_PUBLIC_KEY / TEAK_SECRET_KEY of one run and what they are for: an environment id, or for `--base-url`
 * the address itself; null when the run names nothing, and then they are used for nothing.
 */
export interface KeyVariables {
  env: NodeJS.ProcessEnv
  target: string | null
}

export const NO_KEY_VARIABLES: KeyVariables = { env: {}, target: null }

/**
 * The variables are keys for one destination, never for every environment (a secret for one must not reach
 * another): the one named on the command line (`named`: --env or --base-url), else the one TEAK_ENV names. When
 * both name one, they must agree: keys meant for one environment are not sent to another by a typo.
 */
export function keyVariablesFor(env: NodeJS.ProcessEnv, named?: string): KeyVariables {
  const fromVariable = env[KEYS_ENVIRONMENT_VARIABLE]?.trim() || undefined
  if (named !== undefined && fromVariable !== undefined && fromVariable !== named) {
    throw new AppError(
      'invalid_input',
      `${KEYS_ENVIRONMENT_VARIABLE} names "${fromVariable}" but this run is for "${named}": ${PUBLIC_KEY_VARIABLE} ` +
        `and ${SECRET_KEY_VARIABLE} are the keys of one environment. Unset ${KEYS_ENVIRONMENT_VARIABLE}, or name the same one.`
    )
  }
  return { env, target: named ?? fromVariable ?? null }
}

/**
 * The pair in the variables if they are meant for `target` (an environment id or an address). Never for the
 * embedded local sandbox: it has its own demo keys, and a real secret has no business there.
 */
export function keysFromVariablesFor(target: string, variables: KeyVariables): KeyPair | null {
  if (target === LOCAL_ID || variables.target !== target) return null
  return credentialsFromVariables(variables.env)
}

/**
 * Why the variables, although set, were not used; '' when they are not set. For callers that found them unused
 * (no keys for an environment, or none shown as coming from them), so headless users learn the rule.
 */
export function unusedVariablesNote(variables: KeyVariables): string {
  const set = [PUBLIC_KEY_VARIABLE, SECRET_KEY_VARIABLE].some((name) => variables.env[name]?.trim())
  if (!set) return ''
  const rule =
    `${PUBLIC_KEY_VARIABLE} and ${SECRET_KEY_VARIABLE} are used only for the environment named by ` +
    `${KEYS_ENVIRONMENT_VARIABLE} (on the command line: --env or --base-url), never for the local sandbox`
  if (variables.target === null) return `${rule}; no environment is named, so they are ignored.`
  if (variables.target === LOCAL_ID) return `${rule}, so they are ignored.`
  return `${rule}; they are for "${variables.target}".`
}

/**
 * The keys for an environment: TEAK_PUBLIC_KEY + TEAK_SECRET_KEY when both are set and meant for it (headless
 * runs, which must work without a keychain), else the keychain, else the demo keys for the local sandbox; null
 * if none. Without `variables`, the variables are ignored.
 */
export async function resolveCredentials(
  environment: Environment,
  deps: { variables?: KeyVariables; store: SecretStore }
): Promise<ResolvedCredentials | null> {
  const fromVariables = deps.variables ? keysFromVariablesFor(environment.id, deps.variables) : null
  if (fromVariables) return { pair: fromVariables, source: 'environment', savedForOtherAddress: null }
  try {
    const stored = await deps.store.get(environment.id)
    if (stored) return await fromKeychain(environment, stored, deps.store)
  } catch (error) {
    // The embedded sandbox's demo keys are public (they open nothing else), so the local environment keeps working
    // on machines without a keychain; every other environment reports the keychain problem.
    if (!(environment.id === LOCAL_ID && isKeychainUnavailable(error))) throw error
  }
  return environment.id === LOCAL_ID
    ? { pair: { ...DEMO_KEYS }, source: 'demo', savedForOtherAddress: null }
    : null
}

/**
 * The keys to send to an environment's address, or null if it has none. Keys saved for another address are
 * refused: the address may have been changed by mistake or by someone else, and the secret must not follow it.
 */
export async function credentialsForSending(
  environment: Environment,
  deps: { variables?: KeyVariables; store: SecretStore }
): Promise<ResolvedCredentials | null> {
  const resolved = await resolveCredentials(environment, deps)
  if (resolved?.savedForOtherAddress != null) {
    throw new AppError('no_credentials', addressChangedMessage(environment, resolved.savedForOtherAddress), {
      reason: 'address_changed',
      savedFor: resolved.savedForOtherAddress,
      baseUrl: environment.baseUrl
    })
  }
  return resolved
}

export function addressChangedMessage(environment: Environment, savedFor: string): string {
  const saved = savedFor === '' ? 'were saved before it had an address' : `were saved for ${savedFor}`
  return (
    `The keys for ${environment.label} ${saved}; this environment now points at ${environment.baseUrl}. ` +
    'Enter the keys again, or confirm them for the new address.'
  )
}

/**
 * An entry written before keys were bound to an address is bound, at its first read, to the address the
 * environment has then: the one those keys have been used with so far (an address can only have changed since
 * through this version, which binds). Binding them later, or never, would let them follow the next change.
 */
async function fromKeychain(
  environment: Environment,
  stored: StoredKeys,
  store: SecretStore
): Promise<ResolvedCredentials> {
  const { baseUrl, ...pair } = stored
  if (baseUrl === null) await store.set(environment.id, { ...pair, baseUrl: environment.baseUrl })
  const savedForOtherAddress = baseUrl === null || baseUrl === environment.baseUrl ? null : baseUrl
  return { pair, source: 'keychain', savedForOtherAddress }
}

/** Both variables or neither: one alone is almost certainly a typo, and half a key pair can never work. */
export function credentialsFromVariables(env: NodeJS.ProcessEnv): KeyPair | null {
  const publicKey = env[PUBLIC_KEY_VARIABLE]?.trim() || undefined
  const secretKey = env[SECRET_KEY_VARIABLE]?.trim() || undefined
  if (publicKey === undefined && secretKey === undefined) return null
  if (publicKey === undefined || secretKey === undefined) {
    const [set, missing] =
      publicKey === undefined
        ? [SECRET_KEY_VARIABLE, PUBLIC_KEY_VARIABLE]
        : [PUBLIC_KEY_VARIABLE, SECRET_KEY_VARIABLE]
    throw new AppError(
      'no_credentials',
      `${set} is set but ${missing} is not. Set both to use keys from the environment, or neither to use the keychain.`
    )
  }
  const problem =
    variableProblem(PUBLIC_KEY_VARIABLE, publicKey, 'public key') ??
    variableProblem(SECRET_KEY_VARIABLE, secretKey, 'secret key')
  if (problem) throw new AppError('no_credentials', problem)
  return { publicKey, secretKey }
}

function variableProblem(variable: string, value: string, name: 'public key' | 'secret key'): string | null {
  const problem = keyProblem(value, name)
  return problem && `${variable}: ${problem}`
}

import { AppError } from '../../shared/contract/errors'
import { keyProblem } from '../../shared/contract/settings'
import { DEMO_KEYS } from '../../sandbox/auth'
import { LOCAL_ID } from '../settings/environments'
import { isKeychainUnavailable } from './keychain-errors'
import type { KeyPair, SecretStore } from './secret-store'

export const PUBLIC_KEY_VARIABLE = 'TEAK_PUBLIC_KEY'
export const SECRET_KEY_VARIABLE = 'TEAK_SECRET_KEY'

export interface ResolvedCredentials {
  pair: KeyPair
  source: 'environment' | 'keychain' | 'demo'
}

/**
 * The keys to use for an environment: TEAK_PUBLIC_KEY + TEAK_SECRET_KEY when both are set (headless runs, which
 * must work without a keychain), else the keychain, else the demo keys for the local sandbox; null if none.
 * Pass no `env` to ignore the variables.
 */
export async function resolveCredentials(
  envId: string,
  deps: { env?: NodeJS.ProcessEnv; store: SecretStore }
): Promise<ResolvedCredentials | null> {
  const fromVariables = deps.env ? credentialsFromVariables(deps.env) : null
  if (fromVariables) return { pair: fromVariables, source: 'environment' }
  try {
    const stored = await deps.store.get(envId)
    if (stored) return { pair: stored, source: 'keychain' }
  } catch (error) {
    // The embedded sandbox's demo keys are public (they open nothing else), so the local environment keeps working
    // on machines without a keychain; every other environment reports the keychain problem.
    if (!(envId === LOCAL_ID && isKeychainUnavailable(error))) throw error
  }
  return envId === LOCAL_ID ? { pair: { ...DEMO_KEYS }, source: 'demo' } : null
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

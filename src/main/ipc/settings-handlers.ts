import { AppError } from '../../shared/contract/errors'
import type {
  ConnectionTestResult,
  EnvironmentView,
  KeyStatus,
  SettingsView,
  settingsMethods
} from '../../shared/contract/settings'
import type { Handlers } from '../contract/dispatcher'
import {
  addressChangedMessage,
  resolveCredentials,
  unusedVariablesNote,
  type KeyVariables
} from '../secrets/credentials'
import { isKeychainUnavailable } from '../secrets/keychain-errors'
import { keyStatusOf } from '../secrets/key-status'
import type { SecretStore } from '../secrets/secret-store'
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  testConnection,
  type AuthenticatingClientFactory
} from '../settings/connection-test'
import { requiresConfirmation, withEnvironmentRemoved, type Environment } from '../settings/environments'
import type { SettingsStore } from '../settings/store'
import { incompleteEnvironmentError, missingParts } from '../settings/switch-rule'

export interface SettingsHandlerDeps {
  settings: SettingsStore
  secrets: SecretStore
  /** The address to call for an environment (the embedded sandbox's port is only known at run time). */
  resolveBaseUrl(env: Environment): string
  createClient: AuthenticatingClientFactory
  /** TEAK_PUBLIC_KEY / TEAK_SECRET_KEY and what they are for; without it, keys come from the keychain only. */
  keyVariables?: KeyVariables
  connectionTimeoutMs?: number
}

export function settingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, keyof typeof settingsMethods> {
  const view = () => settingsView(deps)
  return {
    'settings.get': view,
    'settings.selectEnvironment': async ({ id }) => {
      const env = deps.settings.environment(id)
      const missing = missingParts(env, await hasUsableKeys(deps, env))
      if (missing.length > 0) throw incompleteEnvironmentError(env, missing)
      await deps.settings.selectEnvironment(id)
      return view()
    },
    'settings.saveEnvironment': async (draft) => {
      const id = await deps.settings.saveEnvironment(draft)
      return { id, settings: await view() }
    },
    'settings.removeEnvironment': async ({ id }) => {
      // Checked before the keys go, and the keys go before the environment: otherwise a later environment that
      // gets the same id would silently inherit them.
      withEnvironmentRemoved(deps.settings.current(), id)
      await deps.secrets.delete(id)
      await deps.settings.removeEnvironment(id)
      return view()
    },
    'settings.setKeys': async ({ envId, publicKey, secretKey }) => {
      const { baseUrl } = deps.settings.environment(envId)
      await deps.secrets.set(envId, { publicKey, secretKey, baseUrl })
      return view()
    },
    'settings.confirmKeysForAddress': async ({ envId, baseUrl }) => {
      await confirmKeysForAddress(deps, envId, baseUrl)
      return view()
    },
    'settings.removeKeys': async ({ envId }) => {
      deps.settings.environment(envId)
      await deps.secrets.delete(envId)
      return view()
    },
    'settings.update': async (patch) => {
      await deps.settings.update(patch)
      return view()
    },
    'settings.setAssumptions': async ({ envId, assumptions }) => {
      await deps.settings.setAssumptions(envId, assumptions)
      return view()
    },
    'settings.testConnection': ({ envId }) => testEnvironmentConnection(deps, envId)
  }
}

async function settingsView(deps: SettingsHandlerDeps): Promise<SettingsView> {
  const data = deps.settings.current()
  let credentialsProblem: string | null = null
  let keychainProblem: string | null = null
  const environments = await Promise.all(
    deps.settings.environments().map(async (env): Promise<EnvironmentView> => {
      let keys: KeyStatus
      try {
        keys = keyStatusOf(
          await resolveCredentials(env, { variables: deps.keyVariables, store: deps.secrets })
        )
      } catch (error) {
        if (!isCredentialsProblem(error)) throw error
        if (isKeychainUnavailable(error)) keychainProblem ??= error.message
        else credentialsProblem ??= error.message
        keys = keyStatusOf(null)
      }
      return {
        ...env,
        keys,
        requiresConfirmation: requiresConfirmation(env),
        assumptions: deps.settings.assumptions(env.id)
      }
    })
  )
  if (deps.keyVariables && !environments.some((env) => env.keys.source === 'environment'))
    credentialsProblem ??= unusedVariablesNote(deps.keyVariables) || null
  return {
    environments,
    selectedEnvironment: data.selectedEnvironment,
    importConcurrency: data.importConcurrency,
    tokenReuse: data.tokenReuse,
    loadWarning: deps.settings.loadWarning,
    credentialsProblem,
    keychainProblem
  }
}

/** Keys that could be sent to the environment now: present, bound to its address, and readable. */
async function hasUsableKeys(deps: SettingsHandlerDeps, env: Environment): Promise<boolean> {
  try {
    const resolved = await resolveCredentials(env, { variables: deps.keyVariables, store: deps.secrets })
    return resolved !== null && resolved.savedForOtherAddress === null
  } catch (error) {
    if (isCredentialsProblem(error)) return false
    throw error
  }
}

/** Problems a person can fix in Settings: they are shown beside the keys instead of failing the whole page. */
function isCredentialsProblem(error: unknown): error is AppError {
  return (
    error instanceof AppError && (error.code === 'keychain_unavailable' || error.code === 'no_credentials')
  )
}

async function testEnvironmentConnection(
  deps: SettingsHandlerDeps,
  envId: string
): Promise<ConnectionTestResult> {
  const env = deps.settings.environment(envId)
  if (env.baseUrl === '') {
    return {
      ok: false,
      reason: 'not_configured',
      message: `${env.label} has no address yet. Enter the API address Teak gave you, then test again.`
    }
  }
  const resolved = await resolveCredentials(env, {
    variables: deps.keyVariables,
    store: deps.secrets
  }).catch((error: unknown) => {
    // Nothing can be read from an unreachable keychain: for this environment, no keys are saved that can be used.
    if (isKeychainUnavailable(error)) return null
    throw error
  })
  if (resolved?.savedForOtherAddress != null) {
    // Refused before anything is sent: the secret goes only to the address it was saved for.
    return {
      ok: false,
      reason: 'address_changed',
      message: addressChangedMessage(env, resolved.savedForOtherAddress)
    }
  }
  if (!resolved) {
    return {
      ok: false,
      reason: 'no_keys',
      message: `No keys are saved for ${env.label}. Enter the public and secret key from the Teak dashboard in API keys above, then test again.`
    }
  }
  return testConnection(deps.createClient, {
    label: env.label,
    baseUrl: deps.resolveBaseUrl(env),
    credentials: resolved.pair,
    timeoutMs: deps.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    wire: deps.settings.assumptions(env.id)
  })
}

/** Binds an environment's keychain keys to the address the person was shown, if it is still the current one. */
async function confirmKeysForAddress(
  deps: SettingsHandlerDeps,
  envId: string,
  baseUrl: string
): Promise<void> {
  const env = deps.settings.environment(envId)
  if (env.baseUrl !== baseUrl) {
    throw new AppError(
      'conflict',
      `${env.label} points at ${env.baseUrl || 'no address'} now, not ${baseUrl}. Check the address, then confirm again.`
    )
  }
  const stored = await deps.secrets.get(envId)
  if (!stored) throw new AppError('not_found', `No keys are saved for ${env.label} in the system keychain.`)
  await deps.secrets.set(envId, { publicKey: stored.publicKey, secretKey: stored.secretKey, baseUrl })
}

import { AppError } from '../../shared/contract/errors'
import type {
  ConnectionTestResult,
  EnvironmentView,
  KeyStatus,
  SettingsView,
  settingsMethods
} from '../../shared/contract/settings'
import type { Handlers } from '../contract/dispatcher'
import { resolveCredentials } from '../secrets/credentials'
import { keyStatusOf } from '../secrets/key-status'
import type { SecretStore } from '../secrets/secret-store'
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  testConnection,
  type AuthenticatingClientFactory
} from '../settings/connection-test'
import { requiresConfirmation, withEnvironmentRemoved, type Environment } from '../settings/environments'
import type { SettingsStore } from '../settings/store'

export interface SettingsHandlerDeps {
  settings: SettingsStore
  secrets: SecretStore
  /** The address to call for an environment (the embedded sandbox's port is only known at run time). */
  resolveBaseUrl(env: Environment): string
  createClient: AuthenticatingClientFactory
  /** Where TEAK_PUBLIC_KEY / TEAK_SECRET_KEY are read from; without it, keys come from the keychain only. */
  env?: NodeJS.ProcessEnv
  connectionTimeoutMs?: number
}

export function settingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, keyof typeof settingsMethods> {
  const view = () => settingsView(deps)
  return {
    'settings.get': view,
    'settings.selectEnvironment': async ({ id }) => {
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
      deps.settings.environment(envId)
      await deps.secrets.set(envId, { publicKey, secretKey })
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
  const environments = await Promise.all(
    deps.settings.environments().map(async (env): Promise<EnvironmentView> => {
      let keys: KeyStatus
      try {
        keys = keyStatusOf(await resolveCredentials(env.id, { env: deps.env, store: deps.secrets }))
      } catch (error) {
        if (!isCredentialsProblem(error)) throw error
        credentialsProblem ??= error.message
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
  return {
    environments,
    selectedEnvironment: data.selectedEnvironment,
    importConcurrency: data.importConcurrency,
    tokenReuse: data.tokenReuse,
    loadWarning: deps.settings.loadWarning,
    credentialsProblem
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
  const resolved = await resolveCredentials(env.id, { env: deps.env, store: deps.secrets })
  if (!resolved) {
    return {
      ok: false,
      reason: 'no_keys',
      message: `No keys are set for ${env.label}. Enter the public and secret key from the Teak dashboard, then test again.`
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

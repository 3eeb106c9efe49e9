import { AppError } from '../../shared/contract'
import { credentialsForSending, unusedVariablesNote } from '../secrets/credentials'
import { resolveAssumptions, ruleLevelsOf, type AssumptionSettings } from '../../shared/teak/assumptions'
import type { Services } from '../services'
import { createTeakClient, type TeakClient, type TeakLogEntry } from '../teak/client'

export interface EnvironmentClient {
  environment: ReturnType<Services['settings']['environment']>
  client: TeakClient
  /** The environment's assumptions with any given for this run over them, as the client applies them. */
  assumptions: AssumptionSettings
}

/**
 * A Teak client for one environment: its address, its keys (keychain, TEAK_* variables, or the demo keys
 * for the local sandbox), the token policy chosen in Settings and the environment's assumptions (auth path,
 * trailing slash, rule levels), with `assumptions` given for this run (`--assume`) over them. The secret
 * stays inside the client, and keys saved for another address than the environment's current one are refused
 * (see `credentialsForSending`).
 */
export async function openEnvironmentClient(
  services: Pick<Services, 'settings' | 'secrets' | 'keyVariables' | 'baseUrlOf'>,
  environmentId: string,
  options: { log?: (entry: TeakLogEntry) => void; assumptions?: Partial<AssumptionSettings> } = {}
): Promise<EnvironmentClient> {
  const environment = services.settings.environment(environmentId)
  if (environment.baseUrl === '') {
    throw new AppError(
      'not_found',
      `${environment.label} has no API address yet. Enter it in Settings first.`
    )
  }
  const resolved = await credentialsForSending(environment, {
    variables: services.keyVariables,
    store: services.secrets
  })
  if (!resolved) {
    const note = unusedVariablesNote(services.keyVariables)
    throw new AppError(
      'no_credentials',
      `No keys are set for ${environment.label}. Enter them in Settings first.${note ? ` ${note}` : ''}`
    )
  }
  const assumptions = resolveAssumptions(services.settings.assumptions(environment.id), options.assumptions)
  const client = createTeakClient({
    ...clientAssumptions(assumptions),
    baseUrl: services.baseUrlOf(environment),
    credentials: resolved.pair,
    tokenReuse: services.settings.current().tokenReuse,
    log: options.log
  })
  return { environment, client, assumptions }
}

/** The client's part of an environment's assumptions: its paths and the levels of the rule assumptions. */
export function clientAssumptions(assumptions: AssumptionSettings) {
  return {
    authPath: assumptions.authPath,
    trailingSlash: assumptions.trailingSlash,
    ruleLevels: ruleLevelsOf(assumptions)
  }
}

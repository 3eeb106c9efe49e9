import { AppError } from '../../../shared/contract/errors'
import { keysFromVariablesFor, PUBLIC_KEY_VARIABLE, SECRET_KEY_VARIABLE } from '../../secrets/credentials'
import { resolveAssumptions, type AssumptionSettings } from '../../../shared/teak/assumptions'
import { clientAssumptions, openEnvironmentClient } from '../../orders/teak-client-for'
import { PRODUCTION_ID } from '../../settings/environment-ids'
import type { SettingsStore } from '../../settings/store'
import type { Services } from '../../services'
import { createTeakClient, type TeakClient } from '../../teak/client'
import type { ImportFlags } from './import-flags'

/** Where a CLI import sends its orders. */
export interface ImportTarget {
  /**
   * The journal's name for the destination: the environment id, or for `--base-url` the address itself,
   * so that orders sent to one ad-hoc address are never taken as sent to another.
   */
  environment: string
  label: string
  client: TeakClient
  /** The assumptions the orders are checked and sent with: the environment's, then `--assume`. */
  assumptions: AssumptionSettings
}

type TargetServices = Pick<Services, 'settings' | 'secrets' | 'keyVariables' | 'baseUrlOf'>

/**
 * The environment named by --env (default: the one selected in Settings) with its keys, or the address of
 * --base-url with the keys from TEAK_PUBLIC_KEY / TEAK_SECRET_KEY (the services were created with
 * `keysFor` set to what the command line names, so the variables apply to that and nothing else). Production,
 * by name or by address, needs --yes. Every refusal is an AppError: a configuration problem (exit 2).
 */
export async function openImportTarget(services: TargetServices, flags: ImportFlags): Promise<ImportTarget> {
  if (flags.baseUrl !== undefined) return adHocTarget(services, { ...flags, baseUrl: flags.baseUrl })
  const id = flags.env ?? services.settings.selectedEnvironment().id
  const environment = services.settings.environment(id)
  if (services.settings.requiresConfirmation(id) && !flags.yes) throw productionRefusal(environment.label)
  const { client, assumptions } = await openEnvironmentClient(services, id, { assumptions: flags.assume })
  return { environment: id, label: environment.label, client, assumptions }
}

/**
 * The environment --env would use without opening anything, and its assumptions with `--assume` over them:
 * for --dry-run, which only reads Settings. A --base-url address has no settings: the defaults apply.
 */
export function dryRunTarget(
  settings: SettingsStore,
  flags: ImportFlags
): { label: string; assumptions: AssumptionSettings } {
  if (flags.baseUrl !== undefined) {
    return { label: flags.baseUrl, assumptions: resolveAssumptions(flags.assume) }
  }
  const environment = settings.environment(flags.env ?? settings.selectedEnvironment().id)
  return {
    label: environment.label,
    assumptions: resolveAssumptions(settings.assumptions(environment.id), flags.assume)
  }
}

function adHocTarget(services: TargetServices, flags: ImportFlags & { baseUrl: string }): ImportTarget {
  const { baseUrl, yes } = flags
  const production = services.settings.environment(PRODUCTION_ID)
  if (production.baseUrl === baseUrl && !yes) throw productionRefusal(`${production.label} (${baseUrl})`)
  const credentials = keysFromVariablesFor(baseUrl, services.keyVariables)
  if (!credentials) {
    throw new AppError(
      'no_credentials',
      `--base-url needs the keys in ${PUBLIC_KEY_VARIABLE} and ${SECRET_KEY_VARIABLE}: an address from the command line has no keys in the keychain.`
    )
  }
  const assumptions = resolveAssumptions(flags.assume)
  const client = createTeakClient({
    ...clientAssumptions(assumptions),
    baseUrl,
    credentials,
    tokenReuse: services.settings.current().tokenReuse
  })
  return { environment: baseUrl, label: baseUrl, client, assumptions }
}

function productionRefusal(label: string): AppError {
  return new AppError(
    'confirmation_required',
    `Importing into ${label} creates real, billable protection. Add --yes to confirm.`
  )
}

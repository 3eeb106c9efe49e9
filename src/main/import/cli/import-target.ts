import { AppError } from '../../../shared/contract/errors'
import { keysFromVariablesFor, PUBLIC_KEY_VARIABLE, SECRET_KEY_VARIABLE } from '../../secrets/credentials'
import { openEnvironmentClient } from '../../orders/teak-client-for'
import { PRODUCTION_ID } from '../../settings/environments'
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
}

type TargetServices = Pick<Services, 'settings' | 'secrets' | 'keyVariables' | 'baseUrlOf'>

/**
 * The environment named by --env (default: the one selected in Settings) with its keys, or the address of
 * --base-url with the keys from TEAK_PUBLIC_KEY / TEAK_SECRET_KEY (the services were created with
 * `keysFor` set to what the command line names, so the variables apply to that and nothing else). Production,
 * by name or by address, needs --yes. Every refusal is an AppError: a configuration problem (exit 2).
 */
export async function openImportTarget(services: TargetServices, flags: ImportFlags): Promise<ImportTarget> {
  if (flags.baseUrl !== undefined) return adHocTarget(services, flags.baseUrl, flags.yes)
  const id = flags.env ?? services.settings.selectedEnvironment().id
  const environment = services.settings.environment(id)
  if (services.settings.requiresConfirmation(id) && !flags.yes) throw productionRefusal(environment.label)
  const { client } = await openEnvironmentClient(services, id)
  return { environment: id, label: environment.label, client }
}

/** The environment --env would use without opening anything: for --dry-run, which only checks the flag. */
export function targetLabel(settings: SettingsStore, flags: ImportFlags): string {
  return flags.baseUrl ?? settings.environment(flags.env ?? settings.selectedEnvironment().id).label
}

function adHocTarget(services: TargetServices, baseUrl: string, yes: boolean): ImportTarget {
  const production = services.settings.environment(PRODUCTION_ID)
  if (production.baseUrl === baseUrl && !yes) throw productionRefusal(`${production.label} (${baseUrl})`)
  const credentials = keysFromVariablesFor(baseUrl, services.keyVariables)
  if (!credentials) {
    throw new AppError(
      'no_credentials',
      `--base-url needs the keys in ${PUBLIC_KEY_VARIABLE} and ${SECRET_KEY_VARIABLE}: an address from the command line has no keys in the keychain.`
    )
  }
  const client = createTeakClient({
    baseUrl,
    credentials,
    tokenReuse: services.settings.current().tokenReuse
  })
  return { environment: baseUrl, label: baseUrl, client }
}

function productionRefusal(label: string): AppError {
  return new AppError(
    'confirmation_required',
    `Importing into ${label} creates real, billable protection. Add --yes to confirm.`
  )
}

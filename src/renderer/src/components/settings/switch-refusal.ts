import { z } from 'zod'
import { AppError } from '../../../../shared/contract/errors'

const incompleteSchema = z.object({ reason: z.literal('environment_incomplete'), environmentId: z.string() })

/** `#/settings?environment=<id>`: the Settings page showing that environment's address and keys. */
export function settingsHref(environmentId: string): string {
  return `#/settings?${new URLSearchParams({ environment: environmentId })}`
}

/** The environment a Settings link names, or null. */
export function settingsTargetOf(hash: string): string | null {
  const query = hash.split('?')[1]
  return query ? new URLSearchParams(query).get('environment') : null
}

/**
 * Why the switcher did not switch, and where to fix it: main refuses an environment that lacks an address or
 * keys, and names what is missing; Settings is where both are added.
 */
export function switchRefusal(error: unknown): { message: string; settingsHref: string | null } {
  const message = error instanceof Error ? error.message : String(error)
  const incomplete = error instanceof AppError ? incompleteSchema.safeParse(error.details) : null
  return incomplete?.success
    ? { message, settingsHref: settingsHref(incomplete.data.environmentId) }
    : { message: `Could not switch: ${message}`, settingsHref: null }
}

import { AppError } from '../../shared/contract'
import type { SettingsStore } from './store'

/**
 * Changing a policy in production changes a customer's real protection (and, for a void, refunds it): the
 * person must have confirmed it, as for a submission. `what` completes "This would …".
 */
export function requireProductionConfirmation(
  settings: Pick<SettingsStore, 'requiresConfirmation' | 'environment'>,
  environmentId: string,
  confirmed: boolean,
  what: string
): void {
  if (confirmed || !settings.requiresConfirmation(environmentId)) return
  const { label } = settings.environment(environmentId)
  throw new AppError(
    'confirmation_required',
    `This would ${what} in ${label}, which is real. Confirm to go ahead.`,
    { reason: 'production' }
  )
}

import type { EnvironmentView } from '../../../../shared/contract/settings'

type Kind = EnvironmentView['kind']

/** The short tag shown beside an environment's name: what sending there means. */
export const KIND_TAGS: Record<Kind, string> = {
  local: 'On this computer',
  sandbox: 'Teak test server',
  production: 'Real orders',
  custom: 'Custom address'
}

/** Production's address is typed in once Teak hands it out; custom environments are entirely the person's. */
export function addressIsEditable(kind: Kind): boolean {
  return kind === 'production' || kind === 'custom'
}

/** A renamed production environment ("Acme live") must still read as production wherever it is chosen. */
export function environmentOptionText(env: Pick<EnvironmentView, 'label' | 'kind'>): string {
  return env.kind === 'production' && !/production/i.test(env.label) ? `${env.label} (production)` : env.label
}

/**
 * Whether the environment reads its keys from the system keychain: not the local sandbox (its demo keys are
 * built in) and not one whose keys come from TEAK_PUBLIC_KEY / TEAK_SECRET_KEY. Only there does an
 * unreachable keychain matter, so only there is it mentioned.
 */
export function needsKeychain(env: Pick<EnvironmentView, 'kind' | 'keys'>): boolean {
  return env.kind !== 'local' && env.keys.source !== 'environment'
}

import type { z } from 'zod'
import type { environmentSummarySchema } from '../../shared/contract/app'
import { AppError } from '../../shared/contract/errors'
import { EMBEDDED_BASE_URL, baseUrlProblem } from '../../shared/contract/settings'
import {
  DEFAULT_ASSUMPTIONS,
  resolveAssumptions,
  type AssumptionName,
  type AssumptionSettings
} from '../../shared/teak/assumptions'
import { BUILT_IN_IDS, LOCAL_ID, PRODUCTION_ID, SANDBOX_ID } from './environment-ids'
import type { SettingsData } from './settings-file'

/**
 * Where orders go. `baseUrl` is `EMBEDDED_BASE_URL` for local (see `resolveEnvironmentBaseUrl`), and '' for
 * production until someone enters the address Teak gave them.
 */
export type Environment = z.infer<typeof environmentSummarySchema>

/** Teak's documented sandbox host (contract notes §1: OPTIN, OPTOUT, DECODE examples). */
export const TEAK_SANDBOX_BASE_URL = 'https://api.sandbox.helloteak.com'

const LOCAL: Environment = {
  id: LOCAL_ID,
  label: 'Local sandbox (built in)',
  kind: 'local',
  baseUrl: EMBEDDED_BASE_URL
}
const SANDBOX: Environment = {
  id: SANDBOX_ID,
  label: 'Teak sandbox',
  kind: 'sandbox',
  baseUrl: TEAK_SANDBOX_BASE_URL
}

const CUSTOM_ID_MAX_LENGTH = 40

/** Every environment a person can choose, built-in ones first, in the order they were added. */
export function environmentsOf(data: SettingsData): Environment[] {
  return [
    LOCAL,
    SANDBOX,
    { id: PRODUCTION_ID, label: data.production.label, kind: 'production', baseUrl: data.production.baseUrl },
    ...data.customEnvironments.map((custom) => ({ ...custom, kind: 'custom' as const }))
  ]
}

export function findEnvironment(data: SettingsData, id: string): Environment {
  const found = environmentsOf(data).find((env) => env.id === id)
  if (!found) throw new AppError('not_found', `There is no environment "${id.slice(0, 100)}".`)
  return found
}

/** Submitting to production creates real, billable protection: every submission must be confirmed first. */
export function requiresConfirmation(env: Environment): boolean {
  return env.kind === 'production'
}

/** The address to call: the embedded sandbox's port is only known once it is listening. */
export function resolveEnvironmentBaseUrl(env: Environment, embeddedSandboxUrl: string): string {
  return env.baseUrl === EMBEDDED_BASE_URL ? embeddedSandboxUrl : env.baseUrl
}

export function withSelected(data: SettingsData, id: string): SettingsData {
  return { ...data, selectedEnvironment: findEnvironment(data, id).id }
}

export interface EnvironmentDraft {
  id?: string
  label: string
  /** Already checked against the general rule (https, or http on loopback) and normalised by the contract. */
  baseUrl: string
}

/** Adds a custom environment (no id), or changes a custom one or production's address (with its id). */
export function withEnvironmentSaved(
  data: SettingsData,
  draft: EnvironmentDraft
): { data: SettingsData; id: string } {
  assertLabelFree(data, draft.label, draft.id)
  if (draft.id === undefined) {
    const id = slugFor(
      draft.label,
      environmentsOf(data).map((env) => env.id)
    )
    const custom = { id, label: draft.label, baseUrl: draft.baseUrl }
    return { data: { ...data, customEnvironments: [...data.customEnvironments, custom] }, id }
  }
  const env = findEnvironment(data, draft.id)
  if (env.kind === 'production') {
    const problem = baseUrlProblem(draft.baseUrl, { httpsOnly: true })
    if (problem) throw fieldError('baseUrl', problem)
    return { data: { ...data, production: { label: draft.label, baseUrl: draft.baseUrl } }, id: env.id }
  }
  if (env.kind !== 'custom') {
    throw new AppError('forbidden', `${env.label} is built in: its address cannot be changed.`)
  }
  const customEnvironments = data.customEnvironments.map((custom) =>
    custom.id === env.id ? { id: env.id, label: draft.label, baseUrl: draft.baseUrl } : custom
  )
  return { data: { ...data, customEnvironments }, id: env.id }
}

/** Removes a custom environment; if it was selected, the local sandbox is selected instead. */
export function withEnvironmentRemoved(data: SettingsData, id: string): SettingsData {
  const env = findEnvironment(data, id)
  if (env.kind !== 'custom')
    throw new AppError('forbidden', `${env.label} is built in and cannot be removed.`)
  // Its assumptions go with it: a later environment given the same id starts from the defaults.
  const { [id]: _removed, ...assumptions } = data.assumptions
  return {
    ...data,
    customEnvironments: data.customEnvironments.filter((custom) => custom.id !== id),
    selectedEnvironment: data.selectedEnvironment === id ? LOCAL_ID : data.selectedEnvironment,
    assumptions
  }
}

/** The environment's assumptions: its own choices over the defaults. */
export function assumptionsOf(data: SettingsData, id: string): AssumptionSettings {
  return resolveAssumptions(data.assumptions[findEnvironment(data, id).id])
}

/** Records choices for one environment; a choice equal to the default is not kept, so defaults can improve. */
export function withAssumptions(
  data: SettingsData,
  id: string,
  changes: Partial<AssumptionSettings>
): SettingsData {
  const env = findEnvironment(data, id)
  const chosen: Record<string, string> = { ...data.assumptions[env.id] }
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue
    if (value === DEFAULT_ASSUMPTIONS[name as AssumptionName]) delete chosen[name]
    else chosen[name] = value
  }
  const { [env.id]: _previous, ...others } = data.assumptions
  return {
    ...data,
    assumptions: Object.keys(chosen).length > 0 ? { ...others, [env.id]: chosen } : others
  }
}

/** Two environments with the same name in one list would make choosing the target a guess. */
function assertLabelFree(data: SettingsData, label: string, ownId: string | undefined): void {
  const key = label.toLocaleLowerCase()
  const clash = environmentsOf(data).find((env) => env.id !== ownId && env.label.toLocaleLowerCase() === key)
  if (clash)
    throw fieldError('label', `There is already an environment called "${clash.label}". Choose another name.`)
}

/** A readable, stable id from the label ("EU staging" → "eu-staging"), made unique with a number if needed. */
export function slugFor(label: string, takenIds: readonly string[]): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, CUSTOM_ID_MAX_LENGTH - 4)
      .replace(/^-+|-+$/g, '') || 'custom'
  const taken = new Set([...takenIds, ...BUILT_IN_IDS])
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

function fieldError(field: string, message: string): AppError {
  return new AppError('invalid_input', message, { issues: [{ path: [field], message }] })
}

import { join } from 'node:path'
import { ensurePrivateDir } from '../data-dir'
import type { AssumptionSettings } from '../../shared/teak/assumptions'
import {
  assumptionsOf,
  environmentsOf,
  findEnvironment,
  requiresConfirmation,
  withEnvironmentRemoved,
  withEnvironmentSaved,
  withAssumptions,
  withSelected,
  type Environment,
  type EnvironmentDraft
} from './environments'
import { SETTINGS_FILE_NAME, loadSettingsFile, saveSettingsFile, type SettingsData } from './settings-file'

export interface SettingsStore {
  readonly filePath: string
  /** Shown by the page when settings.json was unusable at start and defaults are in use. */
  readonly loadWarning: string | null
  current(): SettingsData
  environments(): Environment[]
  /** Throws `not_found` for an unknown id. */
  environment(id: string): Environment
  selectedEnvironment(): Environment
  /** True where submissions must be confirmed by the person (production). */
  requiresConfirmation(envId: string): boolean
  selectEnvironment(id: string): Promise<void>
  /** Returns the id of the saved environment (new custom ones get one from their label). */
  saveEnvironment(draft: EnvironmentDraft): Promise<string>
  removeEnvironment(id: string): Promise<void>
  update(patch: Partial<Pick<SettingsData, 'importConcurrency' | 'tokenReuse'>>): Promise<void>
  /** Every assumption of the environment (its choices over the defaults). Throws `not_found` for an unknown id. */
  assumptions(envId: string): AssumptionSettings
  setAssumptions(envId: string, changes: Partial<AssumptionSettings>): Promise<void>
}

/**
 * The non-secret settings of one data directory, held in memory and persisted to settings.json on every change.
 * Changes are applied one at a time, and memory is only updated once the file is written, so what the app uses
 * is always what is on disk.
 */
export async function openSettingsStore(
  dataDir: string,
  options: { now?: () => Date } = {}
): Promise<SettingsStore> {
  ensurePrivateDir(dataDir)
  const filePath = join(dataDir, SETTINGS_FILE_NAME)
  const loaded = await loadSettingsFile(filePath, (options.now ?? (() => new Date()))())
  let data = loaded.data
  let queue: Promise<unknown> = Promise.resolve()

  function change<T>(edit: (current: SettingsData) => { data: SettingsData; result: T }): Promise<T> {
    const run = queue.then(async () => {
      const next = edit(data)
      await saveSettingsFile(filePath, next.data)
      data = next.data
      return next.result
    })
    queue = run.catch(() => undefined)
    return run
  }

  return {
    filePath,
    loadWarning: loaded.warning,
    current: () => data,
    environments: () => environmentsOf(data),
    environment: (id) => findEnvironment(data, id),
    selectedEnvironment: () => findEnvironment(data, data.selectedEnvironment),
    requiresConfirmation: (envId) => requiresConfirmation(findEnvironment(data, envId)),
    selectEnvironment: (id) => change((current) => ({ data: withSelected(current, id), result: undefined })),
    saveEnvironment: (draft) =>
      change((current) => {
        const saved = withEnvironmentSaved(current, draft)
        return { data: saved.data, result: saved.id }
      }),
    removeEnvironment: (id) =>
      change((current) => ({ data: withEnvironmentRemoved(current, id), result: undefined })),
    update: (patch) =>
      change((current) => ({
        data: {
          ...current,
          importConcurrency: patch.importConcurrency ?? current.importConcurrency,
          tokenReuse: patch.tokenReuse ?? current.tokenReuse
        },
        result: undefined
      })),
    assumptions: (envId) => assumptionsOf(data, envId),
    setAssumptions: (envId, changes) =>
      change((current) => ({ data: withAssumptions(current, envId, changes), result: undefined }))
  }
}

import { readFile, rename } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import {
  IMPORT_CONCURRENCY,
  baseUrlProblem,
  environmentLabelSchema,
  normalizeBaseUrl
} from '../../shared/contract/settings'
import { asidePath } from '../data-dir'
import { assumptionOverridesSchema } from '../../shared/teak/assumptions'
import { writeFileAtomic } from './atomic-write'
import { BUILT_IN_IDS, CUSTOM_ID_PATTERN, LOCAL_ID } from './environment-ids'

export const SETTINGS_FILE_NAME = 'settings.json'

/** Spelling differences from a hand edit (a trailing slash, upper case) are normalised, not refused. */
function baseUrlField(rule: { httpsOnly: boolean }) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = baseUrlProblem(value, rule)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .transform(normalizeBaseUrl)
}

const customEnvironmentSchema = z.object({
  id: z
    .string()
    .regex(CUSTOM_ID_PATTERN, 'not a valid environment id')
    .refine((id) => !BUILT_IN_IDS.includes(id), 'reserved for a built-in environment'),
  label: environmentLabelSchema,
  baseUrl: baseUrlField({ httpsOnly: false })
})

/**
 * settings.json: only what a person chose. Built-in environments live in code, so a new version can correct them.
 * Every field but `version` has a default, so a file written by an older version still loads.
 */
export const settingsFileSchema = z
  .object({
    version: z.literal(1),
    selectedEnvironment: z.string().default(LOCAL_ID),
    production: z
      .object({
        label: environmentLabelSchema,
        baseUrl: z.union([z.literal(''), baseUrlField({ httpsOnly: true })])
      })
      .default({ label: 'Production', baseUrl: '' }),
    customEnvironments: z.array(customEnvironmentSchema).default([]),
    importConcurrency: z
      .number()
      .int()
      .min(IMPORT_CONCURRENCY.min)
      .max(IMPORT_CONCURRENCY.max)
      .default(IMPORT_CONCURRENCY.default),
    /**
     * Teak recommends a fresh token for each request (AUTHG), so that is the default; reusing one until it
     * expires is an opt-in for large imports.
     */
    tokenReuse: z.boolean().default(false),
    /**
     * Per environment id, the assumptions (src/shared/teak/assumptions.ts) set to something other than their
     * default. Absent: every default.
     */
    assumptions: z.record(z.string(), assumptionOverridesSchema).default({})
  })
  .superRefine((data, ctx) => {
    const ids = [...BUILT_IN_IDS, ...data.customEnvironments.map((env) => env.id)]
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', message: 'duplicate environment id' })
    if (!ids.includes(data.selectedEnvironment)) {
      ctx.addIssue({ code: 'custom', path: ['selectedEnvironment'], message: 'not a known environment' })
    }
  })

export type SettingsData = z.output<typeof settingsFileSchema>

export function defaultSettings(): SettingsData {
  return settingsFileSchema.parse({ version: 1 })
}

export interface LoadedSettings {
  data: SettingsData
  /** Why defaults are in use although a file existed; null when the file was fine or absent (first start). */
  warning: string | null
}

/**
 * Reads settings.json. A file that is not JSON or breaks the schema is renamed aside (so nothing a person set
 * is lost) and defaults are used; the caller shows `warning`. Any other read failure (permissions) is thrown:
 * silently replacing settings we could not even read would be worse.
 */
export async function loadSettingsFile(path: string, now: Date = new Date()): Promise<LoadedSettings> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: defaultSettings(), warning: null }
    throw error
  }
  const parsed = parseSettings(text)
  if (parsed.ok) return { data: parsed.data, warning: null }

  const backup = asidePath(path, now)
  await rename(path, backup)
  return {
    data: defaultSettings(),
    warning:
      `Your settings file could not be used (${parsed.problem}), so Teak Desk started with default settings. ` +
      `The old file was kept as ${basename(backup)} in the data folder. API keys are kept in the system ` +
      `keychain and were not affected.`
  }
}

function parseSettings(text: string): { ok: true; data: SettingsData } | { ok: false; problem: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'it is not valid JSON' }
  }
  const parsed = settingsFileSchema.safeParse(json)
  if (parsed.success) return { ok: true, data: parsed.data }
  const first = parsed.error.issues[0]
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : ''
  return { ok: false, problem: `${where}${first.message}` }
}

/** Never writes a file that `loadSettingsFile` would set aside: a bug here must not reset someone's settings. */
export async function saveSettingsFile(path: string, data: SettingsData): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(settingsFileSchema.parse(data), null, 2)}\n`)
}

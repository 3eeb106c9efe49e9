import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './package-info'

export const RENDERER_OUT_DIR = join(PROJECT_ROOT, 'out', 'renderer')
const SOURCES = ['src/renderer', 'src/shared', 'vite.renderer.config.ts'].map((p) => join(PROJECT_ROOT, p))

/**
 * The browser host serves the built renderer. Building it when it is missing or older than its sources
 * spares people a build step to remember after `npm install` or `git pull`.
 */
export async function ensureRendererBuilt(log: (line: string) => void = () => {}): Promise<string> {
  const builtAt = mtimeOf(join(RENDERER_OUT_DIR, 'index.html'))
  if (builtAt !== null && SOURCES.every((source) => newestMtime(source) <= builtAt)) return RENDERER_OUT_DIR
  log('Building the Teak Desk interface (first run or sources changed)…')
  const { build } = await import('vite')
  const { rendererConfig } = await import('../../../vite.renderer.config')
  await build({ ...rendererConfig, configFile: false, logLevel: 'warn' })
  return RENDERER_OUT_DIR
}

function mtimeOf(path: string): number | null {
  try {
    return statSync(path).mtimeMs
  } catch {
    return null
  }
}

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs
  )
}

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(`${PROJECT_ROOT}package.json`, 'utf8')) as { version: string }
  return manifest.version
}

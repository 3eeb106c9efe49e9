import { execFileSync } from 'node:child_process'
import { ensureRendererBuilt } from '../src/main/cli/renderer-build'

/**
 * Builds the CLI, so tests that run `bin/teak-desk.mjs` run the JavaScript `npx teak-desk` runs, and the
 * renderer (when stale), before any end-to-end suite serves it.
 */
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' })
  await ensureRendererBuilt()
}

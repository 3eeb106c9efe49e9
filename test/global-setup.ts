import { ensureRendererBuilt } from '../src/main/cli/renderer-build'

/** Builds the renderer once (when stale) before any end-to-end suite serves it. */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt()
}

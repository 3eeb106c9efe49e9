import type { UiOutput } from '../../shared/cli/output-schemas'
import { waitForShutdown } from '../../shared/cli/shutdown'
import { startApp } from '../app-start'
import { resolveDataDir } from '../data-dir'
import { startBrowserHost } from '../host/server'
import { logInternalError } from '../log'
import { commandOutput } from './command-output'
import { wholeNumberOption, type Invocation } from './invocation'
import { packageVersion } from './package-info'
import { ensureRendererBuilt } from './renderer-build'

/** `teak-desk ui`: the same main-side services as the desktop app, served to a browser on 127.0.0.1. */
export async function runUiCommand(invocation: Invocation): Promise<void> {
  const port = wholeNumberOption(invocation, 'port', '--port', { min: 0, max: 65535 }) ?? 0
  const output = commandOutput(invocation)
  const rendererDir = await ensureRendererBuilt(output.say)
  const dataDir = resolveDataDir()
  const running = await startApp({
    dataDir,
    version: packageVersion(),
    host: 'browser',
    env: process.env,
    onInternalError: logInternalError(dataDir)
  })
  const host = await startBrowserHost({
    dispatch: running.dispatch,
    events: running.events,
    rendererDir,
    port
  })
  output.text(`Teak Desk is running at ${host.url}\n`)
  output.document({ url: host.url } satisfies UiOutput)
  output.say('Open that address in your browser (it works only on this computer). Press Ctrl+C to stop.')
  await waitForShutdown()
  await host.close()
  await running.close()
}

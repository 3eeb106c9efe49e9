import { parseArgs } from 'node:util'
import { UsageError } from '../../shared/cli/usage-error'
import { waitForShutdown } from '../../shared/cli/shutdown'
import { startApp } from '../app-start'
import { resolveDataDir } from '../data-dir'
import { startBrowserHost } from '../host/server'
import { logInternalError } from '../log'
import { packageVersion } from './package-info'
import { ensureRendererBuilt } from './renderer-build'

/** `teak-desk ui`: the same main-side services as the desktop app, served to a browser on 127.0.0.1. */
export async function runUiCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number; got "${values.port}".`)

  const rendererDir = await ensureRendererBuilt((line) => process.stderr.write(`${line}\n`))
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
  process.stdout.write(`Teak Desk is running at ${host.url}\n`)
  process.stdout.write(
    'Open that address in your browser (it works only on this computer). Press Ctrl+C to stop.\n'
  )
  await waitForShutdown()
  await host.close()
  await running.close()
}

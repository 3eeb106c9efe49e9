import { parseArgs } from 'node:util'
import { UsageError } from '../../shared/cli/usage-error'
import { waitForShutdown } from '../../shared/cli/shutdown'
import { createDispatcher } from '../contract/dispatcher'
import { resolveDataDir } from '../data-dir'
import { startBrowserHost } from '../host/server'
import { createHandlers } from '../ipc/handlers'
import { logInternalError } from '../log'
import { createServices } from '../services'
import { packageVersion } from './package-info'
import { ensureRendererBuilt } from './renderer-build'

/** `teak-desk ui`: the same main-side services as the desktop app, served to a browser on 127.0.0.1. */
export async function runUiCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number; got "${values.port}".`)

  const rendererDir = await ensureRendererBuilt((line) => process.stderr.write(`${line}\n`))
  const services = await createServices({
    dataDir: resolveDataDir(),
    version: packageVersion(),
    host: 'browser',
    env: process.env
  })
  const dispatch = createDispatcher(createHandlers(services), {
    onInternalError: logInternalError(services.dataDir)
  })
  const host = await startBrowserHost({ dispatch, events: services.events, rendererDir, port })
  process.stdout.write(`Teak Desk is running at ${host.url}\n`)
  process.stdout.write(
    'Open that address in your browser (it works only on this computer). Press Ctrl+C to stop.\n'
  )
  await waitForShutdown()
  await host.close()
  await services.close()
}

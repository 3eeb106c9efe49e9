import { EXIT } from './exit-codes'
import type { Invocation } from './invocation'
import { packageVersion } from './package-info'
import { parseCommandLine } from './program'

type Run = (invocation: Invocation) => Promise<void | number>

// Each command is loaded only when called: `--help` loads none, `import --dry-run` no journal or browser host.
const RUNNERS: Record<string, () => Promise<Run>> = {
  import: async () => (await import('./import-command')).runImportCommand,
  history: async () => (await import('./journal-commands')).runHistoryCommand,
  order: async () => (await import('./journal-commands')).runOrderCommand,
  'in-doubt': async () => (await import('./journal-commands')).runInDoubtCommand,
  export: async () => (await import('./journal-commands')).runExportCommand,
  ui: async () => (await import('./ui-command')).runUiCommand,
  sandbox: async () => (await import('./sandbox-command')).runSandboxCommand,
  notifications: async () => (await import('../notifications/serve-command')).runNotificationsCommand
}

async function main(argv: string[]): Promise<number> {
  const parsed = await parseCommandLine(argv.length === 0 ? ['ui'] : argv, packageVersion(), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text)
  })
  if ('exitCode' in parsed) return parsed.exitCode
  const { invocation } = parsed
  const load = RUNNERS[invocation.command]
  if (!load) throw new Error(`The command "${invocation.command}" has no runner.`)
  try {
    return (await (await load())(invocation)) ?? EXIT.done
  } catch (error) {
    const { reportFailure } = await import('./failure')
    return reportFailure(error, invocation.command, process.stderr)
  }
}

process.exitCode = await main(process.argv.slice(2))

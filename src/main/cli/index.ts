import { AppError } from '../../shared/contract'
import { UsageError } from './process'
import { runSandboxCli } from '../../sandbox/cli'
import { runUiCommand, UI_USAGE } from './ui-command'
import { IMPORT_USAGE, runImportCommand } from './import-command'

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<void | number> }> = {
  ui: { usage: UI_USAGE, run: runUiCommand },
  import: { usage: IMPORT_USAGE, run: runImportCommand },
  sandbox: {
    usage:
      'teak-desk sandbox [--port N] [--latency-ms N] [--fail-rate X] [--reset-rate X] [--rate-limit N] [--seed N] [--state file.json]',
    run: runSandboxCli
  }
}

const USAGE = ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n')

async function main(argv: string[]): Promise<number> {
  const [name = 'ui', ...rest] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const command = COMMANDS[name]
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${USAGE}\n`)
    return 2
  }
  try {
    return (await command.run(rest)) ?? 0
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\nUsage: ${command.usage}\n`)
      return 2
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`)
      return 2
    }
    throw error
  }
}

process.exitCode = await main(process.argv.slice(2))

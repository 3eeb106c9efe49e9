import { AppError } from '../../shared/contract'
import { UsageError } from '../../shared/cli/usage-error'
import { JournalDamagedError, JournalError } from '../journal/errors'
import { IMPORT_USAGE, NOTIFICATIONS_USAGE, SANDBOX_USAGE, UI_USAGE } from './usage'

type Run = (argv: string[]) => Promise<void | number>

// Each command is loaded only when called: `import --dry-run` need not load the browser host or services.
const COMMANDS: Record<string, { usage: string; load: () => Promise<Run> }> = {
  ui: { usage: UI_USAGE, load: async () => (await import('./ui-command')).runUiCommand },
  import: { usage: IMPORT_USAGE, load: async () => (await import('./import-command')).runImportCommand },
  sandbox: { usage: SANDBOX_USAGE, load: async () => (await import('../../sandbox/cli')).runSandboxCli },
  notifications: {
    usage: NOTIFICATIONS_USAGE,
    load: async () => (await import('../notifications/serve-command')).runNotificationsCommand
  }
}

const USAGE = ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n')

const DAMAGED_JOURNAL_REMEDY =
  'To start a new journal, run `teak-desk ui` and choose "Move it aside", or rename the file yourself to ' +
  'journal.sqlite.corrupt-<date> together with its -wal and -shm files, if any. Nothing is deleted either way: ' +
  'the orders it recorded are still at Teak, and the old file keeps their history.'

function isUsageMistake(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  )
}

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
    return (await (await command.load())(rest)) ?? 0
  } catch (error) {
    if (isUsageMistake(error)) {
      process.stderr.write(`${error.message}\nUsage: ${command.usage}\n`)
      return 2
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`)
      return 2
    }
    if (error instanceof JournalDamagedError) {
      process.stderr.write(`${error.message} Nothing was sent.\n${DAMAGED_JOURNAL_REMEDY}\n`)
      return 2
    }
    // The journal refused something (never a stack trace): its message names what and why.
    if (error instanceof JournalError) {
      process.stderr.write(`The journal refused it: ${error.message}\n`)
      return 2
    }
    throw error
  }
}

process.exitCode = await main(process.argv.slice(2))

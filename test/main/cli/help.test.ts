import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { README_PATH, withCliReference } from '../../../scripts/cli-readme'
import { coloursWanted } from '../../../src/main/cli/colour'
import { COMMAND_DEFINITIONS } from '../../../src/main/cli/command-definitions'
import { commandOutput } from '../../../src/main/cli/command-output'
import { EXIT_CODE_MEANINGS } from '../../../src/main/cli/exit-codes'
import { failureOf } from '../../../src/main/cli/failure'
import { importExitCode } from '../../../src/main/cli/import-command'
import { helpText } from '../../../src/main/cli/program'
import { JournalDamagedError, JournalError } from '../../../src/main/journal/errors'
import { UsageError } from '../../../src/shared/cli/usage-error'
import { AppError } from '../../../src/shared/contract/errors'
import { summarize, type ImportReport, type ImportReportOrder } from '../../../src/shared/import/report'
import { makeTempDir } from '../../support/temp-dir'
import { sandboxOutputSchema } from '../../../src/shared/cli/output-schemas'
import { waitFor } from '../../support/wait-for'
import { cliEnv, exited, REPO_ROOT, runCli, startCli } from './support/cli'

const ESCAPE = '\x1b['

/** The long flag of an option definition: "-o, --output <file>" → "--output". */
function longFlag(flags: string): string {
  return /--[\w-]+/.exec(flags)![0]
}

describe('teak-desk help', () => {
  const dir = makeTempDir()
  const env = cliEnv(dir.path)
  afterAll(() => dir.remove())

  it.each(COMMAND_DEFINITIONS.map((c) => [c.name, c] as const))(
    '%s --help lists every option with its description, the examples and every exit code',
    (_name, definition) => {
      // Commander wraps descriptions; compare with whitespace folded.
      const text = helpText(definition.name).replace(/\s+/g, ' ')
      expect(text).toContain(`Usage: teak-desk ${definition.name}`)
      for (const option of definition.options) {
        expect(text).toContain(longFlag(option.flags))
        expect(text).toContain(option.description)
        if (option.defaultText) expect(text).toContain(`(default: ${option.defaultText})`)
      }
      for (const argument of definition.arguments) expect(text).toContain(argument.description)
      for (const [command] of definition.examples) expect(text).toContain(command)
      expect(text).toContain('--help')
      for (const [code, meaning] of EXIT_CODE_MEANINGS) expect(text).toContain(`${code} ${meaning}`)
    }
  )

  it('answers --help, -h and help <command> with that help on stdout, exit 0', async () => {
    const [long, short, word, root] = await Promise.all([
      runCli(['import', '--help'], env),
      runCli(['history', '-h'], env),
      runCli(['help', 'in-doubt'], env),
      runCli(['help'], env)
    ])
    expect(long).toEqual({ code: 0, stdout: helpText('import'), stderr: '' })
    expect(short).toEqual({ code: 0, stdout: helpText('history'), stderr: '' })
    expect(word).toEqual({ code: 0, stdout: helpText('in-doubt'), stderr: '' })
    expect(root).toMatchObject({ code: 0, stdout: helpText() })
    const commands = root.stdout.replace(/\s+/g, ' ')
    for (const { name, summary } of COMMAND_DEFINITIONS) {
      expect(commands).toMatch(new RegExp(` ${name} (\\[options\\] )?`))
      expect(commands).toContain(summary)
    }
  })

  it('prints the version of package.json for --version and -V', async () => {
    const { version } = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as { version: string }
    const [long, short] = await Promise.all([runCli(['--version'], env), runCli(['-V'], env)])
    expect(long).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    expect(short).toEqual(long)
  })

  it('suggests the closest option or command for a mistyped one, exit 2, nothing on stdout', async () => {
    const [option, command, value] = await Promise.all([
      runCli(['import', 'backlog.csv', '--dry-rn'], env),
      runCli(['histroy'], env),
      runCli(['export', '--format', 'xml'], env)
    ])
    expect(option).toMatchObject({ code: 2, stdout: '' })
    expect(option.stderr).toMatch(/unknown option '--dry-rn'\n\(Did you mean --dry-run\?\)/)
    expect(option.stderr).toContain('(Run "teak-desk help import" for usage.)')
    expect(command).toMatchObject({ code: 2, stdout: '' })
    expect(command.stderr).toMatch(/unknown command 'histroy'\n\(Did you mean history\?\)/)
    expect(value).toMatchObject({ code: 2, stdout: '' })
    expect(value.stderr).toMatch(/argument 'xml' is invalid\. Allowed choices are csv, json/)
  })

  it('sandbox --json prints one line of JSON once it listens, and the sandbox answers there', async () => {
    const sandbox = startCli(['sandbox', '--port', '0', '--json'], env)
    try {
      await waitFor('the sandbox to report', () => sandbox.output().stdout.includes('\n'))
      const started = sandboxOutputSchema.parse(JSON.parse(sandbox.output().stdout))
      expect(started).toMatchObject({ publicKey: 'pk_local_demo', stateFile: null })
      expect((await fetch(`${started.url}/__sandbox/orders`)).status).toBe(200)
    } finally {
      sandbox.kill('SIGTERM')
      await exited(sandbox)
    }
  })

  it("keeps the README's command-line reference identical to the help", async () => {
    const readme = readFileSync(README_PATH, 'utf8')
    // Run `node --import tsx scripts/cli-readme.ts` when this fails after a change to a command.
    expect(await withCliReference(readme)).toBe(readme)
    for (const { name } of COMMAND_DEFINITIONS) {
      expect(readme).toContain(`\`\`\`text\n${helpText(name).trimEnd()}\n\`\`\``)
    }
  })
})

describe('colours', () => {
  const terminal = { isTTY: true, write: () => true }
  const pipe = { isTTY: false, write: () => true }

  it('are used on a terminal only, and never with NO_COLOR', () => {
    expect(coloursWanted(terminal, {})).toBe(true)
    expect(coloursWanted(terminal, { NO_COLOR: '1' })).toBe(false)
    expect(coloursWanted(pipe, {})).toBe(false)
    const invocation = { command: 'history', args: [], options: {} }
    const on = commandOutput(invocation, { stdout: terminal, stderr: terminal }, {})
    const off = commandOutput(invocation, { stdout: terminal, stderr: terminal }, { NO_COLOR: '1' })
    const json = commandOutput(
      { ...invocation, options: { json: true } },
      { stdout: terminal, stderr: terminal },
      {}
    )
    expect(on.paint('green', 'created')).toContain(ESCAPE)
    expect(off.paint('green', 'created')).toBe('created')
    expect(json.paint('green', 'created')).toBe('created')
  })
})

describe('exit codes', () => {
  it('map every way a command can stop onto the one table', () => {
    const code = (error: unknown) => failureOf(error, 'import')?.exitCode
    expect(code(new UsageError('--limit must be a whole number'))).toBe(2)
    expect(code(new AppError('no_credentials', 'No keys'))).toBe(2)
    expect(code(new AppError('keychain_unavailable', 'No keychain'))).toBe(3)
    expect(code(new JournalDamagedError('/x/journal.sqlite', 'file is not a database'))).toBe(4)
    expect(code(new Database.SqliteError('database is locked', 'SQLITE_BUSY'))).toBe(4)
    expect(code(new JournalError('another import of this file is running'))).toBe(2)
    expect(failureOf(new Error('a bug'), 'import')).toBeNull()
    expect(failureOf(new UsageError('bad'), 'history')?.message).toContain('teak-desk help history')
  })

  const order = (outcome: ImportReportOrder['outcome'], status: number | null): ImportReportOrder => ({
    order_number: `O-${outcome}-${status}`,
    rows: [2],
    outcome,
    errors: [],
    status,
    policies: [],
    sent_by_run: 1
  })
  const report = (...orders: ImportReportOrder[]): ImportReport => ({
    file: 'f.csv',
    environment: 'local',
    summary: summarize(orders),
    orders
  })

  it('of an import: 0 all at Teak, 3 when no sent order got an answer, 1 otherwise', () => {
    expect(importExitCode(report(order('created', 201), order('opted_out', 204)), false)).toBe(0)
    expect(importExitCode(report(order('created', 201)), true)).toBe(1)
    expect(
      importExitCode(report(order('failed', null), order('failed', null), order('invalid', null)), false)
    ).toBe(3)
    expect(importExitCode(report(order('failed', null), order('created', 201)), false)).toBe(1)
    expect(importExitCode(report(order('failed', 401)), false)).toBe(1)
    expect(importExitCode(report(order('in_doubt', null)), false)).toBe(1)
    expect(importExitCode(report(order('invalid', null)), true)).toBe(1)
  })
})

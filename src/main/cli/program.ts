import { Command, CommanderError, Help, Option } from 'commander'
import { UsageError } from '../../shared/cli/usage-error'
import { COMMAND_DEFINITIONS, type CommandDefinition, type OptionDefinition } from './command-definitions'
import { EXIT, EXIT_CODE_MEANINGS } from './exit-codes'
import type { Invocation } from './invocation'

/**
 * The command-line parser, help and suggestions (commander), built from command-definitions.ts. Help is laid
 * out at a fixed width, so what a terminal shows is what the README shows.
 */

const HELP_WIDTH = 100

export interface ProgramOutput {
  out(text: string): void
  err(text: string): void
}

export type ParseResult = { invocation: Invocation } | { exitCode: number }

/**
 * Parses `argv` (without the node and script paths). Help and the version are printed here (exit 0); a usage
 * mistake is printed with a suggestion where one fits (exit 2). Otherwise the command to run.
 */
export async function parseCommandLine(
  argv: readonly string[],
  version: string,
  output: ProgramOutput
): Promise<ParseResult> {
  let invocation: Invocation | undefined
  const program = buildProgram(version, output, (parsed) => (invocation = parsed))
  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? EXIT.done : EXIT.usage }
    throw error
  }
  return invocation ? { invocation } : { exitCode: EXIT.usage }
}

/** Parses without printing: a mistake throws a UsageError with commander's message (for tests and tools). */
export async function parseInvocation(argv: readonly string[]): Promise<Invocation> {
  let message = ''
  const result = await parseCommandLine(argv, '0.0.0', { out: () => {}, err: (text) => (message += text) })
  if ('invocation' in result) return result.invocation
  throw new UsageError(message.trim())
}

/** The help `teak-desk [command] --help` prints: the program's without a command. */
export function helpText(command?: string): string {
  let text = ''
  const program = buildProgram('', { out: (t) => (text += t), err: () => {} }, () => {})
  const target = command === undefined ? program : program.commands.find((c) => c.name() === command)
  if (!target) throw new Error(`No command "${command}".`)
  target.outputHelp()
  return text
}

function buildProgram(version: string, output: ProgramOutput, onCommand: (invocation: Invocation) => void) {
  const program = new Command('teak-desk')
    .description('Submit and look up Teak refund-protection orders from scripts and terminals.')
    .usage('<command> [options]')
    .version(version, '-V, --version', 'Print the version.')
    .helpOption('-h, --help', 'Show help.')
    .helpCommand('help [command]', 'Show help for a command.')
    .addHelpText(
      'after',
      `\nRun "teak-desk help <command>" for a command's options. With no command, teak-desk runs "ui".\n\n${exitCodesText()}`
    )
  configure(program, output)
  for (const definition of COMMAND_DEFINITIONS) {
    const command = program
      .command(definition.name)
      .summary(definition.summary)
      .description(definition.description)
      .helpOption('-h, --help', 'Show help.')
      .addHelpText('after', afterHelp(definition))
      .action((...params: unknown[]) => {
        const self = params[params.length - 1] as Command
        onCommand({ command: definition.name, args: self.args, options: self.opts() })
      })
    configure(command, output)
    for (const argument of definition.arguments) {
      const name = argument.name === 'search text' ? `${argument.name}...` : argument.name
      command.argument(argument.required ? `<${name}>` : `[${name}]`, argument.description)
    }
    for (const option of definition.options) command.addOption(optionOf(option))
  }
  return program
}

function configure(command: Command, output: ProgramOutput): void {
  command
    .exitOverride()
    .configureHelp({ helpWidth: HELP_WIDTH })
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showSuggestionAfterError()
    .showHelpAfterError(`(Run "${helpCommandFor(command)}" for usage.)`)
}

function helpCommandFor(command: Command): string {
  return command.parent ? `teak-desk help ${command.name()}` : 'teak-desk help'
}

function optionOf(definition: OptionDefinition): Option {
  const description = definition.defaultText
    ? `${definition.description} (default: ${definition.defaultText})`
    : definition.description
  const option = new Option(
    definition.flags,
    definition.repeatable ? `${description} Repeatable.` : description
  )
  if (definition.choices) option.choices(definition.choices)
  if (definition.repeatable)
    option.argParser((value: string, previous?: string[]) => [...(previous ?? []), value])
  return option
}

function afterHelp(definition: CommandDefinition): string {
  const examples = definition.examples.map(([command, explanation]) => `  # ${explanation}\n  ${command}`)
  return `\nExamples:\n${examples.join('\n\n')}\n\n${exitCodesText()}`
}

/** The exit code table (exit-codes.ts), each meaning wrapped beside its code. */
function exitCodesText(): string {
  const indent = ' '.repeat(7)
  const lines = EXIT_CODE_MEANINGS.map(
    ([code, meaning]) =>
      `  ${String(code).padEnd(3)}  ${new Help().boxWrap(meaning, HELP_WIDTH - indent.length).replaceAll('\n', `\n${indent}`)}`
  )
  return ['Exit codes:', ...lines].join('\n')
}

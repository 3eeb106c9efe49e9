import { booleanOption, type Invocation } from './invocation'
import { coloursWanted, painter, type Paint } from './colour'

export interface OutputStream {
  write(text: string): unknown
  isTTY?: boolean
}

/**
 * Where a command's output goes: its result on stdout (text for a person, or with --json one JSON document),
 * messages and progress on stderr, silenced by --quiet; errors are the caller's, always on stderr.
 */
export interface CommandOutput {
  readonly json: boolean
  /** Where progress is drawn; null with --quiet. */
  readonly progress: OutputStream | null
  /** Colours for the text result (none with --json, off a terminal, or with NO_COLOR). */
  readonly paint: Paint
  /** The result as text; printed only without --json. */
  text(text: string): void
  /** The result as one JSON document; printed only with --json. */
  document(value: unknown): void
  /** A message for a person (a notice, a warning): stderr, unless --quiet. */
  say(text: string): void
}

export function commandOutput(
  invocation: Invocation,
  streams: { stdout: OutputStream; stderr: OutputStream } = process,
  env: NodeJS.ProcessEnv = process.env
): CommandOutput {
  const json = booleanOption(invocation, 'json')
  const quiet = booleanOption(invocation, 'quiet')
  return {
    json,
    progress: quiet ? null : streams.stderr,
    paint: painter(!json && coloursWanted(streams.stdout, env)),
    text(text) {
      if (!json) streams.stdout.write(text)
    },
    document(value) {
      if (json) streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
    },
    say(text) {
      if (!quiet) streams.stderr.write(`${text}\n`)
    }
  }
}

import type { Invocation } from './invocation'

/**
 * `teak-desk sandbox`: the sandbox reads its flags itself (it stands on src/shared only), so the options the
 * parser accepted are handed on as flags again, but for --json.
 */
export async function runSandboxCommand(invocation: Invocation): Promise<void> {
  const { json, ...flags } = invocation.options
  const argv = Object.entries(flags).flatMap(([name, value]) => [`--${kebabCase(name)}`, String(value)])
  const { runSandboxCli } = await import('../../sandbox/cli')
  await runSandboxCli(argv, { json: json === true })
}

/** "latencyMs" → "latency-ms": commander's option names back to their flags. */
function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

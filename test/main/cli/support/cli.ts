import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { waitFor } from '../../../support/wait-for'

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const BIN = 'bin/teak-desk.mjs'

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * The environment of a CLI child: this process's (keychain session included) with its own data directory,
 * and Teak keys (and TEAK_ENV) only when a test gives them.
 */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TEAK_DESK_HOME: home, ...extra }
  for (const name of ['TEAK_PUBLIC_KEY', 'TEAK_SECRET_KEY', 'TEAK_ENV'])
    if (!(name in extra)) delete env[name]
  return env
}

/** Runs `teak-desk <args>` to its end, as a person would (`npx teak-desk` runs the same file). */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: REPO_ROOT, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0
        resolve({ code, stdout, stderr })
      }
    )
  })
}

export interface CliEnding {
  code: number | null
  signal: NodeJS.Signals | null
}

export type RunningCli = ChildProcess & { output(): CliResult; closed: Promise<CliEnding> }

/** Starts `teak-desk <args>` and leaves it running, for tests that interrupt it. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  // 'close', not 'exit': 'exit' may come while the last output is still in the pipes.
  const closed = new Promise<CliEnding>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal }))
  )
  return Object.assign(child, { output: () => ({ code: child.exitCode, stdout, stderr }), closed })
}

/** Resolves once the child has ended and everything it wrote has been read. */
export function exited(child: RunningCli): Promise<CliEnding> {
  return child.closed
}

/** `teak-desk sandbox` in a process of its own (Teak outlives the imports); resolves once it listens. */
export async function startSandboxProcess(
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ url: string; stop(): Promise<void>; orderNumbers(): Promise<string[]> }> {
  const sandbox = startCli(['sandbox', '--port', '0', ...args], env)
  await waitFor('the sandbox to listen', () => /listening on (\S+)/.test(sandbox.output().stdout))
  const url = /listening on (\S+)/.exec(sandbox.output().stdout)![1]
  return {
    url,
    async stop() {
      sandbox.kill('SIGTERM')
      await exited(sandbox)
    },
    async orderNumbers() {
      const response = await fetch(`${url}/__sandbox/orders`)
      const body = (await response.json()) as { orders: { order_number: string }[] }
      return body.orders.map((order) => order.order_number)
    }
  }
}

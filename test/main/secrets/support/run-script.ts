import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/**
 * Runs a TypeScript fixture in a separate Node process (what `npx tsx` does, without npm's start-up cost) and
 * parses the one JSON line it prints.
 */
export function runFixture(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<unknown> {
  const path = fileURLToPath(new URL(`../fixtures/${script}`, import.meta.url))
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path, ...args],
      { cwd: repoRoot, env, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${script} failed: ${error.message}\n${stderr}`))
        try {
          resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''))
        } catch {
          reject(new Error(`${script} printed no JSON result:\n${stdout}\n${stderr}`))
        }
      }
    )
  })
}

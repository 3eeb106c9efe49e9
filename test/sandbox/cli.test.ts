import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir'
import { waitFor } from '../support/wait-for'
import { exampleOrder, request } from './support'

/** Runs `runSandboxCli` in its own Node process (tsx loader), as `teak-desk sandbox` would. */
function runCli(args: string[]) {
  const script = `import('./src/sandbox/cli.ts').then((m) => m.runSandboxCli(${JSON.stringify(args)}))`
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: string[] = []
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (lines.push(line) === 1) resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code} before printing`)))
  })
  // 'close', not 'exit': 'exit' may come while the last output is still in the pipes.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  return { child, lines, firstLine, exited }
}

describe('sandbox CLI', () => {
  let dir: ReturnType<typeof makeTempDir> | undefined
  afterEach(() => dir?.remove())

  it('prints where it listens first, then the demo keys and assumptions; keeps state; stops cleanly on SIGTERM', async () => {
    dir = makeTempDir('teak-sandbox-cli-')
    const stateFile = join(dir.path, 'state.json')
    const cli = runCli(['--port', '0', '--state', stateFile])
    const first = await cli.firstLine
    expect(first).toMatch(/^Teak sandbox listening on http:\/\/127\.0\.0\.1:\d+$/)
    const url = first.slice('Teak sandbox listening on '.length)

    const { body } = await request<{ token: string }>(`${url}/api/v2/auth/token/`, 'POST', {
      public_key: 'pk_local_demo',
      secret_key: 'sk_local_demo'
    })
    const created = await request(`${url}/api/v2/orders`, 'POST', exampleOrder(), {
      Authorization: `JWT ${body.token}`
    })
    expect(created.status).toBe(201)

    await waitFor('the assumptions to be printed', () =>
      cli.lines.some((line) => line.includes('lookPeriodDays'))
    )
    const output = cli.lines.join('\n')
    expect(output).toContain('pk_local_demo')
    expect(output).toContain('sk_local_demo')
    expect(output).toContain('lookPeriodDays: 30')

    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).orders).toHaveLength(1)
  })

  it('refuses an unknown flag with the list of flags', async () => {
    const cli = runCli(['--bogus'])
    let stderr = ''
    cli.child.stderr.on('data', (chunk) => (stderr += chunk))
    await expect(cli.firstLine).rejects.toThrow()
    expect(await cli.exited).not.toBe(0)
    expect(stderr).toContain("Unknown option '--bogus'")
    expect(stderr).toContain('--latency-ms N')
  })
})

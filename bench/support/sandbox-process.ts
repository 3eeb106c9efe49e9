import { exited, startCli } from '../../test/main/cli/support/cli'
import { waitFor } from '../../test/support/wait-for'

export interface SandboxProcess {
  url: string
  /** Calls a `/__sandbox/` helper; throws unless it answers 2xx. */
  helper(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>
  stop(): Promise<void>
}

const LISTENING = /^Teak sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m

/** `teak-desk sandbox` as its own process, as a person would run it next to an import. */
export async function startSandboxProcess(flags: string[]): Promise<SandboxProcess> {
  const child = startCli(['sandbox', '--port', '0', ...flags], process.env)
  await waitFor('the sandbox to listen', () => LISTENING.test(child.output().stdout))
  const url = LISTENING.exec(child.output().stdout)![1]
  return {
    url,
    async helper(method, path, body) {
      const response = await fetch(`${url}/__sandbox/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      if (!response.ok) {
        throw new Error(`${method} /__sandbox/${path}: ${response.status} ${await response.text()}`)
      }
      return response.status === 204 ? null : response.json()
    },
    async stop() {
      child.kill('SIGTERM')
      await exited(child)
    }
  }
}

import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JOURNAL_FILE_NAME, openJournal } from '../../../src/main/journal/journal'
import { parseInvocation } from '../../../src/main/cli/program'
import { serveFlags } from '../../../src/main/notifications/serve-command'
import { makeTempDir } from '../../support/temp-dir'
import { waitFor } from '../../support/wait-for'
import { cliEnv, exited, runCli, startCli } from '../cli/support/cli'
import { deliver, signedDelivery, voidPayload } from './support/deliver'

const SECRET = 'whsec-cli-secret'

describe('teak-desk notifications serve', () => {
  const dirs: { remove(): void }[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()))
  const home = () => {
    const dir = makeTempDir('teak-desk-serve-')
    dirs.push(dir)
    return dir.path
  }

  it('receives signed deliveries into the journal of the data directory, on 127.0.0.1, until stopped', async () => {
    const dataDir = home()
    const cli = startCli(
      ['notifications', 'serve', '--env', 'sandbox', '--port', '0'],
      cliEnv(dataDir, { TEAK_WEBHOOK_SECRET: SECRET })
    )
    await waitFor('the receiver to listen', () => /at (http\S+)/.test(cli.output().stdout))
    const url = /at (http\S+)/.exec(cli.output().stdout)![1]
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/teak\/notifications$/)

    expect((await signedDelivery(url, voidPayload(), SECRET)).status).toBe(200)
    expect((await deliver(url, JSON.stringify(voidPayload({ id: 'ntf_forged' })))).status).toBe(401)
    cli.kill('SIGTERM')
    expect(await exited(cli)).toEqual({ code: 0, signal: null })
    expect(cli.output().stderr).toMatch(/stored 1 notification/)

    const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME))
    try {
      expect(journal.listNotifications('sandbox')).toMatchObject([
        { kind: 'contract_void', signature: 'raw' }
      ])
    } finally {
      journal.close()
    }
  })

  it('refuses mistakes in its flags with exit code 2 and the usage', async () => {
    const env = cliEnv(home())
    for (const args of [
      ['notifications'],
      ['notifications', 'listen'],
      ['notifications', 'serve', '--port', 'x']
    ]) {
      const result = await runCli(args, env)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toMatch(/teak-desk help notifications|Usage: teak-desk notifications/)
    }
    const unknown = await runCli(['notifications', 'serve', '--env', 'nowhere', '--port', '0'], env)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('There is no environment "nowhere"')
  })

  it('parses its flags, with the defaults help shows', async () => {
    const flags = async (argv: string[]) => serveFlags(await parseInvocation(argv))
    expect(await flags(['notifications', 'serve'])).toEqual({
      port: 8787,
      host: '127.0.0.1',
      env: undefined,
      maxBodyBytes: 256 * 1024
    })
    expect(
      await flags([
        'notifications',
        'serve',
        '--port',
        '9000',
        '--host',
        '0.0.0.0',
        '--env',
        'production',
        '--max-body-bytes',
        '1024'
      ])
    ).toEqual({ port: 9000, host: '0.0.0.0', env: 'production', maxBodyBytes: 1024 })
  })
})

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { JOURNAL_FILE_NAME, openJournal } from '../../../src/main/journal/journal'
import { runNotificationsCommand } from '../../../src/main/notifications/serve-command'
import { signedDelivery, voidPayload } from './support/deliver'

const CHILD = fileURLToPath(new URL('./support/serve-until-killed.ts', import.meta.url))
const SECRET = 'whsec-kill-test'

/** Starts the child; resolves with its receiver's URL and a promise of its "stopped" line. */
async function startChild(dataDir: string, stopAt: 'before-commit' | 'after-commit') {
  // `node --import tsx` rather than `npx tsx`: one process, so SIGKILL hits the process holding the journal.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, stopAt], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const line = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout)
        if (match) resolve(match)
      }
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        check()
      })
      check()
      child.on('exit', (code) => reject(new Error(`The child exited (${code}): ${stderr}`)))
    })
  const [, url] = await line(/at (http:\/\/\S+)\n/)
  return { child, url, stopped: line(/stopped\n/) }
}

/** Teak's retry: the same delivery to a receiver started again on the same data directory. */
async function retryWithFreshReceiver(dataDir: string) {
  let stop = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  let url = ''
  const running = runNotificationsCommand(
    { command: 'notifications', args: ['serve'], options: { env: 'sandbox', port: '0' } },
    {
      dataDir,
      env: { TEAK_WEBHOOK_SECRET: SECRET },
      until: () => stopped,
      out: (line) => (url ||= /at (http:\/\/\S+)$/.exec(line)?.[1] ?? ''),
      err: () => {}
    }
  )
  await expect.poll(() => url).not.toBe('')
  const first = await signedDelivery(url, voidPayload(), SECRET)
  const second = await signedDelivery(url, voidPayload(), SECRET)
  stop()
  await running
  return [first, second]
}

function storedCount(dataDir: string): number {
  const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME))
  try {
    return journal.listNotifications('sandbox', { includeDone: true }).length
  } finally {
    journal.close()
  }
}

describe('a receiver killed mid-delivery', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'teak-notify-'))
    dirs.push(dir)
    return dir
  }

  for (const stopAt of ['before-commit', 'after-commit'] as const) {
    it(`killed ${stopAt.replace('-', ' the ')}: no 2xx reached Teak, and its retry is stored once`, async () => {
      const dir = dataDir()
      const { child, url, stopped } = await startChild(dir, stopAt)
      const delivery = signedDelivery(url, voidPayload(), SECRET).then(
        (reply) => reply.status,
        () => 'no answer'
      )
      await stopped
      const exited = once(child, 'exit')
      child.kill('SIGKILL')
      expect((await exited)[1]).toBe('SIGKILL')
      expect(await delivery).toBe('no answer')
      expect(storedCount(dir)).toBe(stopAt === 'before-commit' ? 0 : 1)

      const [retry, again] = await retryWithFreshReceiver(dir)
      expect(retry).toEqual({
        status: 200,
        body:
          stopAt === 'before-commit'
            ? { received: 1, stored: 1, duplicates: 0 }
            : { received: 1, stored: 0, duplicates: 1 }
      })
      expect(again.body).toEqual({ received: 1, stored: 0, duplicates: 1 })
      expect(storedCount(dir)).toBe(1)
    })
  }
})

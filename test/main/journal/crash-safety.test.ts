import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openJournal } from '../../../src/main/journal/journal'
import { useJournalPath } from './support/journal-fixtures'
import { orderBody } from './support/order-body'

const CHILD = fileURLToPath(new URL('./support/record-intent-then-wait.ts', import.meta.url))

describe('an intent is committed before the request leaves', () => {
  const journalPath = useJournalPath()

  it('survives the process being killed before the outcome: one in-doubt entry, request intact', async () => {
    const filePath = journalPath()
    // `node --import tsx` rather than `npx tsx`: one process, so SIGKILL hits the very process holding the
    // journal open (npx and the tsx CLI would each stand between it and the signal).
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, filePath, 'CRASH-1'], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const reported = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('\n')) resolve(stdout.trim())
      })
      child.on('exit', (code) => reject(new Error(`The child exited (${code}) before recording: ${stderr}`)))
    })
    const operationId = Number(await reported)
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    const [, signal] = await exited
    expect(signal).toBe('SIGKILL')

    const journal = openJournal(filePath)
    try {
      const inDoubt = journal.inDoubt()
      expect(inDoubt).toHaveLength(1)
      expect(inDoubt[0]).toMatchObject({
        id: operationId,
        kind: 'order',
        source: 'form',
        environment: 'local',
        orderNumber: 'CRASH-1',
        outcome: null,
        request: orderBody('CRASH-1')
      })
      expect(journal.latestOutcomeFor('local', 'CRASH-1')).toBe('in_doubt')
    } finally {
      journal.close()
    }
  })
})

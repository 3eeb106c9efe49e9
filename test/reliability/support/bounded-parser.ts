import { Worker } from 'node:worker_threads'
import type { BacklogOptions, BacklogParseResult } from '../../../src/shared/import/types'

type Reply = { ok: true; result: BacklogParseResult } | { ok: false; error: string }

export interface BoundedParser {
  /**
   * `parseBacklog(input, options)` in a worker thread: rejects when it throws, and when it has not finished
   * within `timeoutMs` (the worker is then stopped and the next call starts a fresh one).
   */
  parse(input: string | Uint8Array, options: BacklogOptions, timeoutMs: number): Promise<BacklogParseResult>
  close(): Promise<void>
}

/** A worker that has loaded the parser (loading takes a while, and is not the parser's time). */
function startWorker(): Promise<Worker> {
  const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url))
  return new Promise((resolve, reject) => {
    worker.once('error', reject)
    worker.once('message', () => {
      worker.off('error', reject)
      resolve(worker)
    })
  })
}

export function boundedParser(): BoundedParser {
  let worker: Promise<Worker> | null = null

  return {
    async parse(input, options, timeoutMs) {
      const thread = await (worker ??= startWorker())
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          thread.off('message', onReply)
          worker = null
          void thread.terminate()
          reject(new Error(`parseBacklog did not finish within ${timeoutMs} ms.`))
        }, timeoutMs)
        const onReply = (reply: Reply) => {
          clearTimeout(timer)
          if (reply.ok) resolve(reply.result)
          else reject(new Error(`parseBacklog threw: ${reply.error}`))
        }
        thread.once('message', onReply)
        thread.postMessage({ input, options })
      })
    },
    async close() {
      const thread = worker
      worker = null
      await (await thread)?.terminate()
    }
  }
}

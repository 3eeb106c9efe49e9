// Runs parseBacklog in a worker thread, so the test thread can stop it when a case never finishes.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { parseBacklog } = await import('../../../src/shared/import/parse-backlog.ts')

parentPort.on('message', ({ input, options }) => {
  try {
    parentPort.postMessage({ ok: true, result: parseBacklog(input, options) })
  } catch (error) {
    parentPort.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error)
    })
  }
})
parentPort.postMessage({ ready: true })

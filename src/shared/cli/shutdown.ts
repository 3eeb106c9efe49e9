/**
 * Resolves on the first SIGINT or SIGTERM, so long-running commands (`teak-desk ui`, `teak-desk sandbox`)
 * can close cleanly. Both listeners go once either fires, so a second signal gets Node's default (exit).
 */
export function waitForShutdown(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

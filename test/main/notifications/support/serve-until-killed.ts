/**
 * Child process for the kill test: runs `teak-desk notifications serve` on a data directory and, once a delivery
 * is checked and before it is committed (or just after, with `after-commit`), says so on stdout and waits to be
 * killed, as a receiver would when its machine goes down mid-delivery.
 */
import { runNotificationsCommand } from '../../../../src/main/notifications/serve-command'
import { startNotificationReceiver } from '../../../../src/main/notifications/receiver'

const [dataDir, stopAt] = process.argv.slice(2) as [string, 'before-commit' | 'after-commit']
const forever = () => new Promise<never>(() => {})
const stopHere = () => {
  process.stdout.write('stopped\n')
  return forever()
}

if (stopAt === 'before-commit') {
  await runNotificationsCommand(
    { command: 'notifications', args: ['serve'], options: { env: 'sandbox', port: '0' } },
    {
      dataDir,
      env: { TEAK_WEBHOOK_SECRET: 'whsec-kill-test' },
      beforeCommit: stopHere,
      out: (line) => process.stdout.write(`${line}\n`),
      err: () => {}
    }
  )
} else {
  // After the commit, before the answer: the same command's receiver, stopped in its onStored hook.
  const { openJournal, JOURNAL_FILE_NAME } = await import('../../../../src/main/journal/journal')
  const { join } = await import('node:path')
  const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME))
  const receiver = await startNotificationReceiver({
    environment: 'sandbox',
    book: journal,
    secret: () => 'whsec-kill-test',
    onStored: () => {
      process.stdout.write('stopped\n')
      // Block the event loop: the reply is never written, the commit is already on disk.
      for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000)
    }
  })
  process.stdout.write(`Receiving at ${receiver.url}\n`)
}

/**
 * Child process for the crash test: records one intent, reports its id on stdout, then waits to be killed,
 * as the app would while its request is on the wire.
 */
import { openJournal } from '../../../../src/main/journal/journal'
import { orderBody } from './order-body'

const [filePath, orderNumber] = process.argv.slice(2) as [string, string]
const journal = openJournal(filePath)
const operationId = journal.recordIntent({
  kind: 'order',
  source: 'form',
  environment: 'local',
  orderNumber,
  request: orderBody(orderNumber)
})
process.stdout.write(`${operationId}\n`)
setInterval(() => {}, 60_000)

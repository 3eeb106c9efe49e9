import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/import-engine'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { createTeakClient, type TeakClient } from '../../../src/main/teak/client'
import { DEFAULT_ASSUMPTIONS, DEMO_KEYS, startSandbox, type RunningSandbox } from '../../../src/sandbox'
import { parseBacklog } from '../../../src/shared/import/parse-backlog'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'

/**
 * Teak's answer to a duplicate order number is undocumented (contract-notes §11 #4). A sandbox answering it
 * with 400 and an "already exists" message, not 409, must still give `already_submitted` in the journal,
 * History and the import report: Teak holds a live order, and "rejected" would invite a resend.
 */
describe('a duplicate answered with 400 and "already exists"', () => {
  const dir = makeTempDir()
  let sandbox: RunningSandbox
  let client: TeakClient

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    client = createTeakClient({ baseUrl: sandbox.url, credentials: DEMO_KEYS })
  })
  afterAll(async () => {
    client.close()
    await sandbox.close()
    dir.remove()
  })

  const orders = (prefix: string) =>
    parseBacklog(
      backlogCsv(
        [1, 2].map((i) => ({
          order_number: `${prefix}-${i}`,
          quote_token: sandbox.mintQuoteToken({ opt_in: true }),
          item_reference_number: `${prefix}-${i}-r`
        }))
      )
    ).orders

  const importInto = (journal: Journal, prefix: string) =>
    runImport({ journal, client, environment: sandbox.url, file: 'dup.csv', orders: orders(prefix) })

  it.each([
    ['in the legacy error shape, naming the field', true],
    ['as a message only', false]
  ])('%s', async (_label, errorFieldInBody) => {
    const prefix = errorFieldInBody ? 'DUPF' : 'DUPM'
    sandbox.setAssumptions({
      errorStatuses: { ...DEFAULT_ASSUMPTIONS.errorStatuses, duplicateOrder: 400 },
      errorFieldInBody
    })
    // Another computer sent these orders: this journal has never seen them.
    const elsewhere = openJournal(`${dir.path}/${prefix}-elsewhere.sqlite`)
    const here = openJournal(`${dir.path}/${prefix}-here.sqlite`)
    try {
      expect((await importInto(elsewhere, prefix)).report.summary.created).toBe(2)
      const { report } = await importInto(here, prefix)
      expect(report.summary).toMatchObject({ orders: 2, already_submitted: 2, rejected: 0 })
      for (const entry of report.orders) {
        expect(entry).toMatchObject({ outcome: 'already_submitted', status: 400 })
        expect(here.latestOutcomeFor(sandbox.url, entry.order_number)).toBe('already_submitted')
      }
      const history = here.search({ environment: sandbox.url, limit: 10 })
      expect(history.rows.map((row) => row.outcome)).toEqual(['already_submitted', 'already_submitted'])
      expect(sandbox.orders().filter((o) => o.order_number.startsWith(`${prefix}-`))).toHaveLength(2)
    } finally {
      elsewhere.close()
      here.close()
      sandbox.setAssumptions({ errorStatuses: DEFAULT_ASSUMPTIONS.errorStatuses, errorFieldInBody: true })
    }
  })
})

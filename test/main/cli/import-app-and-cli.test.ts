import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImportService } from '../../../src/main/import/import-service'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../../src/sandbox'
import { importReportSchema, type ImportReport } from '../../../src/shared/import/report'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { startApp, type RunningApp } from '../../support/app-host'
import { waitFor } from '../../support/wait-for'
import { cliEnv, runCli } from './support/cli'

const KEYS = { TEAK_PUBLIC_KEY: DEMO_KEYS.publicKey, TEAK_SECRET_KEY: DEMO_KEYS.secretKey }

/**
 * An agent imports a backlog in the app while a scheduled `teak-desk import` of an overlapping backlog runs
 * on the same computer and data folder: each order reaches Teak once, both reports name the same run for
 * every order they share, and neither side crashes.
 */
describe('an app import and a CLI import of overlapping backlogs on one data folder', () => {
  let sandbox: RunningSandbox
  let app: RunningApp

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, latencyMs: 5 })
    app = await startApp({ secrets: createKeytarSecretStore({ service: `teak-desk-test-${process.pid}` }) })
  })
  afterAll(async () => {
    await app?.stop()
    await sandbox?.close()
  })

  const csv = (from: number, to: number) =>
    backlogCsv(
      Array.from({ length: to - from }, (_, i) => ({
        order_number: `OV-${from + i}`,
        quote_token: '',
        item_reference_number: `OV-${from + i}-r`
      }))
    )

  it('sends every order once, and both reports agree on which run sent the shared ones', async () => {
    const { services } = app
    const environmentId = await services.settings.saveEnvironment({
      label: 'Shared Teak',
      baseUrl: sandbox.url
    })
    await services.secrets.set(environmentId, { ...DEMO_KEYS, baseUrl: sandbox.url })
    const imports = createImportService(services)
    const cliFile = join(app.dataDir, 'cli-backlog.csv')
    writeFileSync(cliFile, csv(20, 60))
    const cliReport = join(app.dataDir, 'cli-report.json')

    const preview = await imports.preview({
      fileName: 'app.csv',
      text: csv(0, 40),
      missingTokenAsOptIn: true
    })
    const started = await imports.start({
      previewId: preview.previewId,
      environmentId,
      confirmations: { production: false }
    })
    const cli = await runCli(
      [
        'import',
        cliFile,
        '--env',
        environmentId,
        '--parallel',
        '--missing-token-as-opt-in',
        '--report',
        cliReport
      ],
      cliEnv(app.dataDir, KEYS)
    )
    await waitFor('the app import to finish', () => imports.status()?.state === 'finished')
    const appReport: ImportReport = imports.report(imports.status()!.runId)
    expect(imports.status()!.runId).toBe(started.runId)
    const fromCli = importReportSchema.parse(JSON.parse(readFileSync(cliReport, 'utf8')))

    expect(cli.stderr).not.toMatch(/^\s+at /m)
    expect([0, 1]).toContain(cli.code)
    const created = sandbox.orders().map((order) => order.order_number)
    expect(created.sort()).toEqual(Array.from({ length: 60 }, (_, i) => `OV-${i}`).sort())

    for (const report of [appReport, fromCli]) {
      expect(report.summary.invalid + report.summary.rejected + report.summary.failed).toBe(0)
      expect(report.summary.in_doubt).toBe(0)
    }
    const cliEntries = new Map(fromCli.orders.map((entry) => [entry.order_number, entry]))
    const shared = appReport.orders.filter((entry) => cliEntries.has(entry.order_number))
    expect(shared).toHaveLength(20)
    for (const entry of shared) {
      expect(entry.sent_by_run).not.toBeNull()
      expect(cliEntries.get(entry.order_number)!.sent_by_run).toBe(entry.sent_by_run)
    }
  })
})

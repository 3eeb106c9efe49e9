import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createImportService, type ImportService } from '../../../src/main/import/import-service'
import { createServices, type Services } from '../../../src/main/services'
import { NO_FAULTS } from '../../../src/sandbox'
import { AppError, type EventMessage } from '../../../src/shared/contract'
import type { ImportStatus } from '../../../src/shared/contract/import'
import { backlogCsv } from '../../shared/import/csv-fixtures'
import { makeTempDir } from '../../support/temp-dir'
import { waitFor } from '../../support/wait-for'

describe('the app import service', () => {
  const dir = makeTempDir()
  let services: Services
  let imports: ImportService
  const statuses: ImportStatus[] = []

  beforeAll(async () => {
    services = await createServices({ dataDir: dir.path, version: 'test', host: 'browser' })
    services.events.subscribe((message: EventMessage) => {
      if (message.name === 'import.progress') statuses.push(message.payload as ImportStatus)
    })
    imports = createImportService(services, {
      retry: { maxAttempts: 2, baseMs: 5, capMs: 10 },
      progressIntervalMs: 20
    })
  })
  afterEach(() => services.sandbox.setFaults(NO_FAULTS))
  afterAll(async () => {
    await services.close()
    dir.remove()
  })

  /** `count` valid one-item orders, then the `extra` rows. */
  function backlog(prefix: string, count: number, extra: Record<string, string>[] = []): string {
    const rows = Array.from({ length: count }, (_, i) => ({
      order_number: `${prefix}-${i}`,
      quote_token: services.sandbox.mintQuoteToken({ opt_in: true }),
      item_reference_number: `${prefix}-${i}-r`
    }))
    return backlogCsv([...rows, ...extra])
  }

  async function ended(runId: number): Promise<ImportStatus> {
    const last = () => statuses.filter((s) => s.runId === runId).at(-1)
    await waitFor(`run ${runId} to end`, () =>
      ['finished', 'cancelled', 'failed'].includes(last()?.state ?? '')
    )
    return last()!
  }

  const stored = (prefix: string) =>
    services.sandbox.orders().filter((o) => o.order_number.startsWith(`${prefix}-`))
  /** Whether the copy of a previewed file is still kept in the data directory. */
  const kept = (previewId: string) => readdirSync(join(dir.path, 'imports')).includes(`${previewId}.csv`)

  it('previews a file, keeps it in the data directory, and imports it with progress events', async () => {
    const text = backlog('SVC', 6, [{ order_number: 'SVC-bad', currency: 'XYZ' }])
    const preview = await imports.preview({ fileName: 'svc.csv', text, missingTokenAsOptIn: false })
    expect(preview).toMatchObject({ fileName: 'svc.csv', rowCount: 7, validOrders: 6, invalidOrders: 1 })
    expect(readdirSync(join(dir.path, 'imports'))).toEqual([`${preview.previewId}.csv`])

    const started = await imports.start({
      previewId: preview.previewId,
      environmentId: 'local',
      confirmations: { production: false }
    })
    expect(started).toMatchObject({ fileName: 'svc.csv', environmentId: 'local', onlyFailed: false })
    const last = await ended(started.runId)
    expect(last).toMatchObject({ state: 'finished', progress: { total: 7, done: 7 } })
    expect(last.progress.summary).toMatchObject({ created: 6, invalid: 1 })
    expect(imports.report(started.runId).summary).toEqual(last.progress.summary)
    expect(stored('SVC')).toHaveLength(6)
    // Finished with nothing to retry: the copy of the file, customer data included, is gone.
    expect(kept(preview.previewId)).toBe(false)
    // A preview is started once.
    await expect(
      imports.start({
        previewId: preview.previewId,
        environmentId: 'local',
        confirmations: { production: false }
      })
    ).rejects.toThrow('no longer ready to import')
  })

  it("checks a file with the target environment's assumption levels: warnings are listed and imported", async () => {
    const uae = { billing_city: 'Dubai', billing_zip_code: '', billing_country: 'AE' }
    const text = backlog('UAE', 1, [
      {
        order_number: 'UAE-x',
        quote_token: services.sandbox.mintQuoteToken({ opt_in: true }),
        item_reference_number: 'UAE-x-r',
        ...uae
      }
    ])
    const preview = await imports.preview({ fileName: 'uae.csv', text, missingTokenAsOptIn: false })
    expect(preview).toMatchObject({ environmentId: 'local', validOrders: 2, invalidOrders: 0 })
    expect(preview.orders.find((order) => order.orderNumber === 'UAE-x')?.warnings).toEqual([
      {
        row: 3,
        column: 'billing_zip_code',
        value: '',
        message: 'No zip code given. (assumption billingZipCode: a warning; the order is still sent)'
      }
    ])
    const started = await imports.start({
      previewId: preview.previewId,
      environmentId: 'local',
      confirmations: { production: false }
    })
    expect((await ended(started.runId)).progress.summary).toMatchObject({ created: 2, invalid: 0 })
    expect(services.sandbox.orders().find((o) => o.order_number === 'UAE-x')?.billing_address).toEqual({
      address1: '123 Main St',
      city: 'Dubai',
      country: 'AE'
    })

    await services.settings.setAssumptions('local', { billingZipCode: 'block' })
    try {
      const strict = await imports.preview({
        fileName: 'uae.csv',
        text: backlog('UAE2', 0, [{ order_number: 'UAE2-x', ...uae }]),
        missingTokenAsOptIn: true,
        environmentId: 'local'
      })
      expect(strict).toMatchObject({ validOrders: 0, invalidOrders: 1 })
      expect(strict.orders[0].errors.map((e) => e.column)).toEqual(['billing_zip_code'])
    } finally {
      await services.settings.setAssumptions('local', { billingZipCode: 'warn' })
    }
  })

  it('asks for the production confirmation before anything else', async () => {
    const preview = await imports.preview({
      fileName: 'p.csv',
      text: backlog('PROD', 1),
      missingTokenAsOptIn: false
    })
    const refusal = await imports
      .start({
        previewId: preview.previewId,
        environmentId: 'production',
        confirmations: { production: false }
      })
      .catch((error: AppError) => error)
    expect(refusal).toMatchObject({ code: 'confirmation_required', details: { reason: 'production' } })
  })

  it('pauses and cancels a run: orders in flight finish, and the run is closed, not offered for resume', async () => {
    await services.settings.update({ importConcurrency: 1 })
    const preview = await imports.preview({
      fileName: 'c.csv',
      text: backlog('CAN', 20),
      missingTokenAsOptIn: false
    })
    // Teak holds every call until the run is paused and cancelled: the run cannot end first.
    const hold = services.sandbox.hold()
    const start = () =>
      imports.start({
        previewId: preview.previewId,
        environmentId: 'local',
        confirmations: { production: false }
      })
    let started: Awaited<ReturnType<typeof start>>
    try {
      started = await start()
      await expect(start()).rejects.toThrow()
      expect(imports.pause(started.runId).state).toBe('paused')
      expect(imports.cancel(started.runId).state).toBe('stopping')
    } finally {
      hold.release()
    }
    const last = await ended(started.runId)
    expect(last.state).toBe('cancelled')
    expect(last.progress.done).toBeLessThan(20)
    expect(stored('CAN')).toHaveLength(last.progress.summary.created)
    expect(imports.unfinished()).toEqual([])
    expect(kept(preview.previewId)).toBe(false)
    await services.settings.update({ importConcurrency: 4 })
  })

  it('retries only the failed orders of a run, in a new run over the kept file', async () => {
    services.sandbox.setFaults({ failRate: 1 })
    const preview = await imports.preview({
      fileName: 'f.csv',
      text: backlog('RTY', 3),
      missingTokenAsOptIn: false
    })
    const first = await imports.start({
      previewId: preview.previewId,
      environmentId: 'local',
      confirmations: { production: false }
    })
    expect((await ended(first.runId)).progress.summary.failed).toBe(3)
    // Kept while "Retry failed orders" may still re-read it.
    expect(kept(preview.previewId)).toBe(true)

    services.sandbox.setFaults(NO_FAULTS)
    const retry = await imports.retryFailed({ runId: first.runId, confirmations: { production: false } })
    expect(retry).toMatchObject({ onlyFailed: true, fileName: 'f.csv' })
    const last = await ended(retry.runId)
    expect(last.progress.summary).toMatchObject({ orders: 3, failed: 0 })
    expect(stored('RTY')).toHaveLength(3)
    expect(kept(preview.previewId)).toBe(false)
  })

  it('keeps only the files of runs that can still be resumed when the app starts again', async () => {
    // A file previewed but never imported when the app closed.
    await imports.preview({ fileName: 'left.csv', text: backlog('LEFT', 1), missingTokenAsOptIn: false })
    expect(readdirSync(join(dir.path, 'imports'))).toHaveLength(1)
    createImportService(services)
    expect(readdirSync(join(dir.path, 'imports'))).toEqual([])
  })
})

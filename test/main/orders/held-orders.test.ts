import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract'
import { submitOrder } from '../../../src/main/orders/order-service'
import type { OrderRequest } from '../../../src/shared/teak/order-request'
import { startApp, type RunningApp } from '../../support/app-host'

/** The order form and an import on one data folder: the form never sends an order an import is sending. */
describe('the order form and a running import', () => {
  let app: RunningApp
  beforeEach(async () => {
    app = await startApp()
  })
  afterEach(async () => {
    await app.stop()
  })

  function order(orderNumber: string): OrderRequest {
    return {
      token: app.services.sandbox.mintQuoteToken({ opt_in: true }),
      order_number: orderNumber,
      currency: 'USD',
      event: { name: 'Concert', start_date: '2027-12-24' },
      items: [{ name: 'Ticket', reference_number: `${orderNumber}-r`, cost: '50.00' }],
      customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
      billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'US' },
      payment: { type: 'invoice' }
    }
  }

  it('refuses to send an order an import holds, naming the run, and sends it once the import lets go', async () => {
    const { journal, sandbox } = app.services
    const importRun = journal.registerSender({ kind: 'import', label: 'import run 7' })
    expect(journal.claimOrder(importRun, 'local', 'HELD-1')).toEqual({ ok: true })
    const submit = () =>
      submitOrder(app.services, {
        environmentId: 'local',
        order: order('HELD-1'),
        confirmations: { missingToken: false, production: false }
      })

    const refused = await submit().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({ code: 'conflict' })
    expect((refused as AppError).message).toMatch(
      /^Order HELD-1 is being sent by import run 7 \(started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\): not sent from here/
    )
    expect(journal.orderDetail('local', 'HELD-1')).toBeNull()
    expect(sandbox.orders()).toEqual([])

    journal.releaseOrder(importRun, 'local', 'HELD-1')
    expect(await submit()).toMatchObject({ outcome: 'created' })
    // The form let go of it too: the import may claim it again (and will find it at Teak).
    expect(journal.claimOrder(importRun, 'local', 'HELD-1')).toEqual({ ok: true })
  })

  it('shows in the order detail who is sending the order right now', async () => {
    const { journal } = app.services
    await submitOrder(app.services, {
      environmentId: 'local',
      order: order('HELD-2'),
      confirmations: { missingToken: false, production: false }
    })
    expect(journal.orderDetail('local', 'HELD-2')?.beingSentBy).toBeNull()
    const importRun = journal.registerSender({ kind: 'import', label: 'import run 8' })
    journal.claimOrder(importRun, 'local', 'HELD-2')
    expect(journal.orderDetail('local', 'HELD-2')?.beingSentBy).toMatch(/^import run 8 \(started /)
    journal.retireSender(importRun)
    expect(journal.orderDetail('local', 'HELD-2')?.beingSentBy).toBeNull()
  })
})

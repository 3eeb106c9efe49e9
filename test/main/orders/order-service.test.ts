import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveInDoubt, submitOrder } from '../../../src/main/orders/order-service'
import { createKeytarSecretStore } from '../../../src/main/secrets/keytar-store'
import { createServices, type Services } from '../../../src/main/services'
import { createTeakClient } from '../../../src/main/teak/client'
import { DEMO_KEYS } from '../../../src/sandbox'
import { AppError } from '../../../src/shared/contract'
import type { OrderRequest } from '../../../src/shared/teak/order-request'
import { makeTempDir } from '../../support/temp-dir'

const NO_CONFIRMATIONS = { missingToken: false, production: false }

function order(orderNumber: string, token?: string): OrderRequest {
  return {
    ...(token ? { token } : {}),
    order_number: orderNumber,
    currency: 'EUR',
    event: { name: 'Match', start_date: '2027-05-01' },
    items: [{ name: 'Seat', reference_number: `${orderNumber}-1`, cost: '80' }],
    customer: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' },
    billing_address: { address1: '2 Side St', city: 'Arlington', zip_code: '22201', country: 'US' }
  }
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('order submission from the workbench', () => {
  let services: Services
  const dir = makeTempDir()

  beforeAll(async () => {
    services = await createServices({
      dataDir: dir.path,
      version: 'test',
      host: 'browser',
      secrets: createKeytarSecretStore({ service: `teak-desk-test-${randomBytes(4).toString('hex')}` })
    })
  })
  afterAll(async () => {
    await services.close()
    dir.remove()
  })

  it('submits an opt-in to the embedded sandbox and returns the policies table', async () => {
    const token = services.sandbox.mintQuoteToken({ opt_in: true })
    const result = await submitOrder(services, {
      environmentId: 'local',
      order: order('OS-1', token),
      confirmations: NO_CONFIRMATIONS
    })
    expect(result).toMatchObject({ outcome: 'created', orderNumber: 'OS-1', environmentId: 'local' })
    expect(result.policies).toEqual([
      expect.objectContaining({
        itemName: 'Seat',
        itemReference: 'OS-1-1',
        cost: '80.00',
        premium: '6.80',
        status: 'Issued'
      })
    ])
  })

  it('asks for confirmation before sending an order without a quote token (Teak treats it as an opt-in)', async () => {
    const error = await refusal(
      submitOrder(services, { environmentId: 'local', order: order('OS-2'), confirmations: NO_CONFIRMATIONS })
    )
    expect(error).toMatchObject({ code: 'confirmation_required', details: { reason: 'missing_token' } })
    expect(services.journal.latestOutcomeFor('local', 'OS-2')).toBeNull()
    const confirmed = await submitOrder(services, {
      environmentId: 'local',
      order: order('OS-2'),
      confirmations: { missingToken: true, production: false }
    })
    expect(confirmed.outcome).toBe('created')
  })

  it('holds opt-ins to the certification fields, pointing at each missing one', async () => {
    const token = services.sandbox.mintQuoteToken({ opt_in: true })
    const { customer: _c, billing_address: _b, event: _e, ...bare } = order('OS-3', token)
    const error = await refusal(
      submitOrder(services, { environmentId: 'local', order: bare, confirmations: NO_CONFIRMATIONS })
    )
    expect(error.code).toBe('invalid_input')
    const paths = (error.details as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(['order.items.0.event', 'order.customer', 'order.billing_address'])
  })

  it('sends an opt-out without the opt-in details, and never as an opt-in', async () => {
    const token = services.sandbox.mintQuoteToken({ opt_in: false })
    const { customer: _c, billing_address: _b, ...bare } = order('OS-4', token)
    const result = await submitOrder(services, {
      environmentId: 'local',
      order: bare,
      confirmations: NO_CONFIRMATIONS
    })
    expect(result.outcome).toBe('opted_out')
    expect(services.sandbox.orders().some((o) => o.order_number === 'OS-4')).toBe(false)
  })

  it('refuses a malformed quote token at its field', async () => {
    const error = await refusal(
      submitOrder(services, {
        environmentId: 'local',
        order: order('OS-5', 'not-a-jwt'),
        confirmations: NO_CONFIRMATIONS
      })
    )
    expect(error).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: ['order', 'token'] }] }
    })
  })

  it('requires explicit confirmation for production, before any network call', async () => {
    await services.settings.saveEnvironment({
      id: 'production',
      label: 'Production',
      baseUrl: 'https://teak.invalid'
    })
    const token = services.sandbox.mintQuoteToken({ opt_in: true })
    const error = await refusal(
      submitOrder(services, {
        environmentId: 'production',
        order: order('OS-6', token),
        confirmations: NO_CONFIRMATIONS
      })
    )
    expect(error).toMatchObject({ code: 'confirmation_required', details: { reason: 'production' } })
    expect(services.journal.latestOutcomeFor('production', 'OS-6')).toBeNull()
  })

  it('resolves an in-doubt order by resending it as journaled: already submitted, still one order at Teak', async () => {
    // A crash between sending and journaling the answer: Teak has the order, the journal only the intent.
    const token = services.sandbox.mintQuoteToken({ opt_in: true })
    const request = order('OS-8', token)
    const crashed = services.journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: 'OS-8',
      request: { ...request, order_number: 'OS-8' }
    })
    const direct = createTeakClient({ baseUrl: services.sandbox.url, credentials: DEMO_KEYS })
    await direct.createOrder({ ...request, order_number: 'OS-8' })
    direct.close()
    expect(services.sandbox.orders().filter((o) => o.order_number === 'OS-8')).toHaveLength(1)

    const resolved = await resolveInDoubt(services, { operationId: crashed })
    expect(resolved.outcome).toBe('already_submitted')
    expect(services.sandbox.orders().filter((o) => o.order_number === 'OS-8')).toHaveLength(1)
    await expect(resolveInDoubt(services, { operationId: crashed })).rejects.toMatchObject({
      code: 'not_found'
    })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cancelPolicy, exchangeItems, voidPolicy } from '../../../src/main/policies/policy-service'
import type { Services } from '../../../src/main/services'
import { DAY_MS } from '../../../src/sandbox/clock'
import { AppError } from '../../../src/shared/contract'
import { createOrderAtTeak, startTeakDesk } from './support/teak-desk'

const ITEMS = [
  { name: 'Floor ticket', reference: 'floor', cost: '100.00' },
  { name: 'Balcony ticket', reference: 'balcony', cost: '60.00' }
]
const NO_CONFIRMATION = { production: false }

/** The AppError a promise rejects with (fails the test if it resolves). */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('policy changes against the local sandbox, journaled', () => {
  let services: Services
  let stop: () => Promise<void>

  beforeEach(async () => {
    ;({ services, stop } = await startTeakDesk())
  })
  afterEach(() => stop())

  const detailOf = (orderNumber: string) => services.journal.orderDetail('local', orderNumber)!
  const policyOf = (orderNumber: string, reference: string) =>
    detailOf(orderNumber).policies.find((policy) => policy.itemReference === reference)!
  const atTeak = (policyNumber: string) =>
    services.sandbox
      .orders()
      .flatMap((order) => order.policies)
      .find((policy) => policy.policy_number === policyNumber)!

  it('an upgrade replaces the old policy and lists the new one Teak returned', async () => {
    const created = await createOrderAtTeak(services, 'PX-1', ITEMS)
    const old = policyOf('PX-1', 'floor')

    const result = await exchangeItems(services, {
      environmentId: 'local',
      orderNumber: 'PX-1',
      confirmations: NO_CONFIRMATION,
      items: [{ old_reference_number: 'floor', name: 'VIP seat', reference_number: 'vip', cost: '150.00' }]
    })

    expect(result).toMatchObject({
      outcome: 'succeeded',
      newItems: [{ name: 'VIP seat', referenceNumber: 'vip', cost: '150.00' }],
      newPolicies: [{ itemReference: 'vip', itemName: 'VIP seat', status: 'Issued', currency: 'USD' }]
    })
    const newPolicyNumber = result.newPolicies[0]!.policyNumber
    // Teak's side: the old policy is Upgraded, the new one Issued.
    expect(atTeak(old.policyNumber).status).toBe('Upgraded')
    expect(atTeak(newPolicyNumber).status).toBe('Issued')
    // The PATCH went to Teak's own order id, which the create response gave the journal.
    expect(services.sandbox.requests().map((r) => `${r.method} ${r.path}`)).toContain(
      `PATCH /api/v2/orders/${created.teakOrderId}/`
    )

    const detail = detailOf('PX-1')
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'exchange', outcome: 'succeeded', httpStatus: 200 })
    expect(detail.items.map((item) => [item.referenceNumber, item.replacedBy])).toEqual([
      ['floor', 'vip'],
      ['balcony', null],
      ['vip', null]
    ])
    expect(detail.policies.find((p) => p.policyNumber === old.policyNumber)!.replacedBy).toBe('vip')
    expect(detail.order.policies.map((p) => p.policyNumber)).toEqual([
      policyOf('PX-1', 'balcony').policyNumber,
      newPolicyNumber
    ])
    expect(detail.timeline.map((op) => [op.kind, op.source, op.outcome])).toEqual([
      ['order', 'form', 'created'],
      ['exchange', 'form', 'succeeded']
    ])
    expect(detail.timeline[1]!.request).toEqual({
      items: [{ old_reference_number: 'floor', name: 'VIP seat', reference_number: 'vip', cost: '150.00' }]
    })
  })

  it('refuses to replace an item the order does not hold now, and sends nothing', async () => {
    await createOrderAtTeak(services, 'PX-2', ITEMS)
    const before = services.sandbox.requests().length

    const error = await appErrorOf(
      exchangeItems(services, {
        environmentId: 'local',
        orderNumber: 'PX-2',
        confirmations: NO_CONFIRMATION,
        items: [{ old_reference_number: 'stalls', name: 'Stalls', reference_number: 'stalls-2', cost: '10' }]
      })
    )

    expect(error.code).toBe('invalid_input')
    expect(error.details).toEqual({
      issues: [
        {
          path: ['items', 0, 'old_reference_number'],
          message: 'Order PX-2 has no current item with reference number "stalls".'
        }
      ]
    })
    expect(services.sandbox.requests()).toHaveLength(before)
    expect(detailOf('PX-2').timeline).toHaveLength(1)
  })

  it('voids a policy and records the status Teak returned', async () => {
    await createOrderAtTeak(services, 'PV-1', ITEMS)
    const { policyNumber } = policyOf('PV-1', 'balcony')

    const result = await voidPolicy(services, {
      environmentId: 'local',
      orderNumber: 'PV-1',
      policyNumber,
      confirmations: NO_CONFIRMATION
    })

    expect(result).toMatchObject({ outcome: 'succeeded', status: 'Voided' })
    expect(result.date).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(atTeak(policyNumber).status).toBe('Voided')
    expect(policyOf('PV-1', 'balcony').status).toBe('Voided')
    const operation = detailOf('PV-1').timeline.at(-1)!
    expect(operation).toMatchObject({
      kind: 'void',
      policyNumber,
      outcome: 'succeeded',
      error: null,
      httpStatus: 200
    })
    expect(operation.response).toEqual({ status: 'Voided', void_date: result.date })
  })

  it('cancels a policy; a void afterwards is refused before sending (documented), nothing reaches Teak', async () => {
    await createOrderAtTeak(services, 'PC-1', ITEMS)
    const { policyNumber } = policyOf('PC-1', 'floor')
    const target = {
      environmentId: 'local',
      orderNumber: 'PC-1',
      policyNumber,
      confirmations: NO_CONFIRMATION
    }

    const canceled = await cancelPolicy(services, target)
    expect(canceled).toMatchObject({ outcome: 'succeeded', status: 'Canceled' })
    expect(canceled.date).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(policyOf('PC-1', 'floor').status).toBe('Canceled')
    const sent = services.sandbox.requests().length

    const refused = await appErrorOf(voidPolicy(services, target))
    expect(refused.code).toBe('conflict')
    expect(refused.message).toBe(
      `Policy ${policyNumber} of order PC-1 cannot be voided: Teak does not void a canceled policy: it can no longer be voided. Nothing was sent to Teak.`
    )
    expect(services.sandbox.requests()).toHaveLength(sent)
    expect(detailOf('PC-1').timeline.map((op) => op.kind)).toEqual(['order', 'cancel'])
    expect(atTeak(policyNumber).status).toBe('Canceled')
  })

  it('refuses to exchange an item whose policy is no longer Issued (documented), sending nothing', async () => {
    await createOrderAtTeak(services, 'PC-2', ITEMS)
    const { policyNumber } = policyOf('PC-2', 'balcony')
    await voidPolicy(services, {
      environmentId: 'local',
      orderNumber: 'PC-2',
      policyNumber,
      confirmations: NO_CONFIRMATION
    })
    const sent = services.sandbox.requests().length

    const refused = await appErrorOf(
      exchangeItems(services, {
        environmentId: 'local',
        orderNumber: 'PC-2',
        confirmations: NO_CONFIRMATION,
        items: [{ old_reference_number: 'balcony', name: 'Box', reference_number: 'box', cost: '60' }]
      })
    )
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain(
      'cannot be exchanged: Teak exchanges only Issued policies; this one is Voided.'
    )
    expect(services.sandbox.requests()).toHaveLength(sent)
  })

  it('a void outside the look period is refused with Teak’s message, recorded in full', async () => {
    await createOrderAtTeak(services, 'PL-1', ITEMS)
    const { policyNumber } = policyOf('PL-1', 'floor')
    services.sandbox.advanceClock(31 * DAY_MS)

    const result = await voidPolicy(services, {
      environmentId: 'local',
      orderNumber: 'PL-1',
      policyNumber,
      confirmations: NO_CONFIRMATION
    })

    expect(result.outcome).toBe('rejected')
    expect(result.error?.message).toMatch(/30-day look period ended on .*so it can no longer be voided/)
    expect(detailOf('PL-1').timeline.at(-1)).toMatchObject({
      kind: 'void',
      outcome: 'rejected',
      httpStatus: 400,
      error: { kind: 'validation', message: result.error?.message }
    })
    expect(policyOf('PL-1', 'floor').status).toBe('Issued')
    expect(atTeak(policyNumber).status).toBe('Issued')
  })

  it('refuses policies the order does not have and orders Teak holds no policies for', async () => {
    await createOrderAtTeak(services, 'PN-1', ITEMS)
    const unknownPolicy = await appErrorOf(
      voidPolicy(services, {
        environmentId: 'local',
        orderNumber: 'PN-1',
        policyNumber: 'NOPE-0000000000',
        confirmations: NO_CONFIRMATION
      })
    )
    expect(unknownPolicy).toMatchObject({ code: 'not_found' })
    expect(unknownPolicy.message).toContain('NOPE-0000000000 is not a policy of order PN-1')

    const unknownOrder = await appErrorOf(
      cancelPolicy(services, {
        environmentId: 'local',
        orderNumber: 'PN-404',
        policyNumber: 'X',
        confirmations: NO_CONFIRMATION
      })
    )
    expect(unknownOrder).toMatchObject({ code: 'not_found' })

    const operationId = services.journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'local',
      orderNumber: 'PN-2',
      request: { order_number: 'PN-2' }
    })
    services.journal.recordOutcome(operationId, { outcome: 'rejected', httpStatus: 400 })
    const rejectedOrder = await appErrorOf(
      exchangeItems(services, {
        environmentId: 'local',
        orderNumber: 'PN-2',
        confirmations: NO_CONFIRMATION,
        items: [{ old_reference_number: 'a', name: 'B', reference_number: 'b', cost: '1' }]
      })
    )
    expect(rejectedOrder.code).toBe('conflict')
    expect(rejectedOrder.message).toBe(
      'The policies of order PN-2 cannot be changed: Teak does not hold it (its submission ended rejected).'
    )
  })

  it('asks for confirmation before changing a policy in production, and journals nothing until then', async () => {
    // Production has no address in a fresh data directory, so the order is journaled as Teak created it.
    const operationId = services.journal.recordIntent({
      kind: 'order',
      source: 'form',
      environment: 'production',
      orderNumber: 'PP-1',
      request: { order_number: 'PP-1', items: [{ reference_number: 'floor', name: 'Floor', cost: '100.00' }] }
    })
    services.journal.recordOutcome(operationId, {
      outcome: 'created',
      httpStatus: 201,
      policies: [{ policyNumber: 'PRODP-0000000001', itemReference: 'floor', status: 'Issued' }]
    })
    const target = { environmentId: 'production', orderNumber: 'PP-1', policyNumber: 'PRODP-0000000001' }

    for (const change of [voidPolicy, cancelPolicy]) {
      const refused = await appErrorOf(change(services, { ...target, confirmations: NO_CONFIRMATION }))
      expect(refused).toMatchObject({ code: 'confirmation_required', details: { reason: 'production' } })
      expect(refused.message).toMatch(
        /^This would (void|cancel) policy PRODP-0000000001 in Production.*real/i
      )
    }
    const exchange = await appErrorOf(
      exchangeItems(services, {
        environmentId: 'production',
        orderNumber: 'PP-1',
        confirmations: NO_CONFIRMATION,
        items: [{ old_reference_number: 'floor', name: 'VIP', reference_number: 'vip', cost: '150' }]
      })
    )
    expect(exchange).toMatchObject({ code: 'confirmation_required', details: { reason: 'production' } })

    // Confirmed, it gets past the question and stops only at the missing production address.
    const confirmed = await appErrorOf(
      voidPolicy(services, { ...target, confirmations: { production: true } })
    )
    expect(confirmed.code).toBe('not_found')
    expect(confirmed.message).toContain('has no API address yet')
    expect(services.journal.orderDetail('production', 'PP-1')!.timeline).toHaveLength(1)
  })
})

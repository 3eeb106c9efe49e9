import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../../src/main/contract/dispatcher'
import { createHandlers } from '../../../src/main/ipc/handlers'
import type { Services } from '../../../src/main/services'
import { createOrderAtTeak, startTeakDesk } from './support/teak-desk'

describe('policies methods through the dispatcher', () => {
  let services: Services
  let stop: () => Promise<void>
  let dispatch: Dispatch

  beforeAll(async () => {
    ;({ services, stop } = await startTeakDesk())
    dispatch = createDispatcher(createHandlers(services))
    await createOrderAtTeak(services, 'PH-1', [
      { name: 'Floor ticket', reference: 'floor', cost: '100.00' },
      { name: 'Balcony ticket', reference: 'balcony', cost: '60.00' }
    ])
  })
  afterAll(() => stop())

  const exchange = (cost: string) =>
    dispatch('policies.exchange', {
      environmentId: 'local',
      orderNumber: 'PH-1',
      items: [{ old_reference_number: 'balcony', name: 'Stalls', reference_number: 'stalls', cost }]
    })

  it('holds the new cost to our rule and names the field', async () => {
    const result = await exchange('1,234')
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const issues = (result as { error: { details: { issues: { path: unknown[]; message: string }[] } } })
      .error.details.issues
    expect(issues).toEqual([
      {
        path: ['items', 0, 'cost'],
        message: expect.stringContaining('"1,234" is ambiguous: Teak reads this as 1.234')
      }
    ])
  })

  it('sends the new cost in canonical form and answers within the contract', async () => {
    const result = await exchange('60,00')
    expect(result).toMatchObject({
      ok: true,
      data: { outcome: 'succeeded', newItems: [{ referenceNumber: 'stalls', cost: '60.00' }] }
    })
    // Same cost: Teak's word for it is an exchange.
    const balcony = services.journal
      .orderDetail('local', 'PH-1')!
      .policies.find((p) => p.itemReference === 'balcony')!
    const atTeak = services.sandbox
      .orders()[0]!
      .policies.find((p) => p.policy_number === balcony.policyNumber)!
    expect(atTeak.status).toBe('Exchanged')
  })

  it('answers a void and a cancel within the contract', async () => {
    const [floor, stalls] = services.journal
      .orderDetail('local', 'PH-1')!
      .policies.filter((policy) => policy.replacedBy === null)
    const voided = await dispatch('policies.void', {
      environmentId: 'local',
      orderNumber: 'PH-1',
      policyNumber: floor!.policyNumber
    })
    expect(voided).toMatchObject({ ok: true, data: { outcome: 'succeeded', status: 'Voided' } })
    const canceled = await dispatch('policies.cancel', {
      environmentId: 'local',
      orderNumber: 'PH-1',
      policyNumber: stalls!.policyNumber
    })
    expect(canceled).toMatchObject({ ok: true, data: { outcome: 'succeeded', status: 'Canceled' } })
  })
})

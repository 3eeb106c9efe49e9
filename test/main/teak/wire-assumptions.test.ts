import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submitOrder } from '../../../src/main/orders/order-service'
import { cancelPolicy, exchangeItems, voidPolicy } from '../../../src/main/policies/policy-service'
import type { Services } from '../../../src/main/services'
import { strictAssumptions } from '../../../src/sandbox'
import { DEFAULT_ASSUMPTIONS, type WireSettings } from '../../../src/shared/teak/assumptions'
import { createOrderAtTeak, optInOrder, startTeakDesk } from '../policies/support/teak-desk'

/**
 * The wire assumptions are the environment's settings: a strict sandbox that answers the other choice to an
 * open question refuses what the default settings send, and works once the environment's setting is switched
 * to that choice — through the same services the workbench, History and imports use.
 */
const ITEMS = [{ name: 'Floor ticket', reference: 'floor', cost: '100.00' }]
const NO_CONFIRMATION = { production: false }

describe('switching a wire assumption of the environment makes a strict sandbox with the other choice work', () => {
  let services: Services
  let stop: () => Promise<void>

  beforeEach(async () => {
    ;({ services, stop } = await startTeakDesk())
  })
  afterEach(() => stop())

  /** The embedded sandbox accepts only `choice` for each question; the local environment keeps its settings. */
  const strictFor = (choice: Partial<WireSettings>) =>
    services.sandbox.setAssumptions(strictAssumptions({ ...DEFAULT_ASSUMPTIONS, ...choice }))
  const setLocal = (choice: Partial<WireSettings>) => services.settings.setAssumptions('local', choice)
  const send = (orderNumber: string) =>
    submitOrder(services, {
      environmentId: 'local',
      order: optInOrder(services, orderNumber, ITEMS),
      confirmations: { missingToken: false, production: false }
    })
  const apiPaths = () =>
    services.sandbox.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)

  it.each([
    ['authPath', { authPath: '/api/v2/auth/token' }, 'POST /api/v2/auth/token/ 404'],
    ['trailingSlash', { trailingSlash: 'always' }, 'POST /api/v2/orders 404']
  ] as const)(
    '%s: an order fails with the default, and is created after switching',
    async (_name, choice, refused) => {
      strictFor(choice)
      const before = await send('WIRE-1')
      expect(before.outcome).not.toBe('created')
      expect(apiPaths()).toContain(refused)
      expect(services.sandbox.orders()).toEqual([])

      await setLocal(choice)
      const after = await send('WIRE-2')
      expect(after.outcome).toBe('created')
      expect(services.sandbox.orders().map((order) => order.order_number)).toEqual(['WIRE-2'])
    }
  )

  it('orderIdKind: an exchange fails with the default, and succeeds after switching to order_number', async () => {
    await createOrderAtTeak(services, 'WIRE-3', ITEMS)
    strictFor({ orderIdKind: 'order_number' })
    const exchange = () =>
      exchangeItems(services, {
        environmentId: 'local',
        orderNumber: 'WIRE-3',
        confirmations: NO_CONFIRMATION,
        items: [{ old_reference_number: 'floor', name: 'VIP seat', reference_number: 'vip', cost: '150.00' }]
      })
    const before = await exchange()
    expect(before.outcome).toBe('rejected')
    expect(before.error?.message).toMatch(/looked up by order_number/)

    await setLocal({ orderIdKind: 'order_number' })
    expect((await exchange()).outcome).toBe('succeeded')
    expect(apiPaths()).toContain('PATCH /api/v2/orders/WIRE-3/ 200')
  })

  it.each([
    ['void', voidPolicy, 'Voided'],
    ['cancel', cancelPolicy, 'Canceled']
  ] as const)(
    'policyIdKind: a %s fails with the default, and succeeds after switching to policy_number_new',
    async (_kind, change, status) => {
      const created = await createOrderAtTeak(services, 'WIRE-4', ITEMS)
      const policyNumber = created.policies[0].policyNumber
      const policyNumberNew = services.journal.orderDetail('local', 'WIRE-4')!.policies[0].policyNumberNew
      strictFor({ policyIdKind: 'policy_number_new' })
      const input = {
        environmentId: 'local',
        orderNumber: 'WIRE-4',
        policyNumber,
        confirmations: NO_CONFIRMATION
      }
      expect((await change(services, input)).outcome).toBe('rejected')

      await setLocal({ policyIdKind: 'policy_number_new' })
      const after = await change(services, input)
      expect(after).toMatchObject({ outcome: 'succeeded', status })
      expect(apiPaths().at(-1)).toMatch(new RegExp(`^PUT /api/v2/policies/${policyNumberNew}`))
    }
  )
})

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { orderResponseSchema, type TeakOrder } from '../../src/shared/teak/responses'
import type { RunningSandbox } from '../../src/sandbox'
import { errorsOf, exampleOrder, helper, Partner, startTestSandbox } from './support'

/** `PATCH /api/v2/orders/:id/` — upgrade, downgrade, exchange (contract-notes §5.2). */
describe('changing items of an order', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  let original: TeakOrder

  const patch = (id: string, items: unknown[]) =>
    partner.call<TeakOrder>('PATCH', `/api/v2/orders/${id}/`, { items })
  const change = (old: string, reference: string, cost: string) => ({
    name: `Replacement of ${old}`,
    old_reference_number: old,
    reference_number: reference,
    cost
  })
  const statusOf = (policyNumber: string) =>
    sandbox
      .orders()
      .flatMap((order) => order.policies)
      .find((policy) => policy.policy_number === policyNumber)?.status

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox()))
  afterAll(() => sandbox.close())
  beforeEach(async () => {
    sandbox.reset()
    const body = {
      ...exampleOrder('order-1'),
      items: ['a', 'b', 'c'].map((ref) => ({ name: `Ticket ${ref}`, reference_number: ref, cost: '100' }))
    }
    original = (await partner.call<TeakOrder>('POST', '/api/v2/orders', body)).body
  })

  it('classifies each change by cost and answers with only the new items and policies', async () => {
    const reply = await patch('order-1', [
      change('a', 'a2', '150'),
      change('b', 'b2', '60,5'),
      change('c', 'c2', '100.00')
    ])
    expect(reply.status).toBe(200)
    const answer = orderResponseSchema.parse(reply.body)
    expect(answer.items.map((i) => [i.reference_number, i.cost])).toEqual([
      ['a2', '150.00'],
      ['b2', '60.50'],
      ['c2', '100.00']
    ])
    expect(answer.policies.map((p) => [p.item.reference_number, p.status, p.premium])).toEqual([
      ['a2', 'Issued', '12.75'],
      ['b2', 'Issued', '5.14'],
      ['c2', 'Issued', '8.50']
    ])
    expect(answer.protecht_order_id).toBe(original.protecht_order_id)
    expect(answer.subtotal).toBe('310.50')
    expect(answer.updated > answer.created || answer.updated === answer.created).toBe(true)
    // The new items keep the replaced item's event and the order's customer.
    expect(answer.items[0].event_id).toBe(original.items[0].event_id)
    expect(answer.items[0].customer).toEqual(original.customer)
    expect(original.policies.map((p) => statusOf(p.policy_number))).toEqual([
      'Upgraded',
      'Downgraded',
      'Exchanged'
    ])
    expect(sandbox.orders()[0].policies).toHaveLength(6)
  })

  it('finds the order by protecht_order_id too, and no longer once orderIdFields excludes it', async () => {
    expect((await patch(original.protecht_order_id, [change('a', 'a2', '1')])).status).toBe(200)
    sandbox.setAssumptions({ orderIdFields: ['order_number'] })
    const reply = await patch(original.protecht_order_id, [change('b', 'b2', '1')])
    expect(reply.status).toBe(404)
    expect(errorsOf(reply)).toEqual([expect.objectContaining({ reason: 'OrderNotFound' })])
  })

  it('changes only Issued policies, and changes nothing when one entry is refused', async () => {
    await patch('order-1', [change('a', 'a2', '150')])
    const before = sandbox.orders()
    const replaced = await patch('order-1', [change('b', 'b2', '1'), change('a', 'a3', '1')])
    expect(replaced.status).toBe(400)
    expect(errorsOf(replaced)).toEqual([
      expect.objectContaining({ reason: 'UnknownItem', field: 'items[1].old_reference_number' })
    ])

    await helper(sandbox, 'POST', `/policies/${original.policies[2].policy_number}/on-hold`)
    const onHold = await patch('order-1', [change('b', 'b2', '1'), change('c', 'c2', '1')])
    expect(onHold.status).toBe(409)
    expect(errorsOf(onHold)).toEqual([
      expect.objectContaining({ reason: 'PolicyNotIssued', field: 'items[1].old_reference_number' })
    ])
    expect(errorsOf(onHold)[0].message).toContain('On Hold')
    expect(sandbox.orders()[0].items).toHaveLength(before[0].items.length)
    expect(statusOf(original.policies[1].policy_number)).toBe('Issued')
  })

  it('replaces the newest Issued item after an earlier change, and as many items as the request names', async () => {
    await patch('order-1', [change('a', 'a', '200')])
    const again = await patch('order-1', [change('a', 'a', '50')])
    expect(again.status).toBe(200)
    expect(again.body.items.map((i) => i.cost)).toEqual(['50.00'])
    expect(sandbox.orders()[0].policies.map((p) => p.status)).toEqual([
      'Upgraded',
      'Issued',
      'Issued',
      'Downgraded',
      'Issued'
    ])
  })

  it('validates the body like an order item, plus old_reference_number', async () => {
    const reply = await patch('order-1', [{ reference_number: 'x', cost: '1,234.99' }])
    expect(reply.status).toBe(400)
    expect(errorsOf(reply).map((e) => [e.reason, e.field])).toEqual([
      ['Required', 'items[0].name'],
      ['InvalidCost', 'items[0].cost'],
      ['Required', 'items[0].old_reference_number']
    ])
    expect((await patch('order-1', [])).status).toBe(400)
  })

  it("cannot see another client's order", async () => {
    const stranger = { publicKey: 'pk_stranger', secretKey: 'sk_stranger' }
    const other = await startTestSandbox({ clients: [stranger] })
    try {
      await new Partner(other.sandbox).call('POST', '/api/v2/orders', exampleOrder('order-1'))
      const reply = await new Partner(other.sandbox, stranger).call('PATCH', '/api/v2/orders/order-1/', {
        items: [change('a', 'x', '1')]
      })
      expect(reply.status).toBe(404)
    } finally {
      await other.sandbox.close()
    }
  })

  it('uses the replaced-status names of the assumptions', async () => {
    sandbox.setAssumptions({
      replacedStatuses: { upgrade: 'Upgrade', downgrade: 'Downgrade', exchange: 'Exchange' }
    })
    await patch('order-1', [change('a', 'a2', '101')])
    expect(statusOf(original.policies[0].policy_number)).toBe('Upgrade')
  })
})

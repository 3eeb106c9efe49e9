import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  cancelResultSchema,
  voidResultSchema,
  type TeakOrder,
  type TeakPolicy
} from '../../src/shared/teak/responses'
import type { RunningSandbox } from '../../src/sandbox'
import { errorsOf, exampleOrder, helper, Partner, startTestSandbox } from './support'

const DAY_MS = 24 * 60 * 60 * 1000

/** Void and cancel (contract-notes §5.3, §5.4) and the Teak-side events of §10. */
describe('policy void and cancel', () => {
  let sandbox: RunningSandbox
  let partner: Partner
  let policies: TeakPolicy[]

  const voidIt = (id: string) =>
    partner.call<{ status: string; void_date: string }>('PUT', `/api/v2/policies/${id}`)
  const cancelIt = (id: string) =>
    partner.call<{ status: string; cancel_date: string }>('PUT', `/api/v2/policies/${id}/cancel`)
  const event = (id: string, name: string) =>
    helper<{ status: string; order_number: string }>(sandbox, 'POST', `/policies/${id}/${name}`)

  beforeAll(async () => ({ sandbox, partner } = await startTestSandbox()))
  afterAll(() => sandbox.close())
  beforeEach(async () => {
    sandbox.reset()
    policies = (await partner.call<TeakOrder>('POST', '/api/v2/orders', exampleOrder())).body.policies
  })

  it('voids an Issued policy: {status: "Voided", void_date}', async () => {
    const reply = await voidIt(policies[0].policy_number)
    expect(reply.status).toBe(200)
    expect(voidResultSchema.parse(reply.body)).toEqual({
      status: 'Voided',
      void_date: expect.stringMatching(/\.\d{6}Z$/)
    })
    expect(Object.keys(reply.body)).toEqual(['status', 'void_date'])
    expect(sandbox.orders()[0].policies.map((p) => p.status)).toEqual(['Voided', 'Issued'])
  })

  it('finds policies by policy_number_new as well, unless policyIdFields says otherwise', async () => {
    expect((await voidIt(policies[0].policy_number_new)).status).toBe(200)
    sandbox.setAssumptions({ policyIdFields: ['policy_number'] })
    const reply = await voidIt(policies[1].policy_number_new)
    expect(reply.status).toBe(404)
    expect(errorsOf(reply)).toEqual([expect.objectContaining({ reason: 'PolicyNotFound' })])
  })

  it('refuses to void twice', async () => {
    await voidIt(policies[0].policy_number)
    const again = await voidIt(policies[0].policy_number)
    expect(again.status).toBe(409)
    expect(errorsOf(again)[0]).toMatchObject({
      reason: 'InvalidPolicyStatus',
      message: expect.stringContaining('is Voided')
    })
  })

  it('cancels a policy: {status: "Canceled", cancel_date}; afterwards it can no longer be voided', async () => {
    const reply = await cancelIt(policies[0].policy_number)
    expect(reply.status).toBe(200)
    expect(cancelResultSchema.parse(reply.body)).toEqual({
      status: 'Canceled',
      cancel_date: expect.stringMatching(/Z$/)
    })
    const refused = await voidIt(policies[0].policy_number)
    expect(refused.status).toBe(409)
    expect(errorsOf(refused)).toEqual([expect.objectContaining({ reason: 'PolicyCanceled' })])
    expect((await cancelIt(policies[0].policy_number)).status).toBe(409)
  })

  it('refuses a void after a cancel even when voidableStatuses would allow the status (documented rule)', async () => {
    sandbox.setAssumptions({ voidableStatuses: ['Issued', 'Canceled'] })
    await cancelIt(policies[0].policy_number)
    expect(errorsOf(await voidIt(policies[0].policy_number))).toEqual([
      expect.objectContaining({ reason: 'PolicyCanceled' })
    ])
  })

  it('refuses to cancel a voided policy unless cancelAfterVoid allows it (an assumption either way)', async () => {
    await voidIt(policies[0].policy_number)
    const refused = await cancelIt(policies[0].policy_number)
    expect(refused.status).toBe(409)
    expect(errorsOf(refused)).toEqual([expect.objectContaining({ reason: 'PolicyVoided' })])
    expect(errorsOf(refused)[0].message).toContain('assumption cancelAfterVoid')

    sandbox.setAssumptions({ cancelAfterVoid: true })
    const canceled = await cancelIt(policies[0].policy_number)
    expect(canceled.status).toBe(200)
    expect(canceled.body.status).toBe('Canceled')
  })

  it('uses the spelling of canceledStatus', async () => {
    sandbox.setAssumptions({ canceledStatus: 'Cancelled' })
    expect((await cancelIt(policies[0].policy_number)).body.status).toBe('Cancelled')
  })

  it('voids within the 30-day look period and refuses afterwards with OutsideLookPeriod; cancel still works', async () => {
    sandbox.advanceClock(29 * DAY_MS)
    expect((await voidIt(policies[0].policy_number)).status).toBe(200)
    sandbox.advanceClock(2 * DAY_MS)
    const late = await voidIt(policies[1].policy_number)
    expect(late.status).toBe(400)
    expect(errorsOf(late)).toEqual([expect.objectContaining({ reason: 'OutsideLookPeriod' })])
    expect(errorsOf(late)[0].message).toContain('30-day look period')
    expect((await cancelIt(policies[1].policy_number)).status).toBe(200)
  })

  it('moves the clock through POST /__sandbox/clock and honours lookPeriodDays', async () => {
    sandbox.setAssumptions({ lookPeriodDays: 1 })
    const moved = await helper<{ now: string }>(sandbox, 'POST', '/clock', { advance_days: 2 })
    expect(Date.parse(moved.body.now)).toBeGreaterThan(Date.now() + 1.9 * DAY_MS)
    expect((await voidIt(policies[0].policy_number)).status).toBe(400)
  })

  it("answers 404 for an unknown policy and for another client's policy", async () => {
    expect((await voidIt('NOPE-0000000000')).status).toBe(404)
    const stranger = { publicKey: 'pk_stranger', secretKey: 'sk_stranger' }
    const other = await startTestSandbox({ clients: [stranger] })
    try {
      const theirs = (await other.partner.call<TeakOrder>('POST', '/api/v2/orders', exampleOrder())).body
        .policies[0]
      const reply = await new Partner(other.sandbox, stranger).call(
        'PUT',
        `/api/v2/policies/${theirs.policy_number}`
      )
      expect(reply.status).toBe(404)
    } finally {
      await other.sandbox.close()
    }
  })

  it('applies consumer-side events: consumer void, downgrade, on hold', async () => {
    const voided = await event(policies[0].policy_number, 'consumer-void')
    expect(voided.body).toMatchObject({ status: 'Voided', order_number: 'order-number-in-my-system-01' })
    expect((await voidIt(policies[0].policy_number)).status).toBe(409)

    const downgraded = await event(policies[1].policy_number_new, 'downgrade')
    expect(downgraded.body.status).toBe('Downgraded')
    expect((await event(policies[1].policy_number, 'on-hold')).status).toBe(409)

    sandbox.reset()
    const [held] = (await partner.call<TeakOrder>('POST', '/api/v2/orders', exampleOrder())).body.policies
    expect((await event(held.policy_number, 'on-hold')).body.status).toBe('On Hold')
    expect((await voidIt(held.policy_number)).status).toBe(409)
    expect((await cancelIt(held.policy_number)).status).toBe(200)
    expect((await event('NOPE-0000000000', 'downgrade')).status).toBe(404)
  })
})

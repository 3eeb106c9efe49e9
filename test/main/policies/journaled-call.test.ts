import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { outcomeOfFailure } from '../../../src/main/orders/teak-results'
import { journaledCall } from '../../../src/main/policies/journaled-call'
import { voidPolicy } from '../../../src/main/policies/policy-service'
import type { Services } from '../../../src/main/services'
import { createTeakClient } from '../../../src/main/teak/client'
import { TeakApiError, type TeakApiErrorInit } from '../../../src/main/teak/errors'
import { DEMO_KEYS, NO_FAULTS } from '../../../src/sandbox'
import { createOrderAtTeak, startTeakDesk } from './support/teak-desk'

const failure = (init: Partial<TeakApiErrorInit>) =>
  new TeakApiError({ kind: 'server', message: 'Could not do it.', requestMayHaveReachedTeak: true, ...init })

describe('the outcome of a failed policy change', () => {
  it('is rejected when Teak refused the request (4xx other than 429)', () => {
    expect(outcomeOfFailure(failure({ kind: 'validation', status: 400 }))).toBe('rejected')
    expect(outcomeOfFailure(failure({ kind: 'conflict', status: 409 }))).toBe('rejected')
    expect(outcomeOfFailure(failure({ kind: 'not_found', status: 404 }))).toBe('rejected')
  })

  it('is invalid when our own check refused it before anything was sent', () => {
    expect(outcomeOfFailure(failure({ kind: 'validation', requestMayHaveReachedTeak: false }))).toBe(
      'invalid'
    )
  })

  it('is failed when nothing reached Teak or Teak kept turning us away', () => {
    const refused = failure({ kind: 'network', reason: 'unreachable', requestMayHaveReachedTeak: false })
    expect(outcomeOfFailure(refused)).toBe('failed')
    expect(outcomeOfFailure(failure({ kind: 'rate_limited', status: 429 }))).toBe('failed')
  })

  it('is unknown (in doubt) when Teak may have carried it out', () => {
    expect(outcomeOfFailure(failure({ kind: 'server', status: 503 }))).toBeNull()
    expect(outcomeOfFailure(failure({ kind: 'timeout' }))).toBeNull()
    expect(outcomeOfFailure(failure({ kind: 'network', reason: 'reset' }))).toBeNull()
  })
})

describe('a policy change whose answer is lost', () => {
  let services: Services
  let stop: () => Promise<void>

  beforeEach(async () => {
    ;({ services, stop } = await startTeakDesk())
  })
  afterEach(() => stop())

  it('stays in doubt, and sending it again settles it and links the two', async () => {
    await createOrderAtTeak(services, 'PD-1', [{ name: 'Floor ticket', reference: 'floor', cost: '80' }])
    const { policyNumber } = services.journal.orderDetail('local', 'PD-1')!.policies[0]!
    // A client holding a token already, so the dropped connection hits the void itself, not the token.
    const client = createTeakClient({
      baseUrl: services.sandbox.url,
      credentials: DEMO_KEYS,
      tokenReuse: true
    })
    await client.decodeQuote(services.sandbox.mintQuoteToken({ opt_in: true }))
    services.sandbox.setFaults({ resetRate: 1, resetTiming: 'after' })

    const lost = await journaledCall(
      services.journal,
      { kind: 'void', source: 'form', environment: 'local', orderNumber: 'PD-1', policyNumber },
      () => client.voidPolicy(policyNumber),
      () => ({})
    )
    client.close()
    services.sandbox.setFaults(NO_FAULTS)

    expect(lost.outcome).toBe('in_doubt')
    expect(lost.outcome !== 'succeeded' && lost.error.message).toContain('Teak may still have carried it out')
    expect(services.journal.inDoubt().map((op) => op.id)).toEqual([lost.operationId])

    // The void did land: Teak now refuses a second one, and that settles the doubt.
    const again = await voidPolicy(services, {
      environmentId: 'local',
      orderNumber: 'PD-1',
      policyNumber,
      confirmations: { production: false },
      supersedes: lost.operationId
    })
    expect(again.outcome).toBe('rejected')
    expect(again.error?.message).toContain('is Voided')
    expect(services.journal.inDoubt()).toEqual([])
    const [, first, second] = services.journal.orderDetail('local', 'PD-1')!.timeline
    expect(first).toMatchObject({ id: lost.operationId, outcome: null, supersededBy: again.operationId })
    expect(second).toMatchObject({ source: 'resend', supersedes: lost.operationId, outcome: 'rejected' })
  })
})

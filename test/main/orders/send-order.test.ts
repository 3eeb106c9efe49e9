import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { sendOrderOnce } from '../../../src/main/orders/send-order'
import { createTeakClient, type TeakClient } from '../../../src/main/teak/client'
import { DEMO_KEYS, NO_FAULTS, startSandbox, type RunningSandbox } from '../../../src/sandbox'
import type { OrderRequest } from '../../../src/shared/teak/order-request'
import { makeTempDir } from '../../support/temp-dir'
import { closedPort } from '../teak/fake-teak'

const EVENT = { name: 'Concert', start_date: '2027-12-24', start_time: '19:00' }

function order(orderNumber: string, token?: string): OrderRequest {
  return {
    ...(token ? { token } : {}),
    order_number: orderNumber,
    currency: 'USD',
    event: EVENT,
    items: [
      { name: 'Ticket A', reference_number: `${orderNumber}-a`, cost: '50.00' },
      { name: 'Ticket B', reference_number: `${orderNumber}-b`, cost: '100.00' }
    ],
    customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
    billing_address: { address1: '1 Main St', city: 'Phoenix', zip_code: '85020', country: 'US' },
    payment: { type: 'invoice' }
  }
}

describe('sending an order exactly once', () => {
  let sandbox: RunningSandbox
  let client: TeakClient
  let journal: Journal
  const dir = makeTempDir()

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    client = createTeakClient({ baseUrl: sandbox.url, credentials: DEMO_KEYS, maxRetries: 0 })
    journal = openJournal(`${dir.path}/journal.sqlite`)
  })
  afterEach(() => sandbox.setFaults(NO_FAULTS))
  afterAll(async () => {
    client.close()
    journal.close()
    await sandbox.close()
    dir.remove()
  })

  const send = (request: OrderRequest, optIn = true, supersedes?: number) =>
    sendOrderOnce({ journal, client, environment: 'local', request, optIn, source: 'form', supersedes })

  it('journals an opt-in, sends it, and records the created order with its policies', async () => {
    const token = sandbox.mintQuoteToken({ opt_in: true })
    const result = await send(order('SO-1', token))
    expect(result).toMatchObject({ attempt: 'created', standing: 'created', httpStatus: 201 })
    expect(result.note).toBeUndefined()
    expect(journal.latestOutcomeFor('local', 'SO-1')).toBe('created')
    const detail = journal.orderDetail('local', 'SO-1')!
    expect(detail.policies.map((p) => p.status)).toEqual(['Issued', 'Issued'])
    expect(detail.timeline).toHaveLength(1)
    expect(sandbox.orders().filter((o) => o.order_number === 'SO-1')).toHaveLength(1)
  })

  it('records an opt-out as opted_out and the sandbox stores nothing', async () => {
    const token = sandbox.mintQuoteToken({ opt_in: false })
    const result = await send(order('SO-2', token), false)
    expect(result).toMatchObject({ attempt: 'opted_out', standing: 'opted_out' })
    expect(journal.latestOutcomeFor('local', 'SO-2')).toBe('opted_out')
    expect(sandbox.orders().some((o) => o.order_number === 'SO-2')).toBe(false)
  })

  it('leaves an order in doubt when the answer is lost, and a resend records already_submitted, not a second order', async () => {
    sandbox.setFaults({ resetRate: 1, resetTiming: 'after', paths: ['/api/v2/orders'] })
    const first = await send(order('SO-3'))
    expect(first).toMatchObject({ attempt: null, standing: 'in_doubt' })
    expect(journal.latestOutcomeFor('local', 'SO-3')).toBe('in_doubt')
    expect(journal.inDoubt().map((op) => op.id)).toContain(first.operationId)
    // Teak got it despite the dropped connection.
    expect(sandbox.orders().filter((o) => o.order_number === 'SO-3')).toHaveLength(1)

    sandbox.setFaults(NO_FAULTS)
    const again = await send(order('SO-3'), true, first.operationId)
    expect(again).toMatchObject({ attempt: 'already_submitted', standing: 'already_submitted' })
    // No confirmed send is journaled: the earlier attempt's answer was lost.
    expect(again.earlierSend).toBeUndefined()
    expect(journal.latestOutcomeFor('local', 'SO-3')).toBe('already_submitted')
    expect(journal.inDoubt().map((op) => op.id)).not.toContain(first.operationId)
    expect(sandbox.orders().filter((o) => o.order_number === 'SO-3')).toHaveLength(1)
  })

  it('records a duplicate answer on a first attempt as already submitted, never rejected', async () => {
    await send(order('SO-4'))
    const other = openJournal(`${dir.path}/other.sqlite`)
    try {
      const result = await sendOrderOnce({
        journal: other,
        client,
        environment: 'local',
        request: order('SO-4'),
        optIn: true,
        source: 'form'
      })
      expect(result).toMatchObject({ standing: 'already_submitted', error: { kind: 'duplicate' } })
      expect(result.error?.message).toMatch(/Teak already has an order with this order number \(409\)/)
      expect(result.earlierSend).toBeUndefined()
      expect(other.latestOutcomeFor('local', 'SO-4')).toBe('already_submitted')
    } finally {
      other.close()
    }
  })

  it('reads a duplicate answer against the journal: names the confirmed earlier send and keeps its policies', async () => {
    const first = await send(order('SO-9'))
    expect(first.standing).toBe('created')
    const again = await send(order('SO-9'))
    expect(again).toMatchObject({
      attempt: 'already_submitted',
      // Teak's own account (created) stays the order's standing; the duplicate answer does not hide it.
      standing: 'created',
      earlierSend: { operationId: first.operationId, outcome: 'created' }
    })
    expect(again.error?.message).toMatch(
      /^Already sent from this computer on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC;/
    )
    expect(again.policies?.map((p) => p.policyNumber)).toEqual(first.policies?.map((p) => p.policyNumber))
    // Teak's account (created) stays the order's standing; the duplicate answer does not hide it.
    expect(journal.latestOutcomeFor('local', 'SO-9')).toBe('created')
    expect(sandbox.orders().filter((o) => o.order_number === 'SO-9')).toHaveLength(1)
  })

  it('records a body our own checks refuse as invalid, and sends nothing', async () => {
    const bad = {
      ...order('SO-5'),
      items: [{ name: 'x', reference_number: 'r', cost: '1,234.50' }]
    } as OrderRequest
    const callsBefore = sandbox.requests().length
    const result = await send(bad)
    expect(result).toMatchObject({ standing: 'invalid', error: { kind: 'validation' } })
    expect(sandbox.requests().length).toBe(callsBefore)
  })

  it('records Teak validation refusals as rejected, with the fields Teak named', async () => {
    sandbox.setAssumptions({ requireOptInDetails: true })
    try {
      const { customer: _omitted, ...withoutCustomer } = order('SO-8')
      const result = await send(withoutCustomer)
      expect(result).toMatchObject({ standing: 'rejected', error: { kind: 'validation' } })
      expect(result.error?.fieldErrors?.[0].path[0]).toBe('customer')
      expect(journal.latestOutcomeFor('local', 'SO-8')).toBe('rejected')
    } finally {
      sandbox.setAssumptions({ requireOptInDetails: false })
    }
  })

  it('leaves 5xx answers in doubt (the order may exist); a later answer settles it', async () => {
    sandbox.setFaults({ failRate: 1, paths: ['/api/v2/orders'] })
    const result = await send(order('SO-6'))
    expect(result).toMatchObject({ attempt: null, standing: 'in_doubt' })
    sandbox.setFaults(NO_FAULTS)
    const retry = await send(order('SO-6'), true, result.operationId)
    expect(retry).toMatchObject({ attempt: 'created', standing: 'created' })
  })

  it('keeps an order in doubt when a retry after a lost answer fails before sending: never "nothing was sent"', async () => {
    sandbox.setFaults({ resetRate: 1, resetTiming: 'after', paths: ['/api/v2/orders'] })
    const first = await send(order('SO-10'))
    expect(first.standing).toBe('in_doubt')
    sandbox.setFaults(NO_FAULTS)
    const offline = createTeakClient({ baseUrl: await closedPort(), credentials: DEMO_KEYS, maxRetries: 0 })
    try {
      const retry = await sendOrderOnce({
        journal,
        client: offline,
        environment: 'local',
        request: order('SO-10'),
        optIn: true,
        source: 'import',
        supersedes: first.operationId
      })
      // This attempt failed (no token: it was not sent), but the first one may have reached Teak.
      expect(retry).toMatchObject({ attempt: 'failed', standing: 'in_doubt' })
      expect(retry.error?.message).toMatch(/^An earlier attempt may have reached Teak/)
      expect(retry.error?.message).not.toMatch(/nothing was sent/i)
      expect(journal.latestOutcomeFor('local', 'SO-10')).toBe('in_doubt')
      expect(journal.inDoubt().map((op) => op.id)).toContain(first.operationId)
    } finally {
      offline.close()
    }
  })

  it('keeps an order in doubt when a retry after a lost answer is refused: the first may have landed', async () => {
    sandbox.setFaults({ resetRate: 1, resetTiming: 'after', paths: ['/api/v2/orders'] })
    const first = await send(order('SO-11'))
    sandbox.setFaults(NO_FAULTS)
    sandbox.setAssumptions({ requireOptInDetails: true })
    try {
      const { customer: _omitted, ...withoutCustomer } = order('SO-11')
      const retry = await send(withoutCustomer, true, first.operationId)
      // The sandbox checks the body before the order number, so this attempt is refused as invalid.
      expect(retry).toMatchObject({ attempt: 'rejected', standing: 'in_doubt' })
      expect(journal.latestOutcomeFor('local', 'SO-11')).toBe('in_doubt')
    } finally {
      sandbox.setAssumptions({ requireOptInDetails: false })
    }
  })

  it('records a refused connection as failed: nothing was sent', async () => {
    const closed = await startSandbox({ port: 0 })
    const url = closed.url
    await closed.close()
    const offline = createTeakClient({ baseUrl: url, credentials: DEMO_KEYS, maxRetries: 0 })
    const result = await sendOrderOnce({
      journal,
      client: offline,
      environment: 'local',
      request: order('SO-7'),
      optIn: true,
      source: 'form'
    })
    expect(result).toMatchObject({ attempt: 'failed', standing: 'failed', error: { kind: 'network' } })
    offline.close()
  })
})

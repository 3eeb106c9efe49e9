import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openJournal, type Journal } from '../../../src/main/journal/journal'
import { startNotificationReceiver, type RunningReceiver } from '../../../src/main/notifications/receiver'
import { hmacSignature } from '../../../src/shared/notifications/signature'
import { steppingClock, useJournalPath } from '../journal/support/journal-fixtures'
import { deliver, deliverChunked, signedDelivery, voidPayload } from './support/deliver'

const SECRET = 'whsec-test-secret'

describe('the notification receiver', () => {
  const journalPath = useJournalPath()
  let journal: Journal
  let receiver: RunningReceiver
  let secret: string | null

  beforeEach(async () => {
    journal = openJournal(journalPath(), { now: steppingClock() })
    secret = SECRET
    receiver = await startNotificationReceiver({
      environment: 'sandbox',
      book: journal,
      secret: () => secret,
      maxBodyBytes: 4096
    })
  })
  afterEach(async () => {
    await receiver.close()
    journal.close()
  })

  const stored = () => journal.listNotifications('sandbox', { includeDone: true })

  it('listens on 127.0.0.1 by default', () => {
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/teak\/notifications$/)
  })

  it('stores a delivery signed over its raw body, and reads what it says', async () => {
    const reply = await signedDelivery(receiver.url, voidPayload(), SECRET)
    expect(reply).toEqual({ status: 200, body: { received: 1, stored: 1, duplicates: 0 } })
    expect(stored()).toMatchObject([
      {
        kind: 'contract_void',
        required: true,
        orderNumber: 'N-1',
        policyNumber: 'FLOOR-POLICY01',
        status: 'Voided',
        amount: '4.89',
        currency: 'EUR',
        linked: false,
        signature: 'raw',
        doneAt: null
      }
    ])
  })

  it("accepts a signature over the payload re-serialised as Teak's Python sample does", async () => {
    const payload = voidPayload({ customer: 'Zoë Ærø' })
    // Sent compact (as some senders do), signed over json.dumps: ", " and ": " separators, ASCII escapes.
    const body = JSON.stringify(payload)
    const pythonForm =
      '{"id": "ntf_0001", "event": "Contract Void", "created": "2027-03-02T10:00:00.000000Z", ' +
      '"order_number": "N-1", "policy_number": "FLOOR-POLICY01", "status": "Voided", "currency": "EUR", ' +
      '"premium": "4.89", "refund_amount": "4.89", "customer": "Zo\\u00eb \\u00c6r\\u00f8"}'
    const reply = await deliver(receiver.url, body, await hmacSignature(SECRET, pythonForm))
    expect(reply.status).toBe(200)
    expect(stored()).toMatchObject([{ signature: 'reserialised', kind: 'contract_void' }])
  })

  it('refuses a wrong signature and a missing one with 401, storing nothing', async () => {
    const body = JSON.stringify(voidPayload())
    const wrong = await deliver(receiver.url, body, await hmacSignature('another-secret', body))
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toMatch(/does not match/)
    const garbage = await deliver(receiver.url, body, 'not base64 at all!')
    expect(garbage.status).toBe(401)
    const missing = await deliver(receiver.url, body)
    expect(missing.status).toBe(401)
    expect(missing.body.error).toMatch(/missing/)
    expect(stored()).toEqual([])
  })

  it('stores a replayed payload once, however it is serialised', async () => {
    const first = await signedDelivery(receiver.url, voidPayload(), SECRET)
    const again = await signedDelivery(receiver.url, voidPayload(), SECRET)
    const compact = JSON.stringify(voidPayload())
    const reordered = await deliver(receiver.url, compact, await hmacSignature(SECRET, compact))
    expect([first.body, again.body, reordered.body]).toEqual([
      { received: 1, stored: 1, duplicates: 0 },
      { received: 1, stored: 0, duplicates: 1 },
      { received: 1, stored: 0, duplicates: 1 }
    ])
    expect(stored()).toHaveLength(1)
    // A different notification about the same policy is a new one.
    await signedDelivery(receiver.url, voidPayload({ id: 'ntf_0002' }), SECRET)
    expect(stored()).toHaveLength(2)
  })

  it('refuses a body over the limit with 413, whether its length is announced or not', async () => {
    const big = voidPayload({ note: 'x'.repeat(5000) })
    const announced = await signedDelivery(receiver.url, big, SECRET)
    expect(announced.status).toBe(413)
    expect(await deliverChunked(receiver.url, ['{"note": "', 'y'.repeat(3000), 'y'.repeat(3000), '"}'])).toBe(
      413
    )
    expect(stored()).toEqual([])
  })

  it('takes a batch of notifications in one delivery, and keeps what it cannot read, raw', async () => {
    const batch = [
      voidPayload(),
      { event: 'contract.on_hold', contract: { policy_number: 'P-2' } },
      { hello: 1 }
    ]
    const reply = await signedDelivery(receiver.url, { notifications: batch }, SECRET)
    expect(reply.body).toEqual({ received: 3, stored: 3, duplicates: 0 })
    expect(stored().map(({ kind, policyNumber, status }) => [kind, policyNumber, status])).toEqual([
      ['unknown', null, null],
      ['contract_on_hold', 'P-2', 'On Hold'],
      ['contract_void', 'FLOOR-POLICY01', 'Voided']
    ])
    expect(JSON.parse(stored()[0].payload)).toEqual({ hello: 1 })
  })

  it('without a secret stores deliveries unchecked', async () => {
    secret = null
    const reply = await deliver(receiver.url, JSON.stringify(voidPayload()))
    expect(reply.status).toBe(200)
    expect(stored()).toMatchObject([{ signature: 'unchecked' }])
  })

  it('answers only POSTs to its path', async () => {
    expect((await fetch(receiver.url)).status).toBe(405)
    expect(
      (await fetch(receiver.url.replace('/teak/notifications', '/other'), { method: 'POST' })).status
    ).toBe(404)
  })
})

import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { actionText } from '../../../src/shared/notifications/action-text'
import { canonicalJson, pythonJsonDumps } from '../../../src/shared/notifications/python-json'
import { notificationsOf, readNotification } from '../../../src/shared/notifications/read-notification'
import { hmacSignature } from '../../../src/shared/notifications/signature'

describe("Python's json.dumps form", () => {
  it('writes ", " and ": " separators, keeps key order and escapes non-ASCII as Python does', () => {
    // What python3 -c 'import json; print(json.dumps({"b": [1, 2.5, True, None], "a": "Zoë 😀\\x7f"}))' prints.
    expect(pythonJsonDumps({ b: [1, 2.5, true, null], a: 'Zoë 😀\u007f' })).toBe(
      '{"b": [1, 2.5, true, null], "a": "Zo\\u00eb \\ud83d\\ude00\\u007f"}'
    )
  })

  it('gives one canonical text per payload, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1] }, b: 1 })
    )
  })
})

describe('the signature', () => {
  it('is base64 HMAC-SHA256 of the message with the secret', async () => {
    const body = '{"event": "Contract Void"}'
    expect(await hmacSignature('secret', body)).toBe(
      createHmac('sha256', 'secret').update(body).digest('base64')
    )
  })
})

describe('reading a notification liberally', () => {
  it('finds the fields at any depth, the top level first', () => {
    expect(
      readNotification({
        type: 'contract.voided',
        data: { contract: { policy_number: 'P-1', order: { order_number: 'O-1' } }, currency: 'EUR' },
        amount: 3
      })
    ).toEqual({
      kind: 'contract_void',
      orderNumber: 'O-1',
      policyNumber: 'P-1',
      status: 'Voided',
      amount: '3',
      currency: 'EUR'
    })
  })

  it("takes a downgrade's amount only when it is named as owed, never its premium", () => {
    const read = readNotification({ event: 'Policy Downgrade', policy_number: 'P-1', premium: '9.00' })
    expect(read).toMatchObject({ kind: 'contract_downgraded', amount: null, status: 'Downgraded' })
  })

  it('reads anything, and says unknown when it cannot tell', () => {
    for (const payload of [null, 'text', 42, [], { event: 'Contract Upgraded' }]) {
      expect(readNotification(payload)).toMatchObject({ kind: 'unknown', status: null })
    }
  })

  it('splits a delivery into its notifications', () => {
    expect(notificationsOf([{ a: 1 }, { b: 2 }])).toHaveLength(2)
    expect(notificationsOf({ notifications: [{ a: 1 }] })).toEqual([{ a: 1 }])
    expect(notificationsOf({ a: 1 })).toEqual([{ a: 1 }])
  })
})

describe('what the agent is asked to do', () => {
  const facts = { orderNumber: 'O-1', policyNumber: 'P-1', amount: '8.50', currency: 'EUR' }
  it('asks for a refund for the required kinds, and informs for the others', () => {
    expect(actionText({ ...facts, kind: 'contract_void' })).toBe(
      'Refund the protection cost of policy P-1 (8.50 EUR) to the customer of order O-1'
    )
    expect(actionText({ ...facts, kind: 'contract_downgraded', amount: null })).toBe(
      'Refund the difference in protection cost of policy P-1 to the customer of order O-1'
    )
    expect(actionText({ ...facts, kind: 'contract_canceled' })).toMatch(/^For information: policy P-1/)
    expect(actionText({ ...facts, kind: 'contract_on_hold' })).toMatch(/^For information: .* on hold/)
  })
})

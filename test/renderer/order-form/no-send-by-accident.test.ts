import { describe, expect, it } from 'vitest'
import type { SubmitResult } from '../../../src/shared/contract/orders'
import { formatDateTime } from '../../../src/renderer/src/lib/format/date-time'
import { emptyOrderForm, nextOrderForSameCustomer } from '../../../src/renderer/src/lib/order-form/form-state'
import { outcomeText, outcomeTitle } from '../../../src/renderer/src/lib/order-form/outcome'
import {
  formKeyAction,
  sendShortcut,
  type FormKeyPress
} from '../../../src/renderer/src/lib/order-form/send-keys'
import { filledForm } from './support'

describe('keys in the order form', () => {
  const press = (overrides: Partial<FormKeyPress> = {}): FormKeyPress => ({
    key: 'Enter',
    ctrlKey: false,
    metaKey: false,
    defaultPrevented: false,
    isComposing: false,
    target: { tagName: 'INPUT', type: 'text' },
    ...overrides
  })

  it('holds back the browser submitting the form on Enter in any field', () => {
    for (const type of ['text', 'email', 'tel', 'date', 'checkbox', 'search', 'TEXT']) {
      expect(formKeyAction(press({ target: { tagName: 'INPUT', type } }))).toBe('hold')
    }
    expect(formKeyAction(press({ target: { tagName: 'INPUT' } }))).toBe('hold')
  })

  it('sends on Ctrl+Enter or Cmd+Enter, from any element of the form', () => {
    expect(formKeyAction(press({ ctrlKey: true }))).toBe('send')
    expect(formKeyAction(press({ metaKey: true }))).toBe('send')
    expect(formKeyAction(press({ ctrlKey: true, target: { tagName: 'SELECT' } }))).toBe('send')
    expect(formKeyAction(press({ metaKey: true, target: { tagName: 'BUTTON', type: 'button' } }))).toBe(
      'send'
    )
  })

  it('leaves alone the keys a control used, buttons, composition and other keys', () => {
    // The currency list picks its highlighted option with Enter (even with Ctrl held) and prevents the default.
    expect(formKeyAction(press({ defaultPrevented: true }))).toBe('pass')
    expect(formKeyAction(press({ ctrlKey: true, defaultPrevented: true }))).toBe('pass')
    expect(formKeyAction(press({ isComposing: true }))).toBe('pass')
    expect(formKeyAction(press({ target: { tagName: 'BUTTON', type: 'button' } }))).toBe('pass')
    expect(formKeyAction(press({ target: { tagName: 'INPUT', type: 'button' } }))).toBe('pass')
    expect(formKeyAction(press({ target: { tagName: 'SELECT' } }))).toBe('pass')
    expect(formKeyAction(press({ target: { tagName: 'TEXTAREA' } }))).toBe('pass')
    expect(formKeyAction(press({ key: 'a', ctrlKey: true }))).toBe('pass')
  })

  it("names the shortcut as this computer's keyboard does", () => {
    expect(sendShortcut('Linux x86_64')).toEqual({ label: 'Ctrl+Enter', aria: 'Control+Enter' })
    expect(sendShortcut('Win32')).toEqual({ label: 'Ctrl+Enter', aria: 'Control+Enter' })
    expect(sendShortcut('MacIntel')).toEqual({ label: 'Cmd+Enter', aria: 'Meta+Enter' })
  })
})

describe('a new order for the same customer and event', () => {
  it('keeps who, where, how they pay, the event and the currency; clears number, items and token', () => {
    const sent = filledForm({ payment: 'none' })
    const next = nextOrderForSameCustomer(sent)
    expect(next).toMatchObject({
      currency: 'usd',
      event: sent.event,
      customer: sent.customer,
      billing_address: sent.billing_address,
      payment: 'none',
      order_number: '',
      token: ''
    })
    expect(next.items).toHaveLength(1)
    expect(next.items[0]).toMatchObject({ ...emptyOrderForm().items[0], key: expect.any(String) })
    expect(sent.items.map((item) => item.key)).not.toContain(next.items[0].key)
    // A copy: editing the new order leaves the sent one as it was.
    next.customer.first_name = 'Other'
    next.event.name = 'Other'
    expect(sent.customer.first_name).toBe('Jo')
    expect(sent.event.name).toBe('Awesome Event')
  })
})

describe('an order Teak already has', () => {
  const sentAt = '2027-03-04T10:20:30.000Z'
  const duplicate = (extra: Partial<SubmitResult> = {}): SubmitResult => ({
    operationId: 2,
    environmentId: 'local',
    orderNumber: 'A-1',
    outcome: 'already_submitted',
    policies: [],
    ...extra
  })

  it('says plainly when this computer sent it, and never that a confirmed send was unconfirmed', () => {
    const text = outcomeText(duplicate({ earlierSend: { operationId: 1, sentAt, outcome: 'created' } }))
    expect(text).toBe(
      `Already sent from this computer on ${formatDateTime(sentAt)}; its policies are in History. Teak answered that order A-1 already exists, so it was not created twice.`
    )
    expect(text).not.toMatch(/never confirmed/)
    expect(
      outcomeText(duplicate({ earlierSend: { operationId: 1, sentAt, outcome: 'opted_out' } }))
    ).toContain(`Already sent from this computer on ${formatDateTime(sentAt)} as an opt-out`)
    expect(
      outcomeText(duplicate({ earlierSend: { operationId: 1, sentAt, outcome: 'in_doubt' } }))
    ).toContain(`An earlier attempt from this computer on ${formatDateTime(sentAt)} may have reached Teak`)
  })

  it('says only that Teak has the number when this computer holds no confirmed send', () => {
    const text = outcomeText(duplicate())
    expect(text).toBe('Teak already has an order with number A-1, so it was not created twice.')
    expect(outcomeTitle('already_submitted')).toBe('Already at Teak')
    expect(outcomeTitle('created')).toBe('Sent')
    expect(outcomeTitle('in_doubt')).toBe('Not confirmed')
    expect(outcomeTitle('rejected')).toBe('Not sent')
  })
})

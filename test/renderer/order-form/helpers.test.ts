import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract/errors'
import type { SubmitResult } from '../../../src/shared/contract/orders'
import {
  currencyFromText,
  displayCurrency,
  matchCurrencies
} from '../../../src/renderer/src/lib/order-form/currency-options'
import { describeEvent } from '../../../src/renderer/src/lib/order-form/event-summary'
import { emptyEvent } from '../../../src/renderer/src/lib/order-form/form-state'
import { localTimeHint } from '../../../src/renderer/src/lib/order-form/local-time'
import { isSettledWell, outcomeText } from '../../../src/renderer/src/lib/order-form/outcome'
import { quoteModeOf, submitLabel } from '../../../src/renderer/src/lib/order-form/quote-mode'
import { confirmationReasonOf, orderIssuesOf } from '../../../src/renderer/src/lib/order-form/submit-errors'
import { quoteToken } from './support'

describe('quote token mode', () => {
  it('comes from the token alone, and the button says what will happen', () => {
    expect(quoteModeOf('')).toEqual({ kind: 'missing' })
    expect(quoteModeOf(quoteToken({ opt_in: false }))).toEqual({ kind: 'opt_out' })
    expect(quoteModeOf(quoteToken({ opt_in: true }))).toEqual({ kind: 'opt_in', claimed: true })
    expect(quoteModeOf(quoteToken({ sub: 'x' }))).toEqual({ kind: 'opt_in', claimed: false })
    expect(quoteModeOf('a.b')).toMatchObject({ kind: 'unreadable' })
    expect(submitLabel(quoteModeOf(quoteToken({ opt_in: false })))).toBe('Record opt-out')
    expect(submitLabel(quoteModeOf(''))).toBe('Submit opt-in order')
    expect(submitLabel(quoteModeOf(quoteToken({ opt_in: 'false' })))).toBe('Submit opt-in order')
  })
})

describe('local time hint', () => {
  it('shows the UTC time in the local zone', () => {
    expect(localTimeHint('2027-07-01', '12:30', 'Europe/Paris')).toBe('= 14:30 your time (Europe/Paris)')
    expect(localTimeHint('2027-12-24', '12:30', 'Europe/Paris')).toBe('= 13:30 your time (Europe/Paris)')
  })

  it('names the local date when it is another day', () => {
    expect(localTimeHint('2027-12-24', '20:00', 'Asia/Tokyo')).toBe(
      '= 05:00 on 2027-12-25 your time (Asia/Tokyo)'
    )
    expect(localTimeHint('2027-12-24', '02:00', 'America/Phoenix')).toBe(
      '= 19:00 on 2027-12-23 your time (America/Phoenix)'
    )
  })

  it('says nothing until both date and time are valid', () => {
    expect(localTimeHint('', '12:00', 'UTC')).toBeNull()
    expect(localTimeHint('2027-02-30', '12:00', 'UTC')).toBeNull()
    expect(localTimeHint('2027-02-01', '24:00', 'UTC')).toBeNull()
  })
})

describe('currency choices', () => {
  it('filters by code first, then by name', () => {
    expect(matchCurrencies('e').map((c) => c.code)[0]).toBe('EUR')
    expect(matchCurrencies('dollar').map((c) => c.code)).toEqual(['USD', 'CAD', 'AUD', 'NZD'])
    expect(matchCurrencies('')).toHaveLength(25)
    expect(matchCurrencies('EUR — Euro')).toHaveLength(25)
    expect(matchCurrencies('xyz')).toEqual([])
  })

  it('recognises a currency typed out in full, in any case', () => {
    expect(currencyFromText('eur')).toBe('EUR')
    expect(currencyFromText('Swiss franc')).toBe('CHF')
    expect(currencyFromText('GBP — Pound sterling')).toBe('GBP')
    expect(currencyFromText('franc')).toBeNull()
    expect(displayCurrency('JPY')).toBe('JPY — Japanese yen')
    expect(displayCurrency('XX')).toBe('XX')
  })
})

describe('event summary for items that inherit the order event', () => {
  it('names the event and when it is', () => {
    expect(
      describeEvent({
        ...emptyEvent(),
        name: 'Gala',
        start_date: '2027-12-24',
        start_time: '18:00',
        location: 'Hall'
      })
    ).toBe('Gala, 2027-12-24 18:00 UTC, Hall')
    expect(describeEvent({ ...emptyEvent(), start_date: '2027-12-24', end_date: '2027-12-26' })).toBe(
      '2027-12-24 to 2027-12-26'
    )
    expect(describeEvent(emptyEvent())).toBeNull()
  })
})

describe('submission feedback', () => {
  const result = (outcome: SubmitResult['outcome'], extra: Partial<SubmitResult> = {}): SubmitResult => ({
    operationId: 1,
    environmentId: 'local',
    orderNumber: 'A-1',
    outcome,
    policies: [],
    ...extra
  })

  it('says what happened for every outcome', () => {
    expect(outcomeText(result('opted_out'))).toBe('Opt-out recorded by Teak; no order or policy was created.')
    expect(outcomeText(result('created', { teakOrderId: 'uuid-1' }))).toBe(
      "Teak created order A-1. Teak's order id: uuid-1."
    )
    expect(
      outcomeText(result('in_doubt', { error: { kind: 'timeout', message: 'Teak did not answer in time.' } }))
    ).toContain(
      'may or may not have received order A-1 (Teak did not answer in time.). It is listed as in doubt in History'
    )
    expect(
      outcomeText(result('failed', { error: { kind: 'network', message: 'Connection refused.' } }))
    ).toBe('Order A-1 could not be sent: Connection refused. Nothing was created; you can submit it again.')
    expect(outcomeText(result('already_submitted'))).toContain('was not created twice')
    expect(
      outcomeText(result('invalid', { error: { kind: 'validation', message: 'Cost is too long.' } }))
    ).toBe(
      "Order A-1 was not sent: Cost is too long. Teak Desk's own check refused it, so Teak never saw it; fix it and submit again."
    )
    expect(
      outcomeText(result('rejected', { error: { kind: 'validation', message: 'Token invalid.' } }))
    ).toBe('Teak refused order A-1: Token invalid.')
    expect(isSettledWell('created') && isSettledWell('opted_out') && isSettledWell('already_submitted')).toBe(
      true
    )
    expect(isSettledWell('in_doubt') || isSettledWell('rejected') || isSettledWell('failed')).toBe(false)
  })

  it("reads main's issues relative to the order, and its confirmation requests", () => {
    const invalid = new AppError('invalid_input', 'Opt-in orders need …', {
      issues: [{ path: ['order', 'customer'], message: 'Opt-in orders need the customer.' }]
    })
    expect(orderIssuesOf(invalid)).toEqual([
      { path: ['customer'], message: 'Opt-in orders need the customer.' }
    ])
    expect(orderIssuesOf(new AppError('teak', 'x'))).toBeNull()
    expect(confirmationReasonOf(new AppError('confirmation_required', 'x', { reason: 'production' }))).toBe(
      'production'
    )
    expect(confirmationReasonOf(new AppError('confirmation_required', 'x'))).toBeNull()
    expect(confirmationReasonOf(new Error('x'))).toBeNull()
  })
})

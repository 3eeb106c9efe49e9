import { describe, expect, it } from 'vitest'
import { shortcutOf, type KeyPress } from '../../../src/renderer/src/lib/keyboard-shortcuts'
import {
  costDecimalsWarning,
  costDecimalsWarnings
} from '../../../src/renderer/src/lib/order-form/cost-decimals'
import {
  emptyEvent,
  emptyItem,
  emptyOrderForm,
  hasCustomerOrBilling,
  isBlankForm
} from '../../../src/renderer/src/lib/order-form/form-state'
import { withOrderEventCopied, withOwnEventSwitched } from '../../../src/renderer/src/lib/order-form/item-ops'
import { compareQuote } from '../../../src/renderer/src/lib/order-form/quote-match'
import { previewTaxes } from '../../../src/renderer/src/lib/order-form/taxes-preview'

const item = (reference: string, cost: string) => ({ ...emptyItem(), reference_number: reference, cost })

describe('costs with more decimals than the currency has', () => {
  it('warns by the ISO 4217 minor unit: 45.505 EUR, 100.5 JPY; not 45.50 EUR or 100 JPY', () => {
    expect(costDecimalsWarning('45.505', 'EUR')).toBe(
      'EUR amounts have 2 decimals (ISO 4217), but this cost has 3: check it before sending.'
    )
    expect(costDecimalsWarning('100.5', 'jpy')).toBe(
      'JPY amounts have no decimals (ISO 4217), but this cost has 1: check it before sending.'
    )
    expect(costDecimalsWarning('45,50', 'EUR')).toBeNull()
    expect(costDecimalsWarning('100', 'JPY')).toBeNull()
  })

  it('says nothing while the currency is unknown or the cost is not one', () => {
    expect(costDecimalsWarning('45.505', '')).toBeNull()
    expect(costDecimalsWarning('45.505', 'XXX')).toBeNull()
    expect(costDecimalsWarning('12.3.4', 'EUR')).toBeNull()
  })

  it("keys each warning by its item's cost field", () => {
    const form = { currency: 'EUR', items: [item('a', '1.00'), item('b', '1.001')] }
    expect(costDecimalsWarnings(form)).toEqual([{ key: 'items.1.cost', message: expect.any(String) }])
  })
})

describe('a decoded quote compared with the form', () => {
  const quote = {
    currency: 'EUR',
    subtotal: '9.40',
    items: [
      { reference_number: 'JZ-1', cost: '45.50', premium: '3.87' },
      { reference_number: 'JZ-2', cost: '65.00', premium: '5.53' }
    ]
  }

  it('fits the form it was made for, whatever the cost notation', () => {
    const fit = compareQuote(quote, { currency: 'eur', items: [item('JZ-1', '45,5'), item(' JZ-2 ', '65')] })
    expect(fit.stale).toBe(false)
    expect(fit.lines.map((line) => line.differs)).toEqual([null, null])
  })

  it('marks a changed cost, a reference no longer on the form, and an item it does not price', () => {
    const changed = compareQuote(quote, { currency: 'EUR', items: [item('JZ-1', '46'), item('JZ-3', '65')] })
    expect(changed.stale).toBe(true)
    expect(changed.lines).toMatchObject([
      { reference: 'JZ-1', differs: 'cost', formCost: '46' },
      { reference: 'JZ-2', differs: 'absent' }
    ])
    expect(changed.unpriced).toEqual([2])
  })

  it('calls a quote in another currency stale', () => {
    const other = compareQuote(quote, { currency: 'USD', items: [item('JZ-1', '45.50'), item('JZ-2', '65')] })
    expect(other).toMatchObject({ stale: true, currencyDiffers: true, unpriced: [] })
  })
})

describe('own events', () => {
  const orderEvent = { ...emptyEvent(), name: 'Gala', start_date: '2027-10-01' }

  it('start from a copy of the order event, keeping what the item already had', () => {
    const on = withOwnEventSwitched(emptyItem(), true, orderEvent)
    expect(on).toMatchObject({ ownEvent: true, event: orderEvent })
    expect(on.event).not.toBe(orderEvent)
    const kept = withOwnEventSwitched(
      { ...emptyItem(), event: { ...emptyEvent(), name: 'Late' } },
      true,
      orderEvent
    )
    expect(kept.event.name).toBe('Late')
    expect(withOwnEventSwitched(on, false, orderEvent)).toMatchObject({ ownEvent: false, event: orderEvent })
  })

  it('"Copy order event" replaces the own event with the order event', () => {
    const copied = withOrderEventCopied(
      { ...emptyItem(), event: { ...emptyEvent(), name: 'Late' } },
      orderEvent
    )
    expect(copied).toMatchObject({ ownEvent: true, event: orderEvent })
  })
})

describe('the taxes helper in the minor unit', () => {
  it('splits yen into whole yen, and euros into cents', () => {
    const yen = previewTaxes([item('a', '5000'), item('b', '3000')], '801', 'JPY')
    expect(yen).toMatchObject({
      ok: true,
      rows: [
        { share: '501', newCost: '5501' },
        { share: '300', newCost: '3300' }
      ]
    })
    const euro = previewTaxes([item('a', '10.0055'), item('b', '10')], '1', 'EUR')
    expect(euro).toMatchObject({
      ok: true,
      rows: [
        { share: '0.50', newCost: '10.5055' },
        { share: '0.50', newCost: '10.5000' }
      ]
    })
  })
})

describe('form state', () => {
  it('knows a form nothing was typed into', () => {
    expect(isBlankForm(emptyOrderForm())).toBe(true)
    expect(isBlankForm({ ...emptyOrderForm(), order_number: 'A' })).toBe(false)
  })

  it('knows whether an opt-out has a customer or billing address to show', () => {
    expect(hasCustomerOrBilling(emptyOrderForm())).toBe(false)
    const form = emptyOrderForm()
    form.billing_address.city = 'Dubai'
    expect(hasCustomerOrBilling(form)).toBe(true)
  })
})

describe('keyboard shortcuts', () => {
  const press = (over: Partial<KeyPress>): KeyPress => ({
    key: '',
    code: '',
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    typing: false,
    ...over
  })

  it('reads Alt+N and Alt+I by physical key, so macOS Option letters work too', () => {
    expect(shortcutOf(press({ key: '˜', code: 'KeyN', altKey: true }))).toBe('new_order')
    expect(shortcutOf(press({ key: 'i', code: 'KeyI', altKey: true }))).toBe('add_item')
    expect(shortcutOf(press({ key: 'n', code: 'KeyN', altKey: true, ctrlKey: true }))).toBeNull()
    expect(shortcutOf(press({ key: 'n', code: 'KeyN' }))).toBeNull()
  })

  it('opens the help on F1 anywhere, and on ? only outside text fields', () => {
    expect(shortcutOf(press({ key: 'F1', typing: true }))).toBe('help')
    expect(shortcutOf(press({ key: '?' }))).toBe('help')
    expect(shortcutOf(press({ key: '?', typing: true }))).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { emptyItem } from '../../../src/renderer/src/lib/order-form/form-state'
import {
  withItemAdded,
  withItemDuplicated,
  withItemRemoved
} from '../../../src/renderer/src/lib/order-form/item-ops'
import { previewTaxes, withTaxesApplied } from '../../../src/renderer/src/lib/order-form/taxes-preview'

const item = (name: string, cost: string) => ({ ...emptyItem(), name, reference_number: `ref-${name}`, cost })

describe('item operations', () => {
  it('adds an empty item at the end', () => {
    const items = withItemAdded([item('a', '1')])
    expect(items).toHaveLength(2)
    expect(items[1]).toMatchObject({ name: '', cost: '', ownEvent: false })
    expect(items[1].key).not.toBe(items[0].key)
  })

  it('removes the item at an index, but never the last one', () => {
    const [a, b, c] = [item('a', '1'), item('b', '2'), item('c', '3')]
    expect(withItemRemoved([a, b, c], 1).map((i) => i.name)).toEqual(['a', 'c'])
    expect(withItemRemoved([a], 0)).toEqual([a])
  })

  it('duplicates right after the original with a new key, a blank reference and its own copy of the event', () => {
    const a = { ...item('a', '50.00'), ownEvent: true }
    a.event.name = 'Gala'
    const b = item('b', '2')
    const items = withItemDuplicated([a, b], 0)
    expect(items.map((i) => i.name)).toEqual(['a', 'a', 'b'])
    expect(items[1]).toMatchObject({
      cost: '50.00',
      reference_number: '',
      ownEvent: true,
      event: { name: 'Gala' }
    })
    expect(items[1].key).not.toBe(a.key)
    items[1].event.name = 'Changed'
    expect(a.event.name).toBe('Gala')
  })
})

describe('taxes and fees helper', () => {
  it("splits Teak's example: two $50.00 tickets + $15.00 → $57.50 each", () => {
    expect(previewTaxes([item('Ticket 1', '50.00'), item('Ticket 2', '50.00')], '15.00')).toEqual({
      ok: true,
      total: '15.00',
      rows: [
        { index: 0, name: 'Ticket 1', cost: '50.00', share: '7.50', newCost: '57.50' },
        { index: 1, name: 'Ticket 2', cost: '50.00', share: '7.50', newCost: '57.50' }
      ]
    })
  })

  it('splits in proportion to cost, exactly, reading comma decimals as typed', () => {
    const preview = previewTaxes([item('a', '10'), item('b', '20'), item('c', '70')], '1,00')
    expect(preview).toMatchObject({
      ok: true,
      rows: [{ share: '0.10' }, { share: '0.20' }, { share: '0.70' }]
    })
  })

  it('hands the last cent to the item that lost most in rounding', () => {
    const preview = previewTaxes([item('a', '1'), item('b', '1'), item('c', '1')], '0.10')
    expect(preview.ok && preview.rows.map((r) => r.share)).toEqual(['0.04', '0.03', '0.03'])
  })

  it('says which item cost to fix first', () => {
    expect(previewTaxes([item('a', '50'), item('b', '1,234')], '15')).toMatchObject({
      ok: false,
      itemIndex: 1,
      message: expect.stringContaining('Fix item 2\'s cost first: "1,234" is ambiguous')
    })
  })

  it('asks for a total, and refuses an unusable one', () => {
    expect(previewTaxes([item('a', '50')], ' ')).toEqual({
      ok: false,
      message: "Enter the order's total taxes and fees, for example 15.00."
    })
    expect(previewTaxes([item('a', '50')], '1.000,50')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Taxes and fees: "1.000,50" uses a thousands separator')
    })
  })

  it('applies the previewed costs to the items', () => {
    const items = [item('a', '50.00'), item('b', '50.00')]
    const preview = previewTaxes(items, '15.00')
    if (!preview.ok) throw new Error(preview.message)
    expect(withTaxesApplied(items, preview.rows).map((i) => i.cost)).toEqual(['57.50', '57.50'])
    expect(items[0].cost).toBe('50.00')
  })
})

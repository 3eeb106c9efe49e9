import { describe, expect, it } from 'vitest'
import {
  keyOf,
  NO_SELECTION,
  orderKeysOf,
  pageTicks,
  policyNumbersText,
  withRows
} from '../../../src/renderer/src/lib/history/selection'
import { ariaSortOf, nextSort, sortCaption } from '../../../src/renderer/src/lib/history/sorting'
import { order } from './support'

describe('sorting the History list', () => {
  it('a new column sorts A to Z (dates newest first); the same column turns around', () => {
    const start = { by: 'firstSeen', direction: 'desc' } as const
    expect(nextSort(start, 'customer')).toEqual({ by: 'customer', direction: 'asc' })
    expect(nextSort({ by: 'customer', direction: 'asc' }, 'customer')).toEqual({
      by: 'customer',
      direction: 'desc'
    })
    expect(nextSort({ by: 'customer', direction: 'asc' }, 'lastActivity')).toEqual({
      by: 'lastActivity',
      direction: 'desc'
    })
  })

  it('only the sorted header carries aria-sort; the caption says the order', () => {
    const sort = { by: 'orderNumber', direction: 'desc' } as const
    expect(ariaSortOf(sort, 'orderNumber')).toBe('descending')
    expect(ariaSortOf(sort, 'customer')).toBeUndefined()
    expect(sortCaption(sort, { orderNumber: 'Order number' } as never)).toBe(
      'Orders, sorted by order number, Z to A'
    )
  })
})

describe('selecting orders on the History list', () => {
  const a = order({ orderNumber: 'A', policies: [{ policyNumber: 'PA-1', status: 'Issued' }] })
  const b = order({
    orderNumber: 'B',
    policies: [
      { policyNumber: 'PB-1', status: 'Voided' },
      { policyNumber: 'PB-2', status: 'Issued' }
    ]
  })
  const c = order({ orderNumber: 'C', environment: 'sandbox' })

  it('ticks rows and whole pages, kept across pages', () => {
    let selection = withRows(NO_SELECTION, [a, b], true)
    expect(pageTicks(selection, [a, b])).toBe('all')
    expect(pageTicks(selection, [b, c])).toBe('some')
    selection = withRows(selection, [a], false)
    expect(pageTicks(selection, [a])).toBe('none')
    selection = withRows(selection, [c], true)
    expect(orderKeysOf(selection)).toEqual([
      { environment: 'local', orderNumber: 'B' },
      { environment: 'sandbox', orderNumber: 'C' }
    ])
    expect(keyOf(a)).not.toBe(keyOf(order({ orderNumber: 'A', environment: 'sandbox' })))
  })

  it('copies the policy numbers of the selected orders, one a line', () => {
    expect(policyNumbersText(withRows(NO_SELECTION, [a, b, c], true))).toBe('PA-1\nPB-1\nPB-2')
    expect(policyNumbersText(withRows(NO_SELECTION, [c], true))).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import {
  currentCursor,
  FIRST_PAGE,
  nextPage,
  pageIndex,
  previousPage,
  rangeText
} from '../../../src/renderer/src/lib/history/paging'

describe('paging through the History', () => {
  it('goes forward by the journal cursor and back along the trail', () => {
    expect(currentCursor(FIRST_PAGE)).toBeUndefined()
    const second = nextPage(FIRST_PAGE, '900')
    const third = nextPage(second, '850')
    expect([pageIndex(third), currentCursor(third)]).toEqual([2, '850'])
    expect(previousPage(third)).toEqual(second)
    expect(currentCursor(previousPage(second))).toBeUndefined()
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE)
  })

  it('says which orders are shown out of how many', () => {
    expect(rangeText(FIRST_PAGE, 50, 50, 100_000)).toBe('Showing 1–50 of 100,000 orders')
    const third = nextPage(nextPage(FIRST_PAGE, '2'), '1')
    expect(rangeText(third, 50, 7, 107)).toBe('Showing 101–107 of 107 orders')
    expect(rangeText(FIRST_PAGE, 50, 1, 1)).toBe('Showing 1–1 of 1 order')
    expect(rangeText(FIRST_PAGE, 50, 0, 0)).toBe('No orders match.')
    expect(rangeText(nextPage(FIRST_PAGE, '3'), 50, 0, 50)).toBe('No more orders: 50 in all.')
  })
})

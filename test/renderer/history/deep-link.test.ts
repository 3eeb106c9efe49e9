import { describe, expect, it } from 'vitest'
import { historyHref, orderLinkOf } from '../../../src/renderer/src/lib/history/deep-link'

describe('History deep links', () => {
  it('links an order to its History entry, whatever its order number holds', () => {
    expect(historyHref('local', 'A&B 1')).toBe('#/history?order=A%26B+1&environment=local')
  })

  it('reads back what it wrote', () => {
    expect(orderLinkOf(historyHref('prod-eu', 'A&B 1?#'))).toEqual({
      environmentId: 'prod-eu',
      orderNumber: 'A&B 1?#'
    })
  })

  it('ignores plain routes and incomplete links', () => {
    expect(orderLinkOf('#/history')).toBeNull()
    expect(orderLinkOf('#/history?order=1')).toBeNull()
    expect(orderLinkOf('#/history?environment=local')).toBeNull()
  })
})

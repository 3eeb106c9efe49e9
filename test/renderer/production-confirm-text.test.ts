import { describe, expect, it } from 'vitest'
import { ordersPhrase, productionWarning } from '../../src/renderer/src/components/production-confirm-text'

describe('production confirmation', () => {
  it('names the count, the environment and its address', () => {
    expect(productionWarning(3, { label: 'Production', baseUrl: 'https://api.example.com' })).toBe(
      'You are about to send 3 orders to PRODUCTION (Production, https://api.example.com). This is real.'
    )
  })

  it('counts orders in words a person reads naturally', () => {
    expect(ordersPhrase(1)).toBe('1 order')
    expect(ordersPhrase(0)).toBe('0 orders')
    expect(ordersPhrase(12)).toBe('12 orders')
  })
})

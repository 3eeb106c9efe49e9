import { describe, expect, it } from 'vitest'
import { backoffMs } from '../../../src/main/import/retry-policy'

const policy = { maxAttempts: 5, baseMs: 100, capMs: 1000 }

describe('backoffMs', () => {
  it('doubles per attempt, between half and all of the exponential step', () => {
    expect(backoffMs(policy, 1, undefined, () => 0)).toBe(50)
    expect(backoffMs(policy, 1, undefined, () => 1)).toBe(100)
    expect(backoffMs(policy, 3, undefined, () => 0)).toBe(200)
    expect(backoffMs(policy, 3, undefined, () => 1)).toBe(400)
  })

  it('never waits longer than the cap, however many attempts', () => {
    expect(backoffMs(policy, 30, undefined, () => 1)).toBe(1000)
  })

  it('waits at least as long as Teak asked with Retry-After', () => {
    expect(backoffMs(policy, 1, 3000, () => 1)).toBe(3000)
    expect(backoffMs(policy, 5, 10, () => 1)).toBe(1000)
  })
})

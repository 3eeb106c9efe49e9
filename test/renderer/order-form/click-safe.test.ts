import { describe, expect, it } from 'vitest'
import { clickSafe } from '../../../src/renderer/src/components/order/click-safe'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('updates that would move the page under a click', () => {
  it('run at once when no pointer is pressed', () => {
    const target = new EventTarget()
    const runs: string[] = []
    clickSafe(target as Window).run(() => runs.push('now'))
    expect(runs).toEqual(['now'])
  })

  it('wait while a pointer is pressed, and run after it is released and its click has landed', async () => {
    const target = new EventTarget()
    const safe = clickSafe(target as Window)
    const runs: string[] = []
    target.dispatchEvent(new Event('pointerdown'))
    safe.run(() => runs.push('error shown'))
    expect(runs).toEqual([])
    target.dispatchEvent(new Event('pointerup'))
    runs.push('click')
    await settle()
    expect(runs).toEqual(['click', 'error shown'])
  })

  it('stops listening when disposed', () => {
    const target = new EventTarget()
    const safe = clickSafe(target as Window)
    safe.dispose()
    target.dispatchEvent(new Event('pointerdown'))
    const runs: string[] = []
    safe.run(() => runs.push('now'))
    expect(runs).toEqual(['now'])
  })
})

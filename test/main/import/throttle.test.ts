import { afterEach, describe, expect, it, vi } from 'vitest'
import { throttleLatest } from '../../../src/main/import/throttle'

describe('throttleLatest', () => {
  afterEach(() => vi.useRealTimers())

  it('sends the first value at once, then only the latest once per interval', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const sent: number[] = []
    const throttled = throttleLatest<number>(50, (value) => sent.push(value))
    for (let i = 1; i <= 5; i++) throttled.push(i)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(49)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(1)
    expect(sent).toEqual([1, 5])
    throttled.push(6)
    expect(sent).toEqual([1, 5])
    vi.advanceTimersByTime(50)
    expect(sent).toEqual([1, 5, 6])
  })

  it('flush sends what is pending at once, and nothing twice', () => {
    const sent: number[] = []
    const throttled = throttleLatest<number>(10_000, (value) => sent.push(value))
    throttled.push(1)
    throttled.push(2)
    throttled.flush()
    throttled.flush()
    expect(sent).toEqual([1, 2])
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportControl } from '../../../src/main/import/import-control'

/** Whether `promise` has settled once everything already due has run: a question of order, not of time. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false
  const mark = () => (settled = true)
  void promise.then(mark, mark)
  await new Promise((resolve) => setImmediate(resolve))
  return settled
}

/** A fake clock for the back-off sleeps; setImmediate stays real for `isSettled`. */
const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })

describe('ImportControl', () => {
  afterEach(() => vi.useRealTimers())

  it('lets work continue at once while running', async () => {
    const control = new ImportControl()
    expect(control.state).toBe('running')
    expect(await control.mayContinue()).toBe(true)
  })

  it('holds workers while paused and releases them on resume', async () => {
    const control = new ImportControl()
    control.pause()
    expect(control.state).toBe('paused')
    const waiting = control.mayContinue()
    expect(await isSettled(waiting)).toBe(false)
    control.resume()
    expect(await waiting).toBe(true)
  })

  it('tells when a pause has taken hold: once a worker waits for resume', async () => {
    const control = new ImportControl()
    const holding = control.whenHolding()
    control.pause()
    expect(await isSettled(holding)).toBe(false)
    const waiting = control.mayContinue()
    expect(await isSettled(holding)).toBe(true)
    expect(await isSettled(control.whenHolding())).toBe(true)
    control.resume()
    await waiting
    expect(await isSettled(control.whenHolding())).toBe(false)
  })

  it('releases paused workers with "stop" on cancel, and stays cancelled whatever comes after', async () => {
    const control = new ImportControl()
    control.pause()
    const waiting = control.mayContinue()
    control.cancel()
    expect(await waiting).toBe(false)
    control.resume()
    control.pause()
    expect(control.state).toBe('cancelled')
    expect(await control.mayContinue()).toBe(false)
  })

  it('cuts a back-off sleep short on cancel, even after a pause and resume in between', async () => {
    fakeClock()
    const control = new ImportControl()
    const sleeping = control.sleep(10_000)
    control.pause()
    control.resume()
    expect(await isSettled(sleeping)).toBe(false)
    control.cancel()
    expect(await isSettled(sleeping)).toBe(true)
  })

  it('sleeps the full time when nothing happens', async () => {
    fakeClock()
    const control = new ImportControl()
    const sleeping = control.sleep(40)
    await vi.advanceTimersByTimeAsync(39)
    expect(await isSettled(sleeping)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await isSettled(sleeping)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { ImportControl } from '../../../src/main/import/import-control'

const settledWithin = async (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))])

describe('ImportControl', () => {
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
    expect(await settledWithin(waiting, 30)).toBe(false)
    control.resume()
    expect(await waiting).toBe(true)
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
    const control = new ImportControl()
    const sleeping = control.sleep(10_000)
    control.pause()
    control.resume()
    control.cancel()
    expect(await settledWithin(sleeping, 100)).toBe(true)
  })

  it('sleeps the full time when nothing happens', async () => {
    const control = new ImportControl()
    const started = Date.now()
    await control.sleep(40)
    expect(Date.now() - started).toBeGreaterThanOrEqual(35)
  })
})

import { describe, expect, it } from 'vitest'
import { progressBar, progressLine, duration } from '../../../src/main/import/cli/terminal-progress'
import { ProgressTracker } from '../../../src/main/import/import-progress'

describe('ProgressTracker', () => {
  it('counts outcomes and estimates the time left from the orders this run sent', () => {
    let now = 0
    const tracker = new ProgressTracker(7, 10, [{ outcome: 'created' }, { outcome: 'invalid' }], () => now)
    expect(tracker.snapshot()).toMatchObject({
      runId: 7,
      total: 10,
      done: 2,
      ratePerSecond: 0,
      etaSeconds: null
    })
    tracker.add('created')
    tracker.add('failed')
    now = 1000
    const snapshot = tracker.snapshot()
    expect(snapshot).toMatchObject({ done: 4, ratePerSecond: 2, etaSeconds: 3 })
    expect(snapshot.summary).toEqual({
      orders: 4,
      created: 2,
      opted_out: 0,
      already_submitted: 0,
      invalid: 1,
      rejected: 0,
      failed: 1,
      in_doubt: 0,
      being_sent_elsewhere: 0
    })
  })
})

describe('terminal progress text', () => {
  const progress = {
    runId: 1,
    total: 200,
    done: 50,
    summary: {} as never,
    ratePerSecond: 12.5,
    etaSeconds: 12
  }

  it('draws a bar with counts, rate and time left', () => {
    expect(progressBar(progress)).toBe(
      `[${'#'.repeat(7)}${'-'.repeat(23)}] 50/200 orders, 12.5/s, about 12 s left`
    )
    expect(progressLine({ ...progress, ratePerSecond: 0, etaSeconds: null })).toBe(
      'Import progress: 50/200 orders'
    )
  })

  it('writes durations a person reads at a glance', () => {
    expect(duration(42.4)).toBe('42 s')
    expect(duration(185)).toBe('3 min 05 s')
    expect(duration(7620)).toBe('2 h 07 min')
  })
})

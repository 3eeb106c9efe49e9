import { describe, expect, it } from 'vitest'
import {
  attentionText,
  importStateText,
  outcomesText,
  startOfLocalDay
} from '../../../src/renderer/src/lib/overview/overview-text'
import type { OverviewImport } from '../../../src/shared/contract/overview'

const run = (overrides: Partial<OverviewImport>): OverviewImport => ({
  runId: 1,
  fileName: 'b.csv',
  environmentId: 'local',
  startedAt: '2027-03-02T08:00:00.000Z',
  endedAt: null,
  state: 'completed',
  totalOrders: 5,
  outcomes: {},
  ...overrides
})

describe('Overview wording', () => {
  it('counts the day from local midnight', () => {
    const now = new Date(2027, 2, 2, 17, 45, 12)
    const start = new Date(startOfLocalDay(now))
    expect([
      start.getFullYear(),
      start.getMonth(),
      start.getDate(),
      start.getHours(),
      start.getMinutes()
    ]).toEqual([2027, 2, 2, 0, 0])
    expect(startOfLocalDay(new Date(2027, 2, 2, 0, 0, 0))).toBe(start.toISOString())
  })

  it("lists a run's outcomes in the journal's order, leaving out the empty ones", () => {
    expect(outcomesText({ failed: 1, created: 3, opted_out: 2 })).toBe('Created 3 · Opted out 2 · Failed 1')
    expect(outcomesText({ created: 0 })).toBe('no order sent')
  })

  it('says why an import needs attention and how it stands', () => {
    expect(attentionText(run({ state: 'interrupted' }))).toBe(
      'interrupted: resume it or let it go on the Import page'
    )
    expect(attentionText(run({ outcomes: { failed: 2, in_doubt: 1 } }))).toBe('2 failed orders, 1 in doubt')
    expect(attentionText(run({ outcomes: { failed: 1 } }))).toBe('1 failed order')
    expect(importStateText(run({ state: 'abandoned' }))).toBe('Stopped before the end')
  })
})

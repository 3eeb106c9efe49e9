import { describe, expect, it } from 'vitest'
import { EMPTY_FILTER_FORM, readFilterForm } from '../../../src/renderer/src/lib/history/filters'

describe('reading the History search form', () => {
  it('sends only what the agent set, with the text trimmed', () => {
    expect(readFilterForm(EMPTY_FILTER_FORM)).toEqual({ ok: true, filter: {} })
    expect(
      readFilterForm({
        ...EMPTY_FILTER_FORM,
        text: '  ORD-42 ',
        environment: 'local',
        outcome: 'rejected',
        source: 'import'
      })
    ).toEqual({
      ok: true,
      filter: { text: 'ORD-42', environment: 'local', outcome: 'rejected', source: 'import' }
    })
  })

  it('ignores an outcome or source the journal does not know', () => {
    expect(readFilterForm({ ...EMPTY_FILTER_FORM, outcome: 'lost', source: 'fax' })).toEqual({
      ok: true,
      filter: {}
    })
  })

  it('bounds dates by local midnights, the "to" day included', () => {
    const reading = readFilterForm({ ...EMPTY_FILTER_FORM, fromDate: '2027-03-01', toDate: '2027-03-31' })
    expect(reading).toEqual({
      ok: true,
      filter: { from: new Date(2027, 2, 1).toISOString(), to: new Date(2027, 3, 1).toISOString() }
    })
  })

  it('a single day is from its midnight to the next', () => {
    const reading = readFilterForm({ ...EMPTY_FILTER_FORM, fromDate: '2027-12-31', toDate: '2027-12-31' })
    expect(reading).toEqual({
      ok: true,
      filter: { from: new Date(2027, 11, 31).toISOString(), to: new Date(2028, 0, 1).toISOString() }
    })
  })

  it('refuses a "to" date before the "from" date', () => {
    expect(readFilterForm({ ...EMPTY_FILTER_FORM, fromDate: '2027-03-02', toDate: '2027-03-01' })).toEqual({
      ok: false,
      field: 'toDate',
      message: 'The "to" date is before the "from" date.'
    })
  })
})

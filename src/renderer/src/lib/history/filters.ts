import type { HistoryFilter } from '../../../../shared/contract/history'
import { OPERATION_SOURCES, ORDER_OUTCOMES } from '../../../../shared/journal/outcomes'

/** The History search form as typed: '' means "any". Dates are `YYYY-MM-DD` in the agent's time zone. */
export interface FilterForm {
  text: string
  environment: string
  outcome: string
  source: string
  fromDate: string
  toDate: string
}

export const EMPTY_FILTER_FORM: FilterForm = {
  text: '',
  environment: '',
  outcome: '',
  source: '',
  fromDate: '',
  toDate: ''
}

export type FilterReading =
  { ok: true; filter: HistoryFilter } | { ok: false; field: 'toDate'; message: string }

/** Local midnight starting `date` (`YYYY-MM-DD`), as the ISO instant the journal compares with. */
function startOfLocalDay(date: string, addDays = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, day + addDays).toISOString()
}

/**
 * The journal's filter for the form. The "to" day is inclusive for the agent, so the bound sent is the
 * midnight after it (the journal's `to` is exclusive).
 */
export function readFilterForm(form: FilterForm): FilterReading {
  if (form.fromDate && form.toDate && form.toDate < form.fromDate) {
    return { ok: false, field: 'toDate', message: 'The "to" date is before the "from" date.' }
  }
  const filter: HistoryFilter = {}
  const text = form.text.trim()
  if (text) filter.text = text
  if (form.environment) filter.environment = form.environment
  if ((ORDER_OUTCOMES as readonly string[]).includes(form.outcome)) {
    filter.outcome = form.outcome as HistoryFilter['outcome']
  }
  if ((OPERATION_SOURCES as readonly string[]).includes(form.source)) {
    filter.source = form.source as HistoryFilter['source']
  }
  if (form.fromDate) filter.from = startOfLocalDay(form.fromDate)
  if (form.toDate) filter.to = startOfLocalDay(form.toDate, 1)
  return { ok: true, filter }
}

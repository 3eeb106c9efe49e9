import type { EventFields } from './form-state'

/** "Awesome Event, 2027-12-24 12:00 UTC, Test Location"; null when the event is blank. */
export function describeEvent(event: EventFields): string | null {
  const when = (date: string, time: string) =>
    [date.trim(), time.trim()].filter(Boolean).join(' ') + (time.trim() ? ' UTC' : '')
  const start = when(event.start_date, event.start_time)
  const end = when(event.end_date, event.end_time)
  const span = start && end ? `${start} to ${end}` : start || (end ? `until ${end}` : '')
  const parts = [event.name.trim(), span, event.location.trim()].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : null
}

import { dateSchema, timeSchema } from '../../../../shared/teak/order-request'

/** The time zone of this computer, e.g. "Europe/Paris". */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/**
 * Teak takes event times in UTC; people think in their own time. For a valid UTC date and time this says
 * what it is here: "= 14:30 your time (Europe/Paris)", with the local date when it falls on another day.
 * Null while the date or time is incomplete.
 */
export function localTimeHint(date: string, time: string, timeZone: string = localTimeZone()): string | null {
  const [utcDate, utcTime] = [date.trim(), time.trim()]
  if (!dateSchema.safeParse(utcDate).success || !timeSchema.safeParse(utcTime).success) return null
  const instant = new Date(`${utcDate}T${utcTime}:00Z`)
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value])
  )
  const localDate = `${parts.year}-${parts.month}-${parts.day}`
  const localTime = `${parts.hour}:${parts.minute}`
  const day = localDate === utcDate ? '' : ` on ${localDate}`
  return `= ${localTime}${day} your time (${timeZone})`
}

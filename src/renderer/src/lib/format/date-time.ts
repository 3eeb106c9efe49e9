/**
 * The one place the UI turns times into text, so every page shows them alike. Journal times are instants
 * (ISO-8601, UTC) and appear in the agent's own time zone and locale (the OS's). Teak's event fields are UTC
 * wall times, not instants: they are shown as typed, marked UTC, by the forms that hold them.
 */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })

function instant(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** A journal instant with date and time, local: "Dec 2, 2026, 8:04:11 AM". Unreadable text is shown as is. */
export function formatDateTime(iso: string): string {
  const date = instant(iso)
  return date ? dateTime.format(date) : iso
}

/** A journal instant's time of day, local: "8:04:11 AM" (for "Draft saved at …" on today's screen). */
export function formatClock(iso: string): string {
  const date = instant(iso)
  return date ? clock.format(date) : iso
}

/**
 * A journal time (ISO-8601, UTC) in messages that leave the screen (CLI output, reports, journaled errors):
 * "2026-12-02 04:20:15 UTC". Plain, sortable, and the same on every machine; the UI shows local times.
 */
export function utcText(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso)
  return match ? `${match[1]} ${match[2]} UTC` : iso
}

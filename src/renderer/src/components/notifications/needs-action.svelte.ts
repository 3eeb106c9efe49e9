import { api } from '../../lib/client'
import { environment } from '../../lib/environment.svelte'

/**
 * A receiver in another process (`teak-desk notifications serve` on this data directory) stores notifications
 * this app is not told of: the count is read again this often, as the truth behind the announcements.
 */
const POLL_MS = 30_000

/**
 * How many of the environment in use's notifications are not done: the navigation shows it, and the Needs action
 * page reloads when it changes. Main announces the changes it makes (`notifications.changed`).
 */
class NeedsActionCount {
  open = $state<number | null>(null)
  private watching = false

  async refresh(): Promise<void> {
    const envId = environment.current?.id
    if (!envId) return
    try {
      this.open = (await api.call('notifications.count', { environmentId: envId })).open
    } catch {
      // A count is a hint: the page itself reports what went wrong.
      this.open = null
    }
  }

  /** Follows main's announcements, and polls; once per page load. */
  watch(): void {
    if (this.watching) return
    this.watching = true
    api.on('notifications.changed', () => void this.refresh())
    setInterval(() => void this.refresh(), POLL_MS)
  }
}

export const needsAction = new NeedsActionCount()

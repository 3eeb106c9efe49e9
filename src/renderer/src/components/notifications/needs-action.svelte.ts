import { api } from '../../lib/client'
import { environment } from '../../lib/environment.svelte'

/**
 * How many of the environment in use's notifications are not done: the navigation shows it, and the Needs action
 * page and Settings reload it. Main announces every change (`notifications.changed`).
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

  /** Follows main's announcements; once per page load. */
  watch(): void {
    if (this.watching) return
    this.watching = true
    api.on('notifications.changed', () => void this.refresh())
  }
}

export const needsAction = new NeedsActionCount()

import type { AppInfo } from '../../../shared/contract/app'
import { api } from './client'

/** app.info, loaded once at start and shared by the shell and the pages. */
class AppInfoStore {
  info = $state<AppInfo | null>(null)
  error = $state<string | null>(null)

  async load(): Promise<void> {
    try {
      this.info = await api.call('app.info', {})
      this.error = null
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }
}

export const appInfo = new AppInfoStore()

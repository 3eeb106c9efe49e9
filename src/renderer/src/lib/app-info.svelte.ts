import type { AppInfo, JournalProblem } from '../../../shared/contract/app'
import { api } from './client'

/** app.info and the journal's state, loaded once at start and shared by the shell and the pages. */
class AppInfoStore {
  info = $state<AppInfo | null>(null)
  /** The journal could not be opened: until it is moved aside, main refuses everything else. */
  journalProblem = $state<JournalProblem | null>(null)
  error = $state<string | null>(null)

  async load(): Promise<void> {
    try {
      const [info, journalProblem] = await Promise.all([
        api.call('app.info', {}),
        api.call('app.journalProblem', {})
      ])
      this.info = info
      this.journalProblem = journalProblem
      this.error = null
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }
}

export const appInfo = new AppInfoStore()

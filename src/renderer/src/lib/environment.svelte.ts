import type { EnvironmentView, SettingsView } from '../../../shared/contract/settings'
import { api } from './client'

/**
 * The settings as main last reported them, and the environment submissions go to. Shared by the top bar (the
 * switcher and the production band), the Settings page, and every page that sends orders. Every settings call
 * answers with the whole view, so callers hand it to `apply` and all of them stay in step.
 */
class EnvironmentStore {
  settings = $state<SettingsView | null>(null)
  /** Why the settings could not be loaded; null once they are. */
  error = $state<string | null>(null)

  /** The selected environment; null until the settings have loaded. */
  readonly current: EnvironmentView | null = $derived(
    this.settings?.environments.find((env) => env.id === this.settings?.selectedEnvironment) ?? null
  )

  readonly isProduction: boolean = $derived(this.current?.kind === 'production')

  async refresh(): Promise<void> {
    try {
      this.apply(await api.call('settings.get', {}))
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    }
  }

  /** Makes `id` the environment submissions go to. Rejects (and changes nothing) if main refuses. */
  async select(id: string): Promise<void> {
    this.apply(await api.call('settings.selectEnvironment', { id }))
  }

  apply(view: SettingsView): void {
    this.settings = view
    this.error = null
  }
}

export const environment = new EnvironmentStore()

import type { Component } from 'svelte'
import HistoryPage from './pages/HistoryPage.svelte'
import HomePage from './pages/HomePage.svelte'
import ImportPage from './pages/ImportPage.svelte'
import NeedsActionPage from './pages/NeedsActionPage.svelte'
import OrderWorkbenchPage from './pages/OrderWorkbenchPage.svelte'
import SettingsPage from './pages/SettingsPage.svelte'

/** The pages reachable from the navigation, in order. The id is the URL fragment (`#/id`). */
export interface Route {
  id: string
  label: string
  component: Component
}

export const routes: Route[] = [
  { id: 'orders', label: 'New order', component: OrderWorkbenchPage },
  { id: 'home', label: 'Overview', component: HomePage },
  { id: 'import', label: 'Import CSV', component: ImportPage },
  { id: 'history', label: 'History', component: HistoryPage },
  { id: 'needs-action', label: 'Needs action', component: NeedsActionPage },
  { id: 'settings', label: 'Settings', component: SettingsPage }
]

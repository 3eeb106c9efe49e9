import type { Component } from 'svelte'
import HomePage from './pages/HomePage.svelte'
import SettingsPage from './pages/SettingsPage.svelte'

/** The pages reachable from the navigation, in order. The id is the URL fragment (`#/id`). */
export interface Route {
  id: string
  label: string
  component: Component
}

export const routes: Route[] = [
  { id: 'home', label: 'Overview', component: HomePage },
  { id: 'settings', label: 'Settings', component: SettingsPage }
]

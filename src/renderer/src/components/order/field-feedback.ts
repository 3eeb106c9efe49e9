import { createContext } from 'svelte'

/**
 * How the workbench's fields learn what to show, without threading it through every component: the page
 * decides which problems and warnings are visible (a field's own after it was left, all of them after a
 * submit attempt, Teak's verdicts until the field is changed) and the fields report being left and being changed.
 */
export interface FieldFeedback {
  error(key: string): string | undefined
  /** A rule assumption's warning: shown apart from errors, and it does not stop the send. */
  warning(key: string): string | undefined
  /** The person left the field: its problems are shown from now on, live as they type. */
  touch(key: string): void
  /** The person changed the field: a verdict Teak gave on its earlier value no longer applies. */
  edited(key: string): void
}

export const [fieldFeedback, provideFieldFeedback] = createContext<FieldFeedback>()

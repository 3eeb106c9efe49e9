import type { OverviewImport } from '../../../../shared/contract/overview'
import type { OrderOutcome } from '../../../../shared/journal/outcomes'
import { ORDER_OUTCOMES } from '../../../../shared/journal/outcomes'
import { OUTCOME_LABELS } from '../history/labels'

/** The person's local midnight of `now`'s day, as the instant the Overview counts the day from. */
export function startOfLocalDay(now: Date): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString()
}

const STATE_TEXT: Readonly<Record<OverviewImport['state'], string>> = {
  running: 'Running',
  interrupted: 'Interrupted',
  completed: 'Finished',
  abandoned: 'Stopped before the end'
}

export function importStateText(run: Pick<OverviewImport, 'state'>): string {
  return STATE_TEXT[run.state]
}

/** "Created 20 · Opted out 4 · Failed 1": where the orders the run sent stand now, in the journal's order. */
export function outcomesText(outcomes: OverviewImport['outcomes']): string {
  const parts = ORDER_OUTCOMES.flatMap((outcome: OrderOutcome) => {
    const count = outcomes[outcome] ?? 0
    return count > 0 ? [`${OUTCOME_LABELS[outcome]} ${count}`] : []
  })
  return parts.length > 0 ? parts.join(' · ') : 'no order sent'
}

/** Why an import is listed under "Needs your attention". */
export function attentionText(run: OverviewImport): string {
  if (run.state === 'interrupted') return 'interrupted: resume it or let it go on the Import page'
  const failed = run.outcomes.failed ?? 0
  const inDoubt = run.outcomes.in_doubt ?? 0
  return [
    failed > 0 ? `${failed} failed ${failed === 1 ? 'order' : 'orders'}` : '',
    inDoubt > 0 ? `${inDoubt} in doubt` : ''
  ]
    .filter(Boolean)
    .join(', ')
}

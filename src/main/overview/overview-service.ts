import {
  IN_DOUBT_SHOWN,
  RECENT_IMPORTS_SHOWN,
  type Overview,
  type OverviewImport
} from '../../shared/contract/overview'
import { basename } from 'node:path'
import type { ImportRunProgress } from '../journal/import-runs'
import type { Journal } from '../journal/journal'
import type { SettingsStore } from '../settings/store'

export interface OverviewDeps {
  journal: Pick<Journal, 'dayCounts' | 'inDoubt' | 'unfinishedImportRuns' | 'recentImportRuns'>
  settings: Pick<SettingsStore, 'selectedEnvironment'>
}

/** The agent's start page: what needs doing and what the day brought, read from the journal only. */
export function createOverviewService(deps: OverviewDeps) {
  return {
    get({ dayStart }: { dayStart: string }): Overview {
      const environmentId = deps.settings.selectedEnvironment().id
      const inDoubt = deps.journal.inDoubt()
      const recent = deps.journal.recentImportRuns(RECENT_IMPORTS_SHOWN).map(importView)
      const unfinished = deps.journal.unfinishedImportRuns().map(importView)
      const needing = new Map(
        [...unfinished, ...recent].filter(needsAction).map((run) => [run.runId, run] as const)
      )
      return {
        environmentId,
        today: {
          since: new Date(dayStart).toISOString(),
          ...deps.journal.dayCounts(environmentId, new Date(dayStart).toISOString())
        },
        inDoubt: inDoubt.slice(0, IN_DOUBT_SHOWN).map((op) => ({
          environmentId: op.environment,
          orderNumber: op.orderNumber,
          kind: op.kind,
          requestedAt: op.requestedAt
        })),
        inDoubtTotal: inDoubt.length,
        importsNeedingAction: [...needing.values()].sort((a, b) => a.runId - b.runId),
        recentImports: recent
      }
    }
  }
}

export type OverviewService = ReturnType<typeof createOverviewService>

function importView(run: ImportRunProgress): OverviewImport {
  return {
    runId: run.id,
    fileName: basename(run.file),
    environmentId: run.environment,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    state: stateOf(run),
    totalOrders: run.totalOrders,
    outcomes: run.outcomes
  }
}

function stateOf(run: ImportRunProgress): OverviewImport['state'] {
  if (run.endedAt === null) return run.alive ? 'running' : 'interrupted'
  return run.ending ?? 'completed'
}

/** Interrupted (resume or discard it), or ended with orders that failed or are in doubt (retry them). */
export function needsAction(run: OverviewImport): boolean {
  if (run.state === 'interrupted') return true
  if (run.state === 'running') return false
  return (run.outcomes.failed ?? 0) + (run.outcomes.in_doubt ?? 0) > 0
}

import type { ImportRunProgress } from '../../journal/import-runs'
import type { Journal } from '../../journal/journal'

/** What a CLI import continues, and what it tells the person about runs it does not continue. */
export interface RunChoice {
  /** The interrupted run to continue (--resume); absent for a new run. */
  resume?: ImportRunProgress
  /** Interrupted runs of the same file and environment that a new run replaces. */
  superseded: ImportRunProgress[]
  notice?: string
}

/**
 * With --resume: the most recent unfinished run of this file into this environment. Without: a new run,
 * and a hint that one was interrupted. Either way is safe: the journal, not the run, keeps orders from
 * being sent twice; the run only carries the progress and settings.
 */
export function chooseRun(journal: Journal, file: string, environment: string, resume: boolean): RunChoice {
  const unfinished = journal
    .unfinishedImportRuns()
    .filter((run) => run.file === file && run.environment === environment)
  const latest = unfinished.at(-1)
  if (!latest) {
    return {
      superseded: [],
      notice: resume
        ? 'There is no interrupted import of this file to resume: starting a new one.'
        : undefined
    }
  }
  const described = `run ${latest.id} of ${latest.startedAt}, ${latest.processedOrders} of ${latest.totalOrders} orders processed`
  if (resume) {
    return {
      resume: latest,
      superseded: unfinished.slice(0, -1),
      notice: `Resuming the interrupted import (${described}).`
    }
  }
  return {
    superseded: unfinished,
    notice:
      `An import of this file was interrupted (${described}). Starting a new run; orders already at Teak are not sent again. ` +
      'Add --resume to continue the interrupted run instead.'
  }
}

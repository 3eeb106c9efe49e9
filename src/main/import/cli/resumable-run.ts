import { AppError } from '../../../shared/contract/errors'
import { utcText } from '../../../shared/time/utc-text'
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
 * A run of this file into this environment that is still alive (in another window or process) is never
 * taken for an interrupted one: without --parallel the command stops (exit 2) and says so; with it, this run
 * goes ahead and takes only the orders nobody holds (journal claims keep each order to one sender).
 * Otherwise, with --resume: the most recent interrupted run; without: a new run, and a hint that one was
 * interrupted. Either way is safe: the journal, not the run, keeps orders from being sent twice.
 */
export function chooseRun(
  journal: Journal,
  file: string,
  environment: string,
  flags: { resume: boolean; parallel: boolean }
): RunChoice {
  const unfinished = journal
    .unfinishedImportRuns()
    .filter((run) => run.file === file && run.environment === environment)
  const running = unfinished.filter((run) => run.alive)
  const interrupted = unfinished.filter((run) => !run.alive)
  const alongside = running.at(-1)
  if (alongside && !flags.parallel) {
    throw new AppError(
      'conflict',
      `An import of this file is running in another window or process since ${utcText(alongside.startedAt)} ` +
        `(run ${alongside.id}, ${alongside.processedOrders} of ${alongside.totalOrders} orders processed). ` +
        'Wait for it to finish, or add --parallel to send only the orders it does not hold.'
    )
  }
  const parallelNote = alongside
    ? ` Run ${alongside.id} is sending this file too: orders it holds are left to it.`
    : ''
  const latest = interrupted.at(-1)
  if (!latest) {
    const notice = flags.resume
      ? 'There is no interrupted import of this file to resume: starting a new one.'
      : undefined
    return { superseded: [], notice: joined(notice, parallelNote) }
  }
  const described = `run ${latest.id} of ${latest.startedAt}, ${latest.processedOrders} of ${latest.totalOrders} orders processed`
  if (flags.resume) {
    return {
      resume: latest,
      superseded: interrupted.slice(0, -1),
      notice: joined(`Resuming the interrupted import (${described}).`, parallelNote)
    }
  }
  return {
    superseded: interrupted,
    notice: joined(
      `An import of this file was interrupted (${described}). Starting a new run; orders already at Teak are not sent again. ` +
        'Add --resume to continue the interrupted run instead.',
      parallelNote
    )
  }
}

function joined(notice: string | undefined, more: string): string | undefined {
  const text = `${notice ?? ''}${more}`.trim()
  return text === '' ? undefined : text
}

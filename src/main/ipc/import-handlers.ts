import type { importMethods } from '../../shared/contract/import'
import type { Handlers } from '../contract/dispatcher'
import { createImportService, type ImportServices } from '../import/import-service'

/** The import service lives as long as the handlers: it holds the latest preview and the run under way. */
export function importHandlers(services: ImportServices): Pick<Handlers, keyof typeof importMethods> {
  const imports = createImportService(services)
  return {
    'import.preview': (input) => imports.preview(input),
    'import.start': (input) => imports.start(input),
    'import.pause': ({ runId }) => imports.pause(runId),
    'import.resume': ({ runId }) => imports.resume(runId),
    'import.cancel': ({ runId }) => imports.cancel(runId),
    'import.status': () => imports.status(),
    'import.report': ({ runId }) => imports.report(runId),
    'import.unfinished': () => imports.unfinished(),
    'import.resumeRun': (input) => imports.resumeRun(input),
    'import.discardRun': ({ runId }) => imports.discardRun(runId),
    'import.retryFailed': (input) => imports.retryFailed(input)
  }
}

import { access, constants, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { AppError } from '../../shared/contract/errors'
import { importReportCsv, type ImportReport } from '../../shared/import/report'

export interface ReportPaths {
  json?: string
  csv?: string
}

/** Checked before the import starts, so a typo in a report path cannot waste a whole run. */
export async function assertReportPathsWritable(paths: ReportPaths): Promise<void> {
  for (const path of [paths.json, paths.csv]) {
    if (path === undefined) continue
    const folder = dirname(resolve(path))
    try {
      await access(folder, constants.W_OK)
    } catch {
      throw new AppError(
        'not_found',
        `Cannot write the report ${path}: the folder ${folder} does not exist or is not writable.`
      )
    }
    if ((await stat(resolve(path)).catch(() => null))?.isDirectory()) {
      throw new AppError('invalid_input', `Cannot write the report ${path}: it is a folder. Name a file.`)
    }
  }
}

export async function writeReportFiles(report: ImportReport, paths: ReportPaths): Promise<void> {
  if (paths.json !== undefined) await writeFile(paths.json, `${JSON.stringify(report, null, 2)}\n`)
  if (paths.csv !== undefined) await writeFile(paths.csv, importReportCsv(report))
}

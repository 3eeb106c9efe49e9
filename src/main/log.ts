import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './data-dir'

export const LOG_FOLDER = 'logs'

/**
 * Unexpected failures go to `logs/main.log` in the data directory with their stack, so the boundary can
 * return a generic message. Callers never pass secrets here; Teak errors carry no keys or tokens.
 */
export function logInternalError(dataDir: string): (context: string, error: unknown) => void {
  const dir = join(dataDir, LOG_FOLDER)
  return (context, error) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    try {
      mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
      appendFileSync(join(dir, 'main.log'), `${new Date().toISOString()} ${context}: ${detail}\n`, {
        mode: PRIVATE_FILE_MODE
      })
    } catch {
      process.stderr.write(`${context}: ${detail}\n`)
    }
  }
}

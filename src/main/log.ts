import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Unexpected failures go to `logs/main.log` in the data directory with their stack, so the boundary can
 * return a generic message. Callers never pass secrets here; Teak errors carry no keys or tokens.
 */
export function logInternalError(dataDir: string): (context: string, error: unknown) => void {
  const dir = join(dataDir, 'logs')
  return (context, error) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    try {
      mkdirSync(dir, { recursive: true })
      appendFileSync(join(dir, 'main.log'), `${new Date().toISOString()} ${context}: ${detail}\n`)
    } catch {
      process.stderr.write(`${context}: ${detail}\n`)
    }
  }
}

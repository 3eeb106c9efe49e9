/** Each command's usage line, kept apart from the commands so `--help` and errors load none of them. */
export const UI_USAGE = 'teak-desk ui [--port N]'

export const IMPORT_USAGE =
  'teak-desk import <file.csv> [--env local|sandbox|production|<id>] [--base-url URL] [--dry-run] [--concurrency N] ' +
  '[--resume] [--parallel] [--report out.json] [--report-csv out.csv] [--missing-token-as-opt-in] [--yes] [--assume name=value]...'

export const SANDBOX_USAGE =
  'teak-desk sandbox [--port N] [--latency-ms N] [--fail-rate X] [--reset-rate X] [--rate-limit N] [--seed N] [--state file.json]'

export const NOTIFICATIONS_USAGE =
  'teak-desk notifications serve [--port N] [--host ADDRESS] [--env local|sandbox|production|<id>] [--max-body-bytes N]'

import type { ConnectionFailureReason } from '../../../../shared/contract/settings'

/** A short heading per failure; main's message beside it says what exactly to fix. */
const FAILURE_TITLES: Record<ConnectionFailureReason, string> = {
  unreachable: 'Server not reachable',
  wrong_keys: 'Wrong keys',
  tls: 'Secure connection (TLS) failed',
  timeout: 'Timed out',
  no_keys: 'No keys',
  address_changed: 'Keys saved for another address',
  not_configured: 'Not configured',
  other: 'Connection test failed'
}

export function failureTitle(reason: ConnectionFailureReason): string {
  return FAILURE_TITLES[reason]
}

export function successText(label: string, ms: number): string {
  return `Connected to ${label} in ${formatDuration(ms)}: the address answers and the keys were accepted.`
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(Math.round(ms / 100) / 10).toFixed(1)} s`
}

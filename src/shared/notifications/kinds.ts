/**
 * The notifications Teak documents (contract-notes §7), as Teak Desk names them. `unknown` is whatever else
 * arrives: its event name is not one of these, or it has none (the payload schema is unknown #14).
 */
export const NOTIFICATION_KINDS = [
  'contract_void',
  'contract_downgraded',
  'contract_canceled',
  'contract_on_hold',
  'unknown'
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export interface KindFacts {
  /** The title of Teak's notification page (N-CVOID, N-CDOWN, N-CCANC, N-CHOLD). */
  teakName: string
  /** Teak marks Void and Downgraded "Required": the platform owes the customer a refund. */
  required: boolean
  /** The status the policy has after it when the payload says none (assumption `notificationStatus`). */
  impliedStatus: string | null
}

export const KIND_FACTS: Record<NotificationKind, KindFacts> = {
  contract_void: { teakName: 'Contract Void', required: true, impliedStatus: 'Voided' },
  contract_downgraded: { teakName: 'Contract Downgraded', required: true, impliedStatus: 'Downgraded' },
  contract_canceled: { teakName: 'Contract Canceled', required: false, impliedStatus: 'Canceled' },
  contract_on_hold: { teakName: 'Contract On Hold', required: false, impliedStatus: 'On Hold' },
  unknown: { teakName: 'Unknown notification', required: false, impliedStatus: null }
}

/** The kind an event name stands for (assumption `notificationEventNames`): "Contract Void", "contract.voided", … */
export function kindOfEventName(name: string | null): NotificationKind {
  const text = (name ?? '').toLowerCase()
  if (text.includes('void')) return 'contract_void'
  if (text.includes('downgrad')) return 'contract_downgraded'
  if (text.includes('cancel')) return 'contract_canceled'
  if (text.includes('hold')) return 'contract_on_hold'
  return 'unknown'
}

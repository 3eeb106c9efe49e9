/**
 * What the sandbox stores: Teak's order representation (contract-notes §5.2) plus the policy facts the
 * responses do not show (status dates, replacement). Plain JSON, so a state file holds it as is.
 */

/** Policy statuses named by the docs: "Issued" (UPG), "Voided" (VOID), "On Hold" (N-CHOLD). */
export const ISSUED = 'Issued'
export const VOIDED = 'Voided'
export const ON_HOLD = 'On Hold'

export interface StoredEvent {
  id: string
  name: string | null
  start_date: string | null
  /** `hh:mm:ss`, as Teak echoes times. */
  start_time: string | null
  end_date: string | null
  end_time: string | null
  location: string | null
}

export interface StoredCustomer {
  id: string
  first_name: string | null
  last_name: string | null
  email: string | null
  phone: string | null
}

export interface StoredItem {
  id: string
  name: string | null
  reference_number: string | null
  /** Two-decimal string. */
  cost: string
  event_id: string | null
}

export interface StoredPolicy {
  policy_number: string
  policy_number_new: string
  item_id: string
  premium: string
  coverage_amount: string
  status: string
  issued_at: string
  void_date: string | null
  cancel_date: string | null
  /** The policy that replaced this one in an upgrade, downgrade or exchange. */
  replaced_by: string | null
}

export interface StoredOrder {
  client: string
  protecht_order_id: string
  order_number: string
  currency: string
  created: string
  updated: string
  customer: StoredCustomer | null
  billing_address: Record<string, string> | null
  payment: Record<string, string> | null
  events: StoredEvent[]
  items: StoredItem[]
  policies: StoredPolicy[]
}

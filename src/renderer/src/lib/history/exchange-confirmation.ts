import type { ExchangeKind } from '../../../../shared/teak/exchange-kind'
import type { PolicyActionAssumption } from '../../../../shared/teak/assumptions'
import type { Prediction } from './exchange-form'

export interface Consequence {
  text: string
  /** A fact of Teak's docs, or the assumption it rests on (shown as such). */
  basis: 'documented' | PolicyActionAssumption
}

export interface ExchangeConfirmation {
  title: string
  confirmLabel: string
  consequences: Consequence[]
}

const TITLES: Readonly<Record<ExchangeKind, string>> = {
  upgrade: 'Upgrade',
  downgrade: 'Downgrade',
  exchange: 'Exchange'
}

/** What the premium does, by the predicted kind: documented for a downgrade only (N-CDOWN). */
const PREMIUM: Readonly<Record<ExchangeKind, Consequence>> = {
  downgrade: {
    text: 'Your platform must refund the customer the difference in protection cost (Teak’s "Contract Downgraded" notification).',
    basis: 'documented'
  },
  upgrade: {
    text: 'The customer pays the higher premium of the new policy; how Teak charges the difference is not documented.',
    basis: 'upgradePremium'
  },
  exchange: {
    text: 'The new policy carries the premium Teak returns; what a same-cost exchange does to the premium is not documented.',
    basis: 'exchangeEndsOldPolicy'
  }
}

/**
 * What the agent confirms before an exchange is sent: the kind Teak will likely see (it decides), and what
 * happens to the old policy and the premium, each marked as Teak's docs or an assumption.
 */
export function exchangeConfirmation(
  prediction: Prediction | null,
  old: { referenceNumber: string; policyNumber: string | null }
): ExchangeConfirmation {
  const kind = prediction?.kind ?? null
  const verb = kind ? TITLES[kind] : 'Replace'
  const policy = old.policyNumber ? `Policy ${old.policyNumber}` : 'Its policy'
  return {
    title: `${verb} item ${old.referenceNumber}?`,
    confirmLabel: kind ? `Send the ${kind}` : 'Send to Teak',
    consequences: [
      ...(prediction ? [{ text: prediction.sentence, basis: 'documented' as const }] : []),
      {
        text: 'Teak decides from the costs whether this is an upgrade, a downgrade or an exchange, and answers with the new item and a new policy with its own premium.',
        basis: 'documented'
      },
      {
        text: `${policy} stops covering item ${old.referenceNumber}; Teak does not document the status it takes.`,
        basis: 'exchangeEndsOldPolicy'
      },
      ...(kind ? [PREMIUM[kind]] : [])
    ]
  }
}

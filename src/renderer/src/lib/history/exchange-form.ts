import type { OrderDetail } from '../../../../shared/contract/history'
import type { ExchangeItemInput } from '../../../../shared/contract/policies'
import { checkCost, costAmbiguity, readTeakCost } from '../../../../shared/teak/cost'
import { predictExchangeKind, type ExchangeKind } from '../../../../shared/teak/exchange-kind'
import { TEXT_MAX } from '../../../../shared/teak/order-request'
import { policyActionVerdict } from '../../../../shared/teak/policy-actions'

export interface ReplaceableItem {
  referenceNumber: string
  name: string | null
  cost: string | null
  policyNumber: string
}

/**
 * Items the order holds now whose policy may be exchanged (Teak last returned it as Issued, or named no
 * status): the ones an exchange may replace.
 */
export function replaceableItems(detail: Pick<OrderDetail, 'items' | 'policies'>): ReplaceableItem[] {
  return detail.items.flatMap((item) => {
    const policy = detail.policies.find(
      (candidate) => candidate.itemReference === item.referenceNumber && candidate.replacedBy === null
    )
    return item.replacedBy === null && policy && policyActionVerdict('exchange', policy).allowed
      ? [
          {
            referenceNumber: item.referenceNumber,
            name: item.name,
            cost: item.cost,
            policyNumber: policy.policyNumber
          }
        ]
      : []
  })
}

export interface ExchangeForm {
  oldReference: string
  name: string
  reference: string
  cost: string
}

export const EMPTY_EXCHANGE_FORM: ExchangeForm = { oldReference: '', name: '', reference: '', cost: '' }

export type ExchangeField = keyof ExchangeForm

/** Every problem with the form, by field; empty when it can be sent. */
export function exchangeFormProblems(form: ExchangeForm): Partial<Record<ExchangeField, string>> {
  const problems: Partial<Record<ExchangeField, string>> = {}
  if (!form.oldReference) problems.oldReference = 'Choose the item whose policy is replaced.'
  const texts = [
    ['name', 'new item name'],
    ['reference', 'new reference number']
  ] as const
  for (const [field, label] of texts) {
    const value = form[field].trim()
    if (!value) problems[field] = `Enter the ${label}.`
    else if (value.length > TEXT_MAX) problems[field] = `The ${label} has at most ${TEXT_MAX} characters.`
  }
  const cost = checkCost(form.cost.trim())
  // As the exchange contract does: no warnings here yet, so a cost like 1,234 is refused (see policies.ts).
  const ambiguity = cost.ok ? costAmbiguity(form.cost) : cost.message
  if (ambiguity) problems.cost = ambiguity
  return problems
}

/** The PATCH entry for a form without problems (the contract canonicalises the cost). */
export function exchangeItemOf(form: ExchangeForm): ExchangeItemInput {
  return {
    old_reference_number: form.oldReference,
    name: form.name.trim(),
    reference_number: form.reference.trim(),
    cost: form.cost.trim()
  }
}

export interface Prediction {
  kind: ExchangeKind
  sentence: string
}

const KIND_WORDS: Readonly<Record<ExchangeKind, string>> = {
  upgrade: 'an upgrade',
  downgrade: 'a downgrade',
  exchange: 'an exchange'
}

/**
 * What Teak will likely call the change, once both costs can be read; null until then. The old cost is read
 * by Teak's own rule, as Teak read it when the order was sent.
 */
export function predictionFor(oldCost: string | null, newCostText: string): Prediction | null {
  const old = oldCost === null ? null : readTeakCost(oldCost)
  const next = checkCost(newCostText.trim())
  if (old === null || !next.ok || costAmbiguity(next.canonical)) return null
  const kind = predictExchangeKind(old, next.canonical)
  const comparison = { upgrade: 'more than', downgrade: 'less than', exchange: 'the same as' }[kind]
  return {
    kind,
    sentence: `Likely ${KIND_WORDS[kind]}: the new item costs ${next.canonical}, ${comparison} the ${old} of the old one. Teak decides.`
  }
}

import type { NotificationKind } from './kinds'

export interface ActionFacts {
  kind: NotificationKind
  orderNumber: string | null
  policyNumber: string | null
  amount: string | null
  currency: string | null
}

const orderText = (facts: ActionFacts) => facts.orderNumber ?? '(order not named)'
const policyText = (facts: ActionFacts) => facts.policyNumber ?? '(policy not named)'
const amountText = (facts: ActionFacts) =>
  facts.amount ? ` (${facts.amount}${facts.currency ? ` ${facts.currency}` : ''})` : ''

/**
 * What the agent is asked to do about a notification, as one sentence: the two required kinds are refunds the
 * platform owes (N-CVOID, N-CDOWN); the optional ones are for information.
 */
export function actionText(facts: ActionFacts): string {
  switch (facts.kind) {
    case 'contract_void':
      return `Refund the protection cost of policy ${policyText(facts)}${amountText(facts)} to the customer of order ${orderText(facts)}`
    case 'contract_downgraded':
      return `Refund the difference in protection cost of policy ${policyText(facts)}${amountText(facts)} to the customer of order ${orderText(facts)}`
    case 'contract_canceled':
      return `For information: policy ${policyText(facts)} of order ${orderText(facts)} was canceled at Teak`
    case 'contract_on_hold':
      return `For information: policy ${policyText(facts)} of order ${orderText(facts)} is on hold at Teak (the customer's payment for protection failed)`
    case 'unknown':
      return 'A notification Teak Desk could not read: check it against Teak’s dashboard'
  }
}

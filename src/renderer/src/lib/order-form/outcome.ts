import type { SubmitResult } from '../../../../shared/contract/orders'
import { formatDateTime } from '../format/date-time'

type Outcome = SubmitResult['outcome']
type EarlierSend = NonNullable<SubmitResult['earlierSend']>

/** Outcomes where Teak has the person's decision: announced politely (role="status"), not as an alert. */
export function isSettledWell(outcome: Outcome): boolean {
  return outcome === 'created' || outcome === 'opted_out' || outcome === 'already_submitted'
}

const reasonOf = (result: SubmitResult) => result.error?.message ?? 'no reason was given.'

/** The journal's earlier send of the same order number, said plainly: confirmed sends as confirmed. */
function earlierSendText(earlier: EarlierSend): string {
  const when = formatDateTime(earlier.sentAt)
  switch (earlier.outcome) {
    case 'created':
    case 'already_submitted':
      return `Already sent from this computer on ${when}; its policies are in History.`
    case 'opted_out':
      return `Already sent from this computer on ${when} as an opt-out; it is in History.`
    default:
      return `An earlier attempt from this computer on ${when} may have reached Teak; it is in History.`
  }
}

function alreadySubmittedText(r: SubmitResult): string {
  return r.earlierSend
    ? `${earlierSendText(r.earlierSend)} Teak answered that order ${r.orderNumber} already exists, so it was not created twice.`
    : `Teak already has an order with number ${r.orderNumber}, so it was not created twice.`
}

const OUTCOME_TEXTS: Record<Outcome, (result: SubmitResult) => string> = {
  created: (r) => `Teak created order ${r.orderNumber}. Teak's order id: ${r.teakOrderId ?? 'not returned'}.`,
  opted_out: () => 'Opt-out recorded by Teak; no order or policy was created.',
  already_submitted: alreadySubmittedText,
  in_doubt: (r) =>
    `Teak may or may not have received order ${r.orderNumber} (${reasonOf(r)}). It is listed as in doubt in History. Resend it safely: if Teak already has it, nothing is created twice.`,
  invalid: (r) =>
    `Order ${r.orderNumber} was not sent: ${reasonOf(r)} Teak Desk's own check refused it, so Teak never saw it; fix it and submit again.`,
  rejected: (r) => `Teak refused order ${r.orderNumber}: ${reasonOf(r)}`,
  failed: (r) =>
    `Order ${r.orderNumber} could not be sent: ${reasonOf(r)} Nothing was created; you can submit it again.`
}

/** What happened, in one or two sentences for the support agent. */
export function outcomeText(result: SubmitResult): string {
  return OUTCOME_TEXTS[result.outcome](result)
}

/** The result's heading: sent, already at Teak, or why not. */
export function outcomeTitle(outcome: Outcome): string {
  if (outcome === 'already_submitted') return 'Already at Teak'
  if (isSettledWell(outcome)) return 'Sent'
  return outcome === 'in_doubt' ? 'Not confirmed' : 'Not sent'
}

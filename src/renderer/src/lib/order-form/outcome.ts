import type { SubmitResult } from '../../../../shared/contract/orders'

type Outcome = SubmitResult['outcome']

/** Outcomes where Teak has the person's decision: announced politely (role="status"), not as an alert. */
export function isSettledWell(outcome: Outcome): boolean {
  return outcome === 'created' || outcome === 'opted_out' || outcome === 'already_submitted'
}

const reasonOf = (result: SubmitResult) => result.error?.message ?? 'no reason was given.'

const OUTCOME_TEXTS: Record<Outcome, (result: SubmitResult) => string> = {
  created: (r) => `Teak created order ${r.orderNumber}. Teak's order id: ${r.teakOrderId ?? 'not returned'}.`,
  opted_out: () => 'Opt-out recorded by Teak; no order or policy was created.',
  already_submitted: (r) =>
    `Teak already has order ${r.orderNumber}: an earlier attempt that was never confirmed did reach Teak, so it was not created twice. Its details are in History.`,
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

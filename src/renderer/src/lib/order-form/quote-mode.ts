import { inspectQuoteToken } from '../../../../shared/teak/quote-token'

/**
 * What the quote token makes of the submission. The mode comes from the token alone (there is no opt-in /
 * opt-out switch), so an opt-out can never go out with a token that says `opt_in: true`.
 */
export type QuoteMode =
  | { kind: 'missing' }
  | { kind: 'unreadable'; message: string }
  /** `claimed`: false when the token has no `opt_in` claim, which Teak also processes as an opt-in. */
  | { kind: 'opt_in'; claimed: boolean }
  | { kind: 'opt_out' }

export function quoteModeOf(token: string): QuoteMode {
  if (token.trim() === '') return { kind: 'missing' }
  const reading = inspectQuoteToken(token)
  if (!reading.ok) return { kind: 'unreadable', message: reading.message }
  if (reading.optIn === false) return { kind: 'opt_out' }
  return { kind: 'opt_in', claimed: reading.optIn === true }
}

/**
 * Teak's certification requires event, customer and billing address on opt-ins (`optInRequirementIssues`);
 * they are asked for unless the token is a readable opt-out. A missing token means opt-in for Teak.
 */
export function needsOptInDetails(mode: QuoteMode): boolean {
  return mode.kind !== 'opt_out'
}

/** The submit button says what will happen. */
export function submitLabel(mode: QuoteMode): string {
  return mode.kind === 'opt_out' ? 'Record opt-out' : 'Submit opt-in order'
}

/** One sentence beside the token field: what Teak will do with this order. */
export function quoteModeText(mode: QuoteMode): string {
  switch (mode.kind) {
    case 'missing':
      return 'No token — Teak treats this as opt-in: it creates the order and issues policies. You will be asked to confirm.'
    case 'unreadable':
      return 'This token cannot be read, so it does not say opt-in or opt-out: copy it again from the checkout.'
    case 'opt_in':
      return mode.claimed
        ? 'Opt-in: the customer chose protection. Teak creates the order and one policy per item.'
        : 'This token does not say opt_in either way, so Teak treats the order as an opt-in and issues policies.'
    case 'opt_out':
      return 'Opt-out: the customer declined protection. Teak records the choice; no order or policy is created.'
  }
}

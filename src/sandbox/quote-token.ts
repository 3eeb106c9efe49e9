import type { SandboxClock } from './clock'
import { uuid } from './ids'
import { signJwt, verifyJwt } from './jwt'
import { premiumOf, toCents, totalOf } from './pricing'
import { echoedEvent } from './order-records'
import type { EventInput, QuoteInput } from './validation'

/**
 * Quote tokens in place of the widget's (contract-notes §3.1). Teak's claims are unknown apart from `opt_in`
 * (§11.7), so the layout is the sandbox's own: `{token_use: "quote", opt_in, iat, quote: {...}}`, signed
 * with the sandbox key. Only tokens minted here decode; anything else is foreign.
 */
export interface Quote {
  reference_number: string
  currency: string
  items: { reference_number: string; cost: string; event?: EventInput }[]
}

export interface QuoteClaims {
  opt_in: boolean
  quote: Quote
}

const TOKEN_USE = 'quote'
/** The widget's default currency (contract-notes §3.2). */
const DEFAULT_CURRENCY = 'USD'

export class QuoteTokens {
  constructor(
    private readonly signingKey: Buffer,
    private readonly clock: SandboxClock
  ) {}

  mint(input: QuoteInput): string {
    const quote: Quote = {
      reference_number: input.reference_number ?? uuid(),
      currency: input.currency ?? DEFAULT_CURRENCY,
      items: input.items
    }
    const iat = Math.floor(this.clock.now() / 1000)
    return signJwt({ token_use: TOKEN_USE, opt_in: input.opt_in, iat, quote }, this.signingKey)
  }

  /** The claims of a token minted here, or null for a malformed or foreign one. */
  read(token: string): QuoteClaims | null {
    const claims = verifyJwt(token, this.signingKey)
    if (!claims || claims.token_use !== TOKEN_USE || typeof claims.opt_in !== 'boolean') return null
    return { opt_in: claims.opt_in, quote: claims.quote as Quote }
  }
}

/** `GET /api/v2/quote/decode` (DECODE): item premiums at `premiumRate`, `subtotal` = Σ premium. */
export function decodedQuote(quote: Quote, premiumRate: string) {
  const items = quote.items.map((item) => {
    const cost = toCents(item.cost)
    return {
      cost,
      premium: premiumOf(cost, premiumRate),
      reference_number: item.reference_number,
      event: item.event ? echoedEvent(item.event) : null
    }
  })
  return {
    reference_number: quote.reference_number,
    currency: quote.currency,
    items,
    subtotal: totalOf(items.map((item) => item.premium))
  }
}

import { refuse } from '../errors'
import { decodedQuote } from '../quote-token'
import { authenticated, type Route } from '../router'

/** `GET /api/v2/quote/decode?token=` (contract-notes §3.3); only tokens minted by this sandbox decode. */
export const decodeQuoteRoute: Route = {
  method: 'GET',
  path: '/api/v2/quote/decode',
  handle: authenticated((state, call) => {
    const token = call.query.get('token')
    if (!token) {
      throw refuse(
        'validation',
        'Required',
        'The token query parameter is required: /api/v2/quote/decode?token=<quote token>.',
        'token'
      )
    }
    const claims = state.quotes.read(token)
    if (!claims) {
      throw refuse(
        'invalidQuoteToken',
        'InvalidQuoteToken',
        'The quote token is malformed or was not issued by this sandbox.',
        'token'
      )
    }
    return {
      status: state.assumptions.successStatuses.decodeQuote,
      body: decodedQuote(claims.quote, state.assumptions.premiumRate)
    }
  })
}

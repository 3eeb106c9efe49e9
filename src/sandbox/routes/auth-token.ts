import { refuse } from '../errors'
import { parseJsonObject } from '../http'
import type { Route } from '../router'
import { validateKeys } from '../validation'

/** `POST /api/v2/auth/token/` `{public_key, secret_key}` → `{token}` (contract-notes §2.2). */
export const authTokenRoute: Route = {
  method: 'POST',
  path: '/api/v2/auth/token/',
  handle: (state, call) => {
    const keys = validateKeys(parseJsonObject(call.body))
    const token = state.auth.issue(keys.public_key, keys.secret_key)
    if (token === null) {
      throw refuse(
        'unauthorized',
        'InvalidCredentials',
        'The public key and secret key do not match any client of this sandbox.'
      )
    }
    return { status: state.assumptions.successStatuses.authToken, body: { token } }
  }
}

import type { TrailingSlash } from './assumptions'

/**
 * A Teak API path in the form the `trailingSlash` assumption chooses. `documented` is the form of Teak's own
 * example (`/api/v2/orders`, `/api/v2/orders/:id/`, `/api/v2/policies/:id`); the client builds its paths with
 * this, and the local sandbox's strict mode serves exactly the paths this gives.
 */
export function apiPath(documented: string, trailingSlash: TrailingSlash): string {
  const bare = documented.replace(/\/+$/, '')
  switch (trailingSlash) {
    case 'as_documented':
      return documented
    case 'always':
      return `${bare}/`
    case 'never':
      return bare
  }
}

import type { ApiResponse } from './http'
import type { SandboxState } from './sandbox-state'

/** What a route sees of a request. */
export interface Call {
  params: string[]
  query: URLSearchParams
  body: string
  authorization: string | undefined
}

export type Handler = (state: SandboxState, call: Call) => ApiResponse | Promise<ApiResponse>

export interface Route {
  method: string
  /** The documented form, e.g. `/api/v2/orders/:id/`; `:name` matches one path segment. */
  path: string
  handle: Handler
}

interface CompiledRoute {
  route: Route
  exact: RegExp
  /** The same path with its trailing slash optional. */
  tolerant: RegExp
}

export interface Match {
  route: Route
  params: string[]
}

function pattern(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
}

/** A path segment as text, or null when its percent-encoding is broken (then nothing matches). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** A matcher over `routes`; `tolerant` also accepts each path with its trailing slash added or removed. */
export function createRouter(
  routes: Route[]
): (method: string, path: string, tolerant: boolean) => Match | null {
  const compiled: CompiledRoute[] = routes.map((route) => ({
    route,
    exact: new RegExp(`^${pattern(route.path)}$`),
    tolerant: new RegExp(`^${pattern(route.path.replace(/\/$/, ''))}/?$`)
  }))
  return (method, path, tolerant) => {
    for (const { route, exact, tolerant: loose } of compiled) {
      if (route.method !== method) continue
      const match = (tolerant ? loose : exact).exec(path)
      const params = match?.slice(1).map(decodeSegment)
      if (params && !params.includes(null)) return { route, params: params as string[] }
    }
    return null
  }
}

/** Wraps a handler that needs the caller's client id: `Authorization: JWT <token>` is checked first. */
export function authenticated(
  handle: (state: SandboxState, call: Call, client: string) => ApiResponse | Promise<ApiResponse>
): Handler {
  return (state, call) => handle(state, call, state.auth.clientIdOf(call.authorization))
}

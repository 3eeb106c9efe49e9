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
  /** The same path with its trailing slash optional. */
  tolerant: RegExp
}

export interface Match {
  route: Route
  params: string[]
}

/**
 * How paths are matched: `null` accepts each path with its trailing slash added or removed; a function gives
 * the one form served for a route's documented path (the strict sandbox).
 */
export type PathForm = ((documentedPath: string) => string) | null

function compile(path: string): RegExp {
  const pattern = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return new RegExp(`^${pattern}$`)
}

/** A path segment as text, or null when its percent-encoding is broken (then nothing matches). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** A matcher over `routes`, each matched in the form `form` gives (see `PathForm`). */
export function createRouter(
  routes: Route[]
): (method: string, path: string, form: PathForm) => Match | null {
  const compiled: CompiledRoute[] = routes.map((route) => ({
    route,
    tolerant: new RegExp(`${compile(route.path.replace(/\/$/, '')).source.slice(0, -1)}/?$`)
  }))
  // The strict forms are few (one per route and setting): compiled once, on first use.
  const exact = new Map<string, RegExp>()
  const exactFor = (path: string): RegExp => {
    let regex = exact.get(path)
    if (!regex) exact.set(path, (regex = compile(path)))
    return regex
  }
  return (method, path, form) => {
    for (const { route, tolerant } of compiled) {
      if (route.method !== method) continue
      const match = (form === null ? tolerant : exactFor(form(route.path))).exec(path)
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

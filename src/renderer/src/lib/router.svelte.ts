import { routes } from '../routes'

/** Hash routing (`#/history`): works the same from a file: URL in Electron and from the browser host. */
class Router {
  current = $state(readRoute())

  constructor() {
    window.addEventListener('hashchange', () => (this.current = readRoute()))
  }

  go(id: string): void {
    window.location.hash = `#/${id}`
  }
}

function readRoute(): string {
  const id = /^#\/([\w-]+)/.exec(window.location.hash)?.[1]
  return routes.some((r) => r.id === id) ? (id as string) : routes[0].id
}

export const router = new Router()

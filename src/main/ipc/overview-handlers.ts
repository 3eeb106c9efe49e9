import type { overviewMethods } from '../../shared/contract/overview'
import type { Handlers } from '../contract/dispatcher'
import { createOverviewService, type OverviewDeps } from '../overview/overview-service'

export function overviewHandlers(deps: OverviewDeps): Pick<Handlers, keyof typeof overviewMethods> {
  const overview = createOverviewService(deps)
  return { 'overview.get': (input) => overview.get(input) }
}

import { AppError } from '../../shared/contract/errors'
import type { Handlers } from '../contract/dispatcher'
import type { Services } from '../services'

type AppMethod = 'app.info' | 'app.ping' | 'app.journalProblem' | 'app.setAsideJournal'

/** With the services running, the journal opened: there is no problem, and nothing to set aside. */
export function appHandlers(
  services: Pick<Services, 'appName' | 'version' | 'dataDir' | 'host' | 'settings'>
): Pick<Handlers, AppMethod> {
  return {
    'app.info': () => ({
      name: services.appName,
      version: services.version,
      dataDir: services.dataDir,
      host: services.host,
      environments: services.settings.environments(),
      selectedEnvironment: services.settings.current().selectedEnvironment
    }),
    'app.ping': ({ message }) => ({ pong: true, echo: message, at: new Date().toISOString() }),
    'app.journalProblem': () => null,
    'app.setAsideJournal': () => {
      throw new AppError('conflict', 'The journal is in use and intact: there is nothing to move aside.')
    }
  }
}

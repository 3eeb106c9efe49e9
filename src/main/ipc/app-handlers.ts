import type { Handlers } from '../contract/dispatcher'
import type { Services } from '../services'

export function appHandlers(services: Services): Pick<Handlers, 'app.info' | 'app.ping'> {
  return {
    'app.info': () => ({
      name: services.appName,
      version: services.version,
      dataDir: services.dataDir,
      host: services.host,
      environments: services.settings.environments(),
      selectedEnvironment: services.settings.current().selectedEnvironment
    }),
    'app.ping': ({ message }) => ({ pong: true, echo: message, at: new Date().toISOString() })
  }
}

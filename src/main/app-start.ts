import { AppError, contract } from '../shared/contract'
import { createDispatcher, type Dispatch, type Handlers } from './contract/dispatcher'
import { APP_NAME } from './data-dir'
import { EventBus } from './event-bus'
import { appHandlers } from './ipc/app-handlers'
import { createHandlers } from './ipc/handlers'
import { JournalDamagedError } from './journal/errors'
import { setAsideJournal } from './journal/set-aside'
import { createServices, type ServiceOptions, type Services } from './services'
import { openSettingsStore, type SettingsStore } from './settings/store'

export interface AppStartOptions extends Omit<ServiceOptions, 'events'> {
  onInternalError?: (method: string, error: unknown) => void
  /** Stamps the name a damaged journal is moved to (tests pin it). */
  now?: () => Date
}

/** The contract as the page sees it (Electron IPC or the browser host), and its events. */
export interface RunningApp {
  dispatch: Dispatch
  events: EventBus
  close(): Promise<void>
}

/**
 * Starts the desktop app's and the browser host's services. A damaged journal does not stop the start: the
 * page is served, `app.journalProblem` says what is wrong, and every method but app.info, app.ping and
 * `app.setAsideJournal` is refused until the person chooses to move the file aside; then the services start
 * with a new journal and the full contract answers. Any other failure to start is thrown.
 */
export async function startApp(options: AppStartOptions): Promise<RunningApp> {
  const events = new EventBus()
  const dispatcherOptions = { onInternalError: options.onInternalError }
  let services: Services | null = null
  let dispatch: Dispatch

  async function startServices(): Promise<void> {
    services = await createServices({ ...options, events })
    dispatch = createDispatcher(createHandlers(services), dispatcherOptions)
  }

  try {
    await startServices()
  } catch (error) {
    if (!(error instanceof JournalDamagedError)) throw error
    const settings = await openSettingsStore(options.dataDir)
    let settingAside: Promise<{ movedTo: string }> | undefined
    const setAside = () =>
      (settingAside ??= (async () => {
        const movedTo = setAsideJournal(error.filePath, (options.now ?? (() => new Date()))())
        await startServices()
        return { movedTo }
      })().catch((failure: unknown) => {
        settingAside = undefined
        throw failure
      }))
    dispatch = createDispatcher(
      recoveryHandlers({ ...options, appName: APP_NAME, settings }, error, setAside),
      dispatcherOptions
    )
  }

  return {
    dispatch: (method, input) => dispatch(method, input),
    events,
    close: async () => {
      await services?.close()
    }
  }
}

/** Everything refused with the journal's problem, except what the page needs to show it and resolve it. */
function recoveryHandlers(
  info: Pick<Services, 'appName' | 'version' | 'dataDir' | 'host'> & { settings: SettingsStore },
  problem: JournalDamagedError,
  setAside: () => Promise<{ movedTo: string }>
): Handlers {
  const refuse = () => {
    throw new AppError('conflict', `${problem.message} Move it aside on the start page to continue.`)
  }
  const refused = Object.fromEntries(
    Object.keys(contract).map((name) => [name, refuse])
  ) as unknown as Handlers
  const app = appHandlers(info)
  return {
    ...refused,
    'app.info': app['app.info'],
    'app.ping': app['app.ping'],
    'app.journalProblem': () => ({ file: problem.filePath, message: problem.message }),
    'app.setAsideJournal': setAside
  }
}

import { BrowserWindow, shell, type WebContents, type WebPreferences } from 'electron'

/** The options every Teak Desk window runs with; exported so a test can hold them to the rules. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true
  }
}

/**
 * Deny what a back-office window never needs: new windows (an https link opens in the user's browser
 * instead), navigation away from our page, and webviews.
 */
export function hardenWebContents(contents: WebContents, isOwnUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export interface MainWindowOptions {
  preloadPath: string
  iconPath?: string
  isOwnUrl: (url: string) => boolean
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Teak Desk',
    autoHideMenuBar: false,
    icon: options.iconPath,
    webPreferences: secureWebPreferences(options.preloadPath)
  })
  hardenWebContents(window.webContents, options.isOwnUrl)
  window.once('ready-to-show', () => window.show())
  return window
}

import { BrowserWindow, type WebPreferences } from 'electron'

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

export interface MainWindowOptions {
  preloadPath: string
  iconPath?: string
}

/** The main window; its webContents is hardened as every other one is (`guardEveryWebContents`). */
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
  window.once('ready-to-show', () => window.show())
  return window
}

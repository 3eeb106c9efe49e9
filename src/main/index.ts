import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, ipcMain, Menu, session } from 'electron'
import { startApp } from './app-start'
import { resolveDataDir } from './data-dir'
import { bindContractIpc, forwardEvents } from './electron/ipc'
import { buildApplicationMenu } from './electron/menu'
import { denyAllPermissions } from './electron/session-security'
import { guardEveryWebContents } from './electron/web-contents-guard'
import { createMainWindow } from './electron/window'
import { logInternalError } from './log'

// Lifecycle only: every behaviour lives in services that run without Electron (see README, "Architecture").
const rendererHtml = fileURLToPath(new URL('../renderer/index.html', import.meta.url))
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const trusted = { rendererFileUrl: pathToFileURL(rendererHtml).href, devServerUrl }

app.setPath('userData', resolveDataDir())

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void app.whenReady().then(start)
}

/** Built by scripts/electron-native.mjs for `npm start`; packaged apps get theirs from electron-builder. */
function electronSqliteBinding(): string {
  const dir = `electron-${process.versions.electron}-${process.arch}`
  return join(app.getAppPath(), 'out', 'native', dir, 'better_sqlite3.node')
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData')
  // A damaged journal does not stop the start: the page offers to move it aside (see app-start.ts).
  const running = await startApp({
    dataDir,
    version: app.getVersion(),
    host: 'electron',
    sqliteBinding: app.isPackaged ? undefined : electronSqliteBinding(),
    onInternalError: logInternalError(dataDir)
  })
  denyAllPermissions(session.defaultSession)
  guardEveryWebContents(app, trusted)
  bindContractIpc(ipcMain, running.dispatch, trusted)
  Menu.setApplicationMenu(buildApplicationMenu(process.platform === 'darwin', devServerUrl !== undefined))

  const window = createMainWindow({
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
  })
  forwardEvents(running.events, window)
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', () => void running.close())
  if (devServerUrl) await window.loadURL(devServerUrl)
  else await window.loadFile(rendererHtml)
}

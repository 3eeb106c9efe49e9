import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron's binary is not installed on our machines; the window factory is tested against a stand-in
// BrowserWindow that records what the factory asked for and lets the test fire webContents events.
const created: { options: Record<string, unknown>; contents: FakeContents }[] = []
const opened: string[] = []

class FakeContents {
  handlers: Record<string, (...args: unknown[]) => void> = {}
  openHandler?: (details: { url: string }) => { action: string }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
  on(name: string, handler: (...args: unknown[]) => void) {
    this.handlers[name] = handler
  }
}

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = new FakeContents()
    constructor(options: Record<string, unknown>) {
      created.push({ options, contents: this.webContents })
    }
    once() {}
  },
  shell: { openExternal: (url: string) => opened.push(url) }
}))

const { createMainWindow, secureWebPreferences } = await import('../../../src/main/electron/window')

const OWN = 'file:///app/out/renderer/index.html'
const isOwnUrl = (url: string) => url.startsWith(OWN)

function navigationEvent() {
  let prevented = false
  return { event: { preventDefault: () => (prevented = true) }, prevented: () => prevented }
}

describe('main window factory', () => {
  beforeEach(() => {
    created.length = 0
    opened.length = 0
  })

  it('creates the window with Electron security defaults', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', isOwnUrl })
    const prefs = created[0].options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
    expect(prefs).toEqual(secureWebPreferences('/app/out/preload/index.cjs'))
  })

  it('denies window.open; https links go to the system browser, anything else nowhere', () => {
    createMainWindow({ preloadPath: 'p', isOwnUrl })
    const contents = created[0].contents
    expect(contents.openHandler!({ url: 'https://docs.helloteak.com/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://docs.helloteak.com/'])
  })

  it('blocks navigation and redirects away from our page, and webviews', () => {
    createMainWindow({ preloadPath: 'p', isOwnUrl })
    const { handlers } = created[0].contents
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navigationEvent()
      handlers[name](away.event, 'https://evil.example/')
      expect(away.prevented()).toBe(true)
      const own = navigationEvent()
      handlers[name](own.event, `${OWN}#/history`)
      expect(own.prevented()).toBe(false)
    }
    const webview = navigationEvent()
    handlers['will-attach-webview'](webview.event)
    expect(webview.prevented()).toBe(true)
  })
})

import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { App } from 'electron'

// Electron's binary is not installed on our machines: the guard is tested against stand-ins that record
// the handlers it installs (a webContents), answer its confirmation (dialog) and note what leaves the app
// for the system browser (shell).
type Handler = (...args: unknown[]) => void

class FakeContents {
  handlers: Record<string, Handler> = {}
  openHandler?: (details: { url: string }) => { action: string }
  constructor(readonly window: object | null = { id: 'main window' }) {}
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
  on(name: string, handler: Handler) {
    this.handlers[name] = handler
  }
}

interface Asked {
  parent: unknown
  options: { message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number }
  answer(response: number): void
}
const asked: Asked[] = []
const opened: string[] = []

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: (contents: FakeContents) => contents.window },
  dialog: {
    showMessageBox: (...args: unknown[]) =>
      new Promise((resolve) => {
        const [parent, options] = args.length === 2 ? args : [null, args[0]]
        asked.push({
          parent,
          options: options as Asked['options'],
          answer: (response) => resolve({ response, checkboxChecked: false })
        })
      })
  },
  shell: { openExternal: async (url: string) => void opened.push(url) }
}))

const { guardEveryWebContents } = await import('../../../src/main/electron/web-contents-guard')

const PAGE = 'file:///opt/Teak%20Desk/resources/app.asar/out/renderer/index.html'
const DOCS = 'https://docs.helloteak.com/docs/void-policy'

/** An app stand-in with the guard installed; `created()` makes a webContents as Electron would. */
function guardedApp(devServerUrl?: string) {
  const handlers: Record<string, Handler> = {}
  const app = { on: (name: string, handler: Handler) => (handlers[name] = handler) }
  guardEveryWebContents(app as unknown as App, { rendererFileUrl: PAGE, devServerUrl })
  return {
    created(window?: object | null) {
      const contents = new FakeContents(window)
      handlers['web-contents-created']({}, contents)
      return contents
    }
  }
}

/** Whether the handler `name` of `contents` stops a navigation to `url`. */
function stops(contents: FakeContents, name: string, url: string): boolean {
  let prevented = false
  contents.handlers[name]({ preventDefault: () => (prevented = true) }, url)
  return prevented
}

/** Runs everything already queued (the dialog's answer and what follows it): ordering, not time. */
const settled = () => new Promise((resolve) => setImmediate(resolve))

describe('guard of every webContents', () => {
  beforeEach(() => {
    asked.length = 0
    opened.length = 0
  })

  it('hardens each webContents as it is created, not only the main window', () => {
    const app = guardedApp()
    for (const contents of [app.created(), app.created(null)]) {
      expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
      expect(stops(contents, 'will-navigate', 'https://evil.example/')).toBe(true)
      expect(stops(contents, 'will-redirect', 'https://evil.example/')).toBe(true)
      expect(stops(contents, 'will-attach-webview', '')).toBe(true)
    }
  })

  it('keeps navigation on our packaged page only', () => {
    const contents = guardedApp().created()
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(stops(contents, name, `${PAGE}#/history`)).toBe(false)
      expect(stops(contents, name, 'file:///tmp/evil.html')).toBe(true)
      expect(stops(contents, name, 'http://localhost:5173/')).toBe(true)
    }
  })

  it('compares the dev server by origin, so look-alike hosts are not ours', () => {
    const contents = guardedApp('http://localhost:5173').created()
    expect(stops(contents, 'will-navigate', 'http://localhost:5173/#/orders')).toBe(false)
    for (const url of [
      'http://localhost:5173.evil.com/',
      'http://localhost:51730/',
      'http://localhost:5173@evil.com/',
      'https://localhost:5173/'
    ]) {
      expect(stops(contents, 'will-navigate', url), url).toBe(true)
      expect(stops(contents, 'will-redirect', url), url).toBe(true)
    }
  })

  it('offers a Teak docs link to the system browser, and opens it only when the agent agrees', async () => {
    const window = { id: 'main window' }
    const contents = guardedApp().created(window)
    expect(contents.openHandler!({ url: DOCS })).toEqual({ action: 'deny' })
    expect(asked).toHaveLength(1)
    expect(asked[0].parent).toBe(window)
    expect(asked[0].options).toMatchObject({
      message: 'Open docs.helloteak.com in your browser?',
      detail: DOCS,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1
    })
    asked[0].answer(1)
    await settled()
    expect(opened).toEqual([])

    contents.openHandler!({ url: DOCS })
    asked[1].answer(0)
    await settled()
    expect(opened).toEqual([DOCS])
  })

  it('offers a followed Teak link the same way, keeping the page where it is', async () => {
    const contents = guardedApp().created()
    expect(stops(contents, 'will-navigate', DOCS)).toBe(true)
    asked[0].answer(0)
    await settled()
    expect(opened).toEqual([DOCS])
  })

  it('never offers, let alone opens, any other link', async () => {
    const contents = guardedApp().created()
    for (const url of [
      'https://evil.example/',
      'http://docs.helloteak.com/',
      'https://docs.helloteak.com.evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)'
    ]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' })
      expect(stops(contents, 'will-navigate', url)).toBe(true)
    }
    await settled()
    expect(asked).toEqual([])
    expect(opened).toEqual([])
  })
})

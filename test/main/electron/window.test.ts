import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron's binary is not installed on our machines; the window factory is tested against a stand-in
// BrowserWindow that records what the factory asked for.
const created: { options: Record<string, unknown> }[] = []

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      created.push({ options })
    }
    once() {}
  }
}))

const { createMainWindow, secureWebPreferences } = await import('../../../src/main/electron/window')

describe('main window factory', () => {
  beforeEach(() => {
    created.length = 0
  })

  it('creates the window with Electron security defaults', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs' })
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
})

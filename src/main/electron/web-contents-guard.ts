import { BrowserWindow, dialog, shell, type App, type WebContents } from 'electron'
import { isTrustedSender, type TrustedOrigins } from '../contract/sender'
import { teakLinkToOpen } from './external-links'

const OPEN = 0
const CANCEL = 1

/** Asks before a Teak link leaves the app for the system browser; anything else never leaves. */
async function offerTeakLink(contents: WebContents, url: string): Promise<void> {
  const link = teakLinkToOpen(url)
  if (!link) return
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
    message: `Open ${new URL(link).hostname} in your browser?`,
    detail: link
  }
  const parent = BrowserWindow.fromWebContents(contents)
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options)
  if (response === OPEN) await shell.openExternal(link)
}

/** A link that cannot be opened (no browser, the dialog gone with its window) simply stays unopened. */
const offer = (contents: WebContents, url: string) => void offerTeakLink(contents, url).catch(() => {})

/**
 * Deny what a back-office page never needs: new windows, navigation away from our page (a link to Teak's
 * docs or dashboard is offered to the system browser instead), redirects away and webviews.
 */
export function hardenWebContents(contents: WebContents, isOwnUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    offer(contents, url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (isOwnUrl(url)) return
    event.preventDefault()
    offer(contents, url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Hardens every webContents the app ever creates (windows, devtools, anything a future feature adds), as
 * it is created. Our page is the packaged renderer file or, in development, the dev server's origin —
 * compared as origins, never as string prefixes (`http://localhost:5173.evil.com` is not ours).
 */
export function guardEveryWebContents(app: App, trusted: TrustedOrigins): void {
  const isOwnUrl = (url: string) => isTrustedSender(url, trusted)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isOwnUrl))
}

/**
 * Electron advisory GHSA-mq8j-3h7h-p8g7: a privileged IPC handler must check who is calling. Only our own
 * renderer may: the packaged page (a file: URL inside our renderer folder) or, during development, the
 * electron-vite dev server's origin.
 */
export interface TrustedOrigins {
  /** file: URL of the built renderer's index.html. */
  rendererFileUrl: string
  /** http origin of the dev server, when running `npm run dev`. */
  devServerUrl?: string
}

export function isTrustedSender(senderUrl: string | undefined | null, trusted: TrustedOrigins): boolean {
  if (!senderUrl) return false
  let url: URL
  try {
    url = new URL(senderUrl)
  } catch {
    return false
  }
  if (url.protocol === 'file:') {
    const expected = new URL(trusted.rendererFileUrl)
    return url.pathname === expected.pathname
  }
  if (trusted.devServerUrl) {
    return url.origin === new URL(trusted.devServerUrl).origin
  }
  return false
}

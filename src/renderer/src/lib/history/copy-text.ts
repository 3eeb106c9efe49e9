/**
 * Puts text on the clipboard. The Clipboard API needs a secure context, which Electron's page and the browser
 * host on 127.0.0.1 both are; it may still be refused (permissions), and then the caller says so.
 */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard) throw new Error('This window cannot reach the clipboard.')
  await navigator.clipboard.writeText(text)
}

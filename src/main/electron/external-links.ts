/**
 * Hosts whose https links Teak Desk opens in the system browser (after the agent confirms): Teak's own, as
 * documented (contract-notes §0 sources, §1 sandbox dashboard). The production dashboard's address is not
 * documented (contract-notes Unknowns 2), so it is not on the list.
 */
export const TEAK_LINK_HOSTS: readonly string[] = ['docs.helloteak.com', 'dashboard.sandbox.helloteak.com']

/**
 * The address to open for a link the page asked to open, or null when it is not a plain https link to
 * one of Teak's hosts (no other scheme, port or credentials).
 */
export function teakLinkToOpen(url: string): string | null {
  let link: URL
  try {
    link = new URL(url)
  } catch {
    return null
  }
  if (link.protocol !== 'https:' || link.port !== '' || link.username !== '' || link.password !== '')
    return null
  return TEAK_LINK_HOSTS.includes(link.hostname) ? link.href : null
}

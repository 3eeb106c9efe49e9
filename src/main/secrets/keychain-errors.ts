import { AppError } from '../../shared/contract/errors'

const HEADLESS_ALTERNATIVE =
  'For headless use, such as the command line, set TEAK_PUBLIC_KEY and TEAK_SECRET_KEY instead.'

const REMEDY: Partial<Record<NodeJS.Platform, string>> = {
  linux:
    'Install and unlock gnome-keyring (or another Secret Service provider, such as KeePassXC with Secret Service ' +
    'enabled) in your desktop session, then try again.',
  darwin: 'Unlock the login keychain in Keychain Access, then try again.',
  win32: 'Check that Windows Credential Manager is available for your account, then try again.'
}

/**
 * The error for every keychain failure. It names the cause and what to do, because Teak Desk keeps keys only in
 * the keychain: falling back to a plain file would put secrets where backups and other users can read them.
 * Keychain library messages describe the keychain (e.g. "Cannot autolaunch D-Bus without X11 $DISPLAY"), never
 * the stored value, so quoting them is safe.
 */
export function keychainUnavailable(cause: string, platform: NodeJS.Platform = process.platform): AppError {
  const remedy = REMEDY[platform] ?? 'Make sure a system keychain is available, then try again.'
  return new AppError(
    'keychain_unavailable',
    `The system keychain is not available (${cause}). Teak Desk keeps API keys only in the keychain, never in a ` +
      `file. ${remedy} ${HEADLESS_ALTERNATIVE}`,
    { cause }
  )
}

export function isKeychainUnavailable(error: unknown): boolean {
  return error instanceof AppError && error.code === 'keychain_unavailable'
}

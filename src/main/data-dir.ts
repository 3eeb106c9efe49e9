import { chmodSync, mkdirSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Teak Desk'

/**
 * The data folder holds customer names, emails, phones and addresses (journal, drafts, kept import files):
 * on POSIX it is readable by its owner only, and so is every file Teak Desk writes there. Windows keeps
 * `%APPDATA%` per user through its ACLs, and POSIX modes mean nothing there.
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * Where Teak Desk keeps its settings, journal and logs: TEAK_DESK_HOME if set, else the OS app-data
 * directory that Electron's `userData` would choose for "Teak Desk", so the app and the CLI share it.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (env.TEAK_DESK_HOME) return env.TEAK_DESK_HOME
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}

/** Creates a folder of the data folder (parents too) for its owner only, and makes an existing one so. */
export function ensurePrivateDir(path: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (platform !== 'win32') chmodSync(path, PRIVATE_DIR_MODE)
}

/**
 * Makes the data folder private, including what an older version left readable to others (0755 folders, 0644
 * files): the folder itself, our files in it (`ownFiles`, with their companions and set-aside copies, which
 * start with the same name), and our subfolders (`ownFolders`) with their files. Nothing else is changed, as
 * TEAK_DESK_HOME may name a folder that holds other things too; symbolic links are left alone.
 */
export function makeDataDirPrivate(
  dataDir: string,
  own: { files: readonly string[]; folders: readonly string[] },
  platform: NodeJS.Platform = process.platform
): void {
  ensurePrivateDir(dataDir, platform)
  if (platform === 'win32') return
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name)
    if (entry.isFile() && own.files.some((name) => entry.name.startsWith(name))) {
      chmodSync(path, PRIVATE_FILE_MODE)
    } else if (entry.isDirectory() && own.folders.includes(entry.name)) {
      chmodSync(path, PRIVATE_DIR_MODE)
      for (const inner of readdirSync(path, { withFileTypes: true })) {
        if (inner.isFile()) chmodSync(join(path, inner.name), PRIVATE_FILE_MODE)
      }
    }
  }
}

/**
 * Where an unusable file of the data folder is kept instead of being deleted: `<name>.corrupt-<time>` beside
 * it, so whatever it held can still be recovered by hand.
 */
export function asidePath(path: string, now: Date): string {
  return `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
}

import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Teak Desk'

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

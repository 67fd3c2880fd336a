// Where DA Desk keeps its data. Electron's userData folder for the app is the same folder, so the
// CLI run beside the app finds the app's own database.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_FOLDER = 'DA Desk'
export const DATABASE_FILE = 'da-desk.sqlite'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DA_DESK_DATA_DIR) return env.DA_DESK_DATA_DIR
  if (process.platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, DATABASE_FILE)
}

/**
 * The safe-contact script the desk loads. Two folders up from here is the app root both when
 * run from source (electron/core) and when bundled (out/main), so resources/ is found in both.
 */
export const DEFAULT_SCRIPT_FILE = resolve(
  import.meta.dirname,
  '../../resources/scripts/safe-contact.v1.json',
)

/** The follow-up call's script, beside the safe-contact one and in the same format. */
export const FOLLOW_UP_SCRIPT_FILE = resolve(
  import.meta.dirname,
  '../../resources/scripts/follow-up.v1.json',
)

/** The font the handover PDF embeds, so names with any accent print (resources/fonts). */
export const PDF_FONT_FILE = resolve(import.meta.dirname, '../../resources/fonts/DejaVuSans.ttf')

/** The app's version, from its package.json (beside out/ when bundled, at the root from source). */
export const APP_VERSION = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string
  }
).version

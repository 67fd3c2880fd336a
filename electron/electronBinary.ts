// Finds an Electron binary that is already on disk, without triggering Electron's own download
// (which cannot work on machines without internet access). Returns null when there is none.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const PLATFORM_EXECUTABLE: Record<string, string> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
}

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  const executable = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (PLATFORM_EXECUTABLE[process.platform] ?? 'electron')
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist')
  const binary = join(dist, executable)
  return existsSync(binary) ? binary : null
}

export const NO_ELECTRON_MESSAGE =
  'No Electron binary is installed (it is fetched on first launch, which needs internet access; ' +
  'or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45).'

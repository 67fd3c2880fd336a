// The handover settings as stored, with the defaults a new workstation starts from; the desk and
// the CLI read them the same way.
import { statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { Settings } from '#shared/domain.ts'
import { DEFAULT_PROTECTIVE_MARKING } from '#shared/handover.ts'
import type { DeskQueries } from '../db/deskQueries.ts'

export type HandoverSettings = Pick<
  Settings,
  'serviceName' | 'forceName' | 'protectiveMarking' | 'exportDir'
>

/** Where exports go until the worker picks a folder: inside the data folder, made when needed. */
export const defaultExportDir = (dataDir: string) => join(dataDir, 'exports')

export function handoverSettings(desk: DeskQueries, dataDir: string): HandoverSettings {
  return {
    serviceName: (desk.setting('serviceName') as string | undefined) ?? '',
    forceName: (desk.setting('forceName') as string | undefined) ?? '',
    protectiveMarking:
      (desk.setting('protectiveMarking') as string | undefined) ?? DEFAULT_PROTECTIVE_MARKING,
    exportDir: (desk.setting('exportDir') as string | undefined) ?? defaultExportDir(dataDir),
  }
}

/** Why a folder cannot be the export folder, or null when it can. */
export function exportDirProblem(dir: string): string | null {
  if (!isAbsolute(dir)) {
    return 'The export folder must be a full path, such as C:\\Handovers or /srv/handovers.'
  }
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a folder.`
  } catch {
    return `There is no folder ${dir}: create it first, or choose another.`
  }
  return null
}

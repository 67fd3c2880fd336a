// The daily backup: at start-up when the newest backup is a day old or more (or there is none),
// then checked every hour while the desk runs, so a desk left open for days still gets one a day.
import { backupsDir, listBackupFiles } from './backupFolder.ts'
import { backupOptions } from './handlers.ts'
import type { BackupHost } from './handlers.ts'
import { backUpAfter } from './makeBackup.ts'

const DAY_MS = 24 * 60 * 60_000
const CHECK_EVERY_MS = 60 * 60_000

export interface DailyBackups {
  /** Resolves once a backup being made now is done (before the database is closed). */
  settle(): Promise<void>
  /** Stops the checks, once a backup being made now is done. */
  stop(): Promise<void>
}

/** Starts the daily backups. */
export function startDailyBackups(host: BackupHost): DailyBackups {
  let making: Promise<void> | null = null
  const backUpIfDue = () => {
    const open = host.open()
    if (!open || making) return
    const newest = listBackupFiles(backupsDir(host.dataDir))[0]
    if (newest && host.now() - Date.parse(newest.madeAt) < DAY_MS) return
    making = backUpAfter({ ...backupOptions(open, host.key), reason: 'daily' }).then((outcome) => {
      // Audited as backup.failed; the next check tries again.
      if ('failed' in outcome) console.error(`DA Desk: the daily backup failed: ${outcome.failed}`)
      making = null
    })
  }
  backUpIfDue()
  const timer = setInterval(backUpIfDue, CHECK_EVERY_MS)
  timer.unref()
  const settle = async () => {
    await making
  }
  return {
    settle,
    stop: async () => {
      clearInterval(timer)
      await settle()
    },
  }
}

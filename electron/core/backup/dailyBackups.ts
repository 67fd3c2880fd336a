// The daily backup: at start-up when the newest backup is a day old or more (or there is none),
// then checked every hour while the desk runs, so a desk left open for days still gets one a day.
import { backupsDir, listBackupFiles } from './backupFolder.ts'
import { backupOptions } from './handlers.ts'
import type { BackupHost } from './handlers.ts'
import { backUpAfter } from './makeBackup.ts'

const DAY_MS = 24 * 60 * 60_000
const CHECK_EVERY_MS = 60 * 60_000

/** Starts the daily backups; returns the function that stops them. */
export function startDailyBackups(host: BackupHost): () => void {
  const backUpIfDue = () => {
    const open = host.open()
    if (!open) return
    const newest = listBackupFiles(backupsDir(host.dataDir))[0]
    if (newest && host.now() - Date.parse(newest.madeAt) < DAY_MS) return
    const outcome = backUpAfter({ ...backupOptions(open, host.key), reason: 'daily' })
    // Audited as backup.failed; the next check tries again.
    if ('failed' in outcome) console.error(`DA Desk: the daily backup failed: ${outcome.failed}`)
  }
  backUpIfDue()
  const timer = setInterval(backUpIfDue, CHECK_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}

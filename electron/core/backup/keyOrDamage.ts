// SQLCipher cannot tell a wrong key from a damaged first page: both fail the page's HMAC. At
// start-up DA Desk would then say the key is wrong, and a worker with a damaged database would be
// left with nothing to do. The backups settle it: they are encrypted with the same key, so when
// one opens with it, the key is right and the database is damaged, and the recovery screen can
// offer that backup.
import { checkDatabaseFile } from '../db/backupCopy.ts'
import { DamagedDatabaseError } from '../db/openDatabase.ts'
import { backupsDir, listBackupFiles } from './backupFolder.ts'

/** How many of the newest backups to try before deciding the key is the wrong one. */
const TRIED = 3

/** The database as damaged when the key opens one of its backups; null when none opens. */
export function damagedFirstPage(
  file: string,
  key: Buffer,
  dataDir: string,
): DamagedDatabaseError | null {
  const opened = listBackupFiles(backupsDir(dataDir))
    .slice(0, TRIED)
    .find((backup) => checkDatabaseFile(backup.path, key, 'quick_check').good)
  if (!opened) return null
  return new DamagedDatabaseError(
    file,
    `its first page cannot be read with the database key, which does open the backup ` +
      `${opened.file}, so the file is damaged`,
  )
}

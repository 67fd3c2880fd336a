// Making one backup: an encrypted copy written to a temporary name in the backups folder, synced,
// checked (it opens with the key and integrity_check says ok), renamed into place (atomic, so
// the folder never holds half a backup under a backup's name), then the rotation and the audit
// entry. A failure is audited and said in words; it never leaves a partial file behind.
import { createHash } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Backup, BackupReason, HandoverBackup } from '#shared/backup.ts'
import { checkDatabaseFile, copyDatabaseInto, sqliteCode } from '../db/backupCopy.ts'
import type { Db } from '../db/openDatabase.ts'
import { backupFileName, listBackupFiles, parseBackupName, rotateBackups } from './backupFolder.ts'

export interface BackupOptions {
  db: Db
  key: Buffer
  /** The backups folder (made when it is not there). */
  dir: string
  now: number
  reason: BackupReason
  /** How many backups to keep; null for a folder that is not rotated (the CLI's --out). */
  keep: number | null
  /** Backups the rotation must not delete (the one about to be restored). */
  spare?: readonly string[]
  audit: (action: 'backup.made' | 'backup.failed', detail: Record<string, unknown>) => void
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function sha256File(path: string): string {
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(1 << 20)
  const fd = openSync(path, 'r')
  try {
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      hash.update(chunk.subarray(0, n))
    }
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** A file-system or SQLite failure in words a worker (or IT) can act on. */
function whyItFailed(error: unknown, dir: string): string {
  switch (sqliteCode(error)) {
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return `the disk holding ${dir} is full`
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `DA Desk may not write to ${dir}`
    case 'ENOTDIR':
    case 'EEXIST':
      return `${dir} is not a folder`
    case 'SQLITE_CANTOPEN':
      return `DA Desk could not create a file in ${dir}`
    default:
      return (error as Error).message
  }
}

/** Makes a backup or throws; the error's message says why in words. */
export function makeBackup(options: BackupOptions): Backup {
  const { dir, reason } = options
  let temporary: string | null = null
  try {
    mkdirSync(dir, { recursive: true })
    const file = backupFileName(
      options.now,
      reason,
      new Set(listBackupFiles(dir).map((b) => b.file)),
    )
    // A dot-file with another ending: never listed as a backup, whatever happens to it.
    temporary = join(dir, `.${file}.partial`)
    rmSync(temporary, { force: true })
    copyDatabaseInto(options.db, temporary)
    fsyncPath(temporary)
    const check = checkDatabaseFile(temporary, options.key)
    if (!check.good) throw new Error(`the copy did not check out: ${check.problem}`)
    const path = join(dir, file)
    renameSync(temporary, path)
    temporary = null
    // Windows cannot open a folder to sync it; its rename is durable once it returns.
    if (process.platform !== 'win32') fsyncPath(dir)
    const sha256 = sha256File(path)
    const listed = listBackupFiles(dir).find((b) => b.file === file)!
    const deleted =
      options.keep === null
        ? []
        : rotateBackups(dir, options.keep, [file, ...(options.spare ?? [])])
    options.audit('backup.made', { file, reason, sha256, bytes: listed.bytes, deleted })
    return {
      file,
      madeAt: parseBackupName(file)!.madeAt,
      reason,
      bytes: listed.bytes,
      good: true,
      problem: null,
    }
  } catch (error) {
    try {
      if (temporary) rmSync(temporary, { force: true })
    } catch {
      // The folder itself is the problem (said below); there is nothing in it to remove.
    }
    const why = whyItFailed(error, dir)
    options.audit('backup.failed', { reason, why })
    throw new Error(why, { cause: error })
  }
}

/** A backup that must not stop what it follows (a hand over): what happened, as a value. */
export function backUpAfter(options: BackupOptions): HandoverBackup {
  try {
    return { made: makeBackup(options) }
  } catch (error) {
    return { failed: (error as Error).message }
  }
}

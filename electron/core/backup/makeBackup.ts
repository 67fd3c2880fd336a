// Making one backup: an encrypted copy written to a temporary name in the backups folder, synced,
// checked (it opens with the key and integrity_check says ok) and hashed on a worker thread
// (backupWorker.ts), renamed into place (atomic, so the folder never holds half a backup under a
// backup's name), then the rotation and the audit entry. A failure is audited and said in words;
// it never leaves a partial file behind.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Backup, BackupReason, HandoverBackup } from '#shared/backup.ts'
import { sqliteCode } from '../db/backupCopy.ts'
import { backupFileName, listBackupFiles, parseBackupName, rotateBackups } from './backupFolder.ts'
import type { BackupWork, BackupWorkAnswer } from './backupWorker.ts'

export interface BackupOptions {
  /** The database file to back up (it may be open: the copy is read on its own connection). */
  database: string
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

let workerUrl: URL | undefined

/**
 * backupWorker.js beside the Electron main bundle (in a packaged app, its copy unpacked from
 * app.asar), or backupWorker.ts beside this source file.
 */
function findWorker(): URL {
  const built = new URL('./backupWorker.js', import.meta.url)
  const source = new URL('./backupWorker.ts', import.meta.url)
  const unpacked = new URL(built.href.replace('/app.asar/', '/app.asar.unpacked/'))
  workerUrl ??= [unpacked, built, source].find((url) => existsSync(fileURLToPath(url))) ?? source
  return workerUrl
}

class CopyError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/** The copy, its check and its hash, on a worker thread; rejects with what went wrong. */
function copyOffThread(work: BackupWork): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(findWorker(), { workerData: work })
    worker.once('message', (answer: BackupWorkAnswer) => {
      if (answer.ok) resolve(answer.sha256)
      else reject(new CopyError(answer.code, answer.message))
    })
    worker.once('error', reject)
    // After an answer this changes nothing; without one, it is the failure.
    worker.once('exit', (code) => reject(new Error(`the copy stopped (exit code ${code})`)))
  })
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
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

/** Makes a backup or rejects; the error's message says why in words. */
export async function makeBackup(options: BackupOptions): Promise<Backup> {
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
    const sha256 = await copyOffThread({
      database: options.database,
      key: options.key,
      target: temporary,
    })
    const path = join(dir, file)
    renameSync(temporary, path)
    temporary = null
    // Windows cannot open a folder to sync it; its rename is durable once it returns.
    if (process.platform !== 'win32') fsyncPath(dir)
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
export async function backUpAfter(options: BackupOptions): Promise<HandoverBackup> {
  try {
    return { made: await makeBackup(options) }
  } catch (error) {
    return { failed: (error as Error).message }
  }
}

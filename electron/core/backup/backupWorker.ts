// The worker-thread side of makeBackup.ts: the copy of a big database takes seconds (a year of
// work, 116 MB: about 4 s of CPU for the copy and its check), which would stop the thread that
// serves the app. Here, on its own connection (WAL lets it read while the app writes), it writes
// the encrypted copy, syncs it, checks it with the key and hashes it, and answers once.
// Node runs it as backupWorker.ts; the Electron main build emits backupWorker.js.
import { createHash } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3-multiple-ciphers'
import { checkDatabaseFile, copyDatabaseInto, sqliteCode } from '../db/backupCopy.ts'
import { applyKey } from '../db/encryption.ts'

export interface BackupWork {
  /** The database to copy. */
  database: string
  key: Uint8Array
  /** The new file to write. */
  target: string
}

export type BackupWorkAnswer =
  { ok: true; sha256: string } | { ok: false; code: string; message: string }

function syncAndHash(path: string): string {
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(1 << 20)
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      hash.update(chunk.subarray(0, n))
    }
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

function copy({ database, key, target }: BackupWork): BackupWorkAnswer {
  const keyBytes = Buffer.from(key)
  try {
    const db = new Database(database, { fileMustExist: true })
    try {
      applyKey(db, keyBytes)
      // As on the app's own connection: SQLite's temporary files would not be encrypted.
      db.pragma('temp_store = MEMORY')
      copyDatabaseInto(db, target)
    } finally {
      db.close()
    }
    const sha256 = syncAndHash(target)
    const check = checkDatabaseFile(target, keyBytes)
    if (!check.good) {
      return { ok: false, code: 'check', message: `the copy did not check out: ${check.problem}` }
    }
    return { ok: true, sha256 }
  } catch (error) {
    return { ok: false, code: sqliteCode(error), message: (error as Error).message }
  }
}

parentPort?.postMessage(copy(workerData as BackupWork))

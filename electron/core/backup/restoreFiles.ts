// The file moves of a restore, with the database closed: the database (and its -wal and -shm)
// moved aside under a new name, never deleted or overwritten, and the backup copied in under a
// temporary name, synced and renamed into place, so a crash leaves either no database file (the
// one set aside is still there, named) or a whole one.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { fileStamp } from './backupFolder.ts'

const SIDE_FILES = ['', '-wal', '-shm'] as const

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Moves the database aside as `<file>.replaced-<time>` (or `.damaged-<time>`), with its -wal and
 * -shm beside it under the same new name, so SQLite can still open it; returns the new name.
 */
export function setDatabaseAside(file: string, label: 'replaced' | 'damaged', ms: number): string {
  let aside = `${file}.${label}-${fileStamp(ms)}`
  for (let n = 2; SIDE_FILES.some((s) => existsSync(aside + s)); n++) {
    aside = `${file}.${label}-${fileStamp(ms)}-${n}`
  }
  for (const side of SIDE_FILES) {
    if (existsSync(file + side)) renameSync(file + side, aside + side)
  }
  return aside
}

/** Puts a database set aside back where it was (when the restored one would not open). */
export function putDatabaseBack(aside: string, file: string): void {
  for (const side of SIDE_FILES) {
    rmSync(file + side, { force: true })
    if (existsSync(aside + side)) renameSync(aside + side, file + side)
  }
}

/** Copies the backup in as the database (no database file may be there). */
export function copyBackupIn(backup: string, file: string): void {
  const temporary = `${file}.restoring`
  rmSync(temporary, { force: true })
  copyFileSync(backup, temporary)
  fsyncPath(temporary)
  renameSync(temporary, file)
  if (process.platform !== 'win32') fsyncPath(dirname(file))
}

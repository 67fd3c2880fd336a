// The backups folder: where it is, the names its files carry (the UTC time and the reason), what
// is in it, and the rotation that keeps the newest N. Only files named like a backup are ever
// listed, restored or deleted; anything else an administrator puts there is left alone.
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { BACKUP_FILE_NAME } from '#shared/backup.ts'
import type { Backup, BackupReason } from '#shared/backup.ts'
import type { DatabaseCheck } from '../db/backupCopy.ts'

export const BACKUPS_FOLDER = 'backups'

export const backupsDir = (dataDir: string) => join(dataDir, BACKUPS_FOLDER)

/** 2026-11-27T21:00:00.123Z → 2026-11-27T210000Z: sorts in time order, valid on every system. */
export function fileStamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '')
}

/** The name for a backup made at `ms`, the -N suffix only when one of that second exists. */
export function backupFileName(ms: number, reason: BackupReason, taken: Set<string>): string {
  const base = `da-desk-${fileStamp(ms)}-${reason}`
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`
    if (!taken.has(name)) return name
  }
}

export interface BackupFile {
  file: string
  path: string
  madeAt: string
  reason: BackupReason
  bytes: number
  mtimeMs: number
}

/** What a backup's name says about it; null when the name is not a backup's. */
export function parseBackupName(file: string): { madeAt: string; reason: BackupReason } | null {
  const m = BACKUP_FILE_NAME.exec(file)
  if (!m) return null
  const [, y, mo, d, h, mi, s, reason] = m
  const madeAt = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`
  if (Number.isNaN(Date.parse(madeAt))) return null
  return { madeAt, reason: reason as BackupReason }
}

/** The backups in the folder, newest first; none when the folder is not there yet. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const found = names.flatMap((file) => {
    const parsed = parseBackupName(file)
    if (!parsed) return []
    const path = join(dir, file)
    const stat = statSync(path, { throwIfNoEntry: false })
    if (!stat?.isFile()) return []
    return [{ file, path, ...parsed, bytes: stat.size, mtimeMs: stat.mtimeMs }]
  })
  // Same second: -2 after the plain name, -10 after -9.
  const order = (f: BackupFile) => `${f.madeAt} ${f.file.length} ${f.file}`
  return found.sort((a, b) => (order(a) < order(b) ? 1 : -1))
}

/** Deletes all but the newest `keep` backups, never one named in `spare`; returns what went. */
export function rotateBackups(dir: string, keep: number, spare: readonly string[]): string[] {
  const deleted: string[] = []
  const backups = listBackupFiles(dir)
  // The spared ones count towards the number kept.
  let kept = backups.filter((b) => spare.includes(b.file)).length
  for (const backup of backups) {
    if (spare.includes(backup.file)) continue
    if (kept < keep) {
      kept++
      continue
    }
    rmSync(backup.path, { force: true })
    deleted.push(backup.file)
  }
  return deleted
}

/** A backup as the page and the CLI show it, with the result of checking it. */
export function describeBackup(backup: BackupFile, check: DatabaseCheck): Backup {
  return {
    file: backup.file,
    madeAt: backup.madeAt,
    reason: backup.reason,
    bytes: backup.bytes,
    good: check.good,
    problem: check.good ? null : check.problem,
  }
}

// Backups as both sides see them: why one was made, its file name (which carries the UTC time and
// the reason, so the list needs no database), what a restore did, and whether the desk could
// open its database at start-up or found it damaged.

export const BACKUP_REASONS = ['handover', 'daily', 'manual', 'before-restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  handover: 'Shift hand over',
  daily: 'Daily',
  manual: 'Backed up by hand',
  'before-restore': 'Before a restore',
}

/** How many backups are kept unless Settings says otherwise, and the range Settings allows. */
export const BACKUPS_KEPT_DEFAULT = 14
export const BACKUPS_KEPT_MIN = 1
export const BACKUPS_KEPT_MAX = 100

/**
 * A backup's file name: da-desk-2026-11-27T210000Z-handover.sqlite, with -2, -3, ... when two
 * are made in the same second. A request names a backup only by such a name, never by a path.
 */
export const BACKUP_FILE_NAME =
  /^da-desk-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z-(handover|daily|manual|before-restore)(?:-(\d{1,3}))?\.sqlite$/

export interface Backup {
  file: string
  /** When it was made, ISO 8601 UTC (from its name). */
  madeAt: string
  reason: BackupReason
  bytes: number
  /** Whether it opens with the database key and SQLite finds it intact. */
  good: boolean
  /** Why it is not good, in words; null when it is. */
  problem: string | null
}

export interface BackupList {
  /** The folder the backups are in. */
  folder: string
  /** Newest first. */
  backups: Backup[]
}

/** What a hand over says about the backup made after it. */
export type HandoverBackup = { made: Backup } | { failed: string }

export interface RestoreResult {
  restored: Backup
  /** Where the database that was replaced (or found damaged) now is; it is never deleted. */
  setAsideAs: string
  /** What the sign-in screen tells the worker. */
  message: string
}

/**
 * Whether the desk opened its database. Damaged: SQLite could not read it or found it damaged
 * at start-up; the file is left exactly as it was and only the recovery calls answer.
 */
export type DeskStatus =
  | { state: 'ready' }
  | {
      state: 'damaged'
      /** The database file, untouched. */
      file: string
      /** What SQLite reported, in plain words. */
      problem: string
    }

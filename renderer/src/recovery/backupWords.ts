// How a backup is named on screen: when it was made (dd/MM/yyyy HH:mm, London), why, and its size.
import { BACKUP_REASON_LABELS } from '#shared/backup.ts'
import type { Backup } from '#shared/backup.ts'
import { formatDateTime } from '#shared/time.ts'

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
}

/** "21/11/2026 18:00 · Shift hand over · 1.2 MB" */
export function backupLine(backup: Backup): string {
  return [
    formatDateTime(backup.madeAt),
    BACKUP_REASON_LABELS[backup.reason],
    formatBytes(backup.bytes),
  ].join(' · ')
}

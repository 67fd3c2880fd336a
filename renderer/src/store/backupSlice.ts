// Backups and recovery: whether the database opened at start-up (or was found damaged, when the
// page shows the recovery screen instead of sign-in), the backups folder's list, backing up now,
// how many to keep, and restoring one, after which the page returns to sign-in with what the
// restore did.
import type { BackupList, DeskStatus } from '#shared/backup.ts'
import { call } from '../api.ts'
import type { DeskSlice } from './deskState.ts'
import { request } from './request.ts'

export interface BackupSlice {
  /** Null until the Node side has said whether the database opened. */
  deskStatus: DeskStatus | null
  backups: BackupList | null
  /** What the last restore did, shown over the sign-in screen until dismissed or signed in. */
  restoreMessage: string | null
  /** Resolves to false when the database was found damaged (the recovery screen shows). */
  checkDeskStatus(): Promise<boolean>
  loadBackups(): Promise<void>
  /** Resolves to the problem when no backup was made, for the section to show. */
  makeBackup(): Promise<string | null>
  /** Resolves to the reason when it was refused, for the form to show. */
  saveBackupsKept(backupsKept: number): Promise<string | null>
  /** Resolves to the problem when nothing was restored, for the dialog to show. */
  restoreBackup(file: string): Promise<string | null>
  dismissRestoreMessage(): void
}

export const createBackupSlice: DeskSlice<BackupSlice> = (set, get) => ({
  deskStatus: null,
  backups: null,
  restoreMessage: null,
  checkDeskStatus: async () => {
    const status = await request(get, 'Could not reach DA Desk’s database', 'desk.status', {})
    set({ deskStatus: status ?? null })
    if (status?.state === 'damaged') await get().loadBackups()
    return status?.state !== 'damaged'
  },
  loadBackups: async () => {
    const backups = await request(get, 'Could not list the backups', 'backups.list', {})
    if (backups) set({ backups })
  },
  makeBackup: async () => {
    const result = await call('backups.make', {})
    if (!result.ok) return result.error.message
    get().tell('Backup made.', 'success')
    await get().loadBackups()
    return null
  },
  saveBackupsKept: async (backupsKept) => {
    const result = await call('settings.update', { backupsKept })
    if (!result.ok) return result.error.message
    set({ settings: result.value })
    get().tell(`DA Desk now keeps the newest ${backupsKept} backups.`, 'success')
    return null
  },
  restoreBackup: async (file) => {
    const result = await call('backups.restore', { file })
    if (!result.ok) {
      // A restore that failed may still have signed the worker out: find out where things are.
      if (get().session) await get().checkSession()
      return result.error.message
    }
    set({ deskStatus: { state: 'ready' }, backups: null, restoreMessage: result.value.message })
    get().endSession()
    await get().loadSettings()
    return null
  },
  dismissRestoreMessage: () => set({ restoreMessage: null }),
})

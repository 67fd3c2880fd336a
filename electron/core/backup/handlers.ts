// The backup calls and desk.status. They answer in both of the desk's states: open (a worker
// must be signed in) and damaged (the recovery screen, before anyone can sign in, may list the
// backups and restore one). A restore names a backup by its file name only; the file must be
// one listed in the backups folder, and must check out before anything is moved.
import type { Backup, DeskStatus } from '#shared/backup.ts'
import { formatDateTime, toIsoUtc } from '#shared/time.ts'
import type { Result } from '#shared/contract.ts'
import type { Handlers } from '../api/dispatch.ts'
import { fail, ok } from '../api/result.ts'
import { checkDatabaseFile } from '../db/backupCopy.ts'
import type { DatabaseCheck } from '../db/backupCopy.ts'
import { deskQueries } from '../db/deskQueries.ts'
import { actorOf } from '../deskContext.ts'
import type { DeskContext } from '../deskContext.ts'
import { databaseFile } from '../paths.ts'
import { backupsDir, describeBackup, listBackupFiles } from './backupFolder.ts'
import type { BackupFile } from './backupFolder.ts'
import { makeBackup } from './makeBackup.ts'
import { copyBackupIn, putDatabaseBack, setDatabaseAside } from './restoreFiles.ts'

export type BackupCall = 'desk.status' | 'backups.list' | 'backups.make' | 'backups.restore'

/** What the backup calls need of the desk around them. */
export interface BackupHost {
  readonly dataDir: string
  readonly key: Buffer
  readonly now: () => number
  /** The open database's context, or null while the database is damaged. */
  open(): DeskContext | null
  status(): DeskStatus
  /**
   * Closes the database, runs `swap` on its files and opens it again; when the new file will not
   * open, runs `undo` and opens what was there before. Resolves to the problem, or null.
   */
  reopen(swap: () => void, undo: () => void): Promise<string | null>
}

/** Options for backups the open desk makes (hand over, daily, from Settings). */
export function backupOptions(context: DeskContext, key: Buffer) {
  return {
    database: databaseFile(context.dataDir),
    key,
    dir: backupsDir(context.dataDir),
    now: context.now(),
    keep: context.settings().backupsKept,
    audit: (action: string, detail: Record<string, unknown>) => context.audit(action, null, detail),
  }
}

export function backupHandlers(host: BackupHost): Pick<Handlers, BackupCall> {
  const dir = backupsDir(host.dataDir)
  // A backup never changes once renamed into place, so its check holds while its size and time do.
  const checked = new Map<string, { stamp: string; check: DatabaseCheck }>()

  function describe(backup: BackupFile): Backup {
    const stamp = `${backup.bytes} ${backup.mtimeMs}`
    let known = checked.get(backup.file)
    if (known?.stamp !== stamp) {
      known = { stamp, check: checkDatabaseFile(backup.path, host.key) }
      checked.set(backup.file, known)
    }
    return describeBackup(backup, known.check)
  }

  /** Signed in while the database is open; anyone (the recovery screen) while it is damaged. */
  function allowed(): Result<null> {
    const open = host.open()
    if (open && !open.worker()) return fail('not-signed-in', 'Sign in to start your shift first.')
    return ok(null)
  }

  return {
    'desk.status': () => ok(host.status()),
    'backups.list': () => {
      const may = allowed()
      if (!may.ok) return may
      return ok({ folder: dir, backups: listBackupFiles(dir).map(describe) })
    },
    'backups.make': async () => {
      const open = host.open()
      if (!open) return fail('database-damaged', 'The database is damaged: it cannot be backed up.')
      if (!open.worker()) return fail('not-signed-in', 'Sign in to start your shift first.')
      try {
        return ok(await makeBackup({ ...backupOptions(open, host.key), reason: 'manual' }))
      } catch (error) {
        return fail('io', `The backup was not made: ${(error as Error).message}.`)
      }
    },
    'backups.restore': async ({ file }) => {
      const may = allowed()
      if (!may.ok) return may
      const found = listBackupFiles(dir).find((b) => b.file === file)
      if (!found) return fail('not-found', `There is no backup named ${file} in ${dir}.`)
      const check = checkDatabaseFile(found.path, host.key)
      if (!check.good) {
        return fail(
          'bad-request',
          `That backup cannot be restored: ${check.problem}. Nothing was changed.`,
        )
      }
      const backup = describe(found)
      const open = host.open()
      const at = host.now()
      let actor = 'system (recovery screen)'
      if (open) {
        actor = actorOf(open.worker()!)
        // What is there now, in the same list, so the restore can itself be undone from Settings.
        try {
          await makeBackup({
            ...backupOptions(open, host.key),
            reason: 'before-restore',
            spare: [file],
          })
        } catch (error) {
          return fail(
            'io',
            `Nothing was restored: DA Desk could not first back up the database as it is now ` +
              `(${(error as Error).message}).`,
          )
        }
        open.signOut()
      }
      const dbFile = databaseFile(host.dataDir)
      let aside = ''
      const problem = await host.reopen(
        () => {
          aside = setDatabaseAside(dbFile, open ? 'replaced' : 'damaged', at)
          copyBackupIn(found.path, dbFile)
        },
        () => putDatabaseBack(aside, dbFile),
      )
      if (problem) {
        return fail('io', `The backup was not restored: ${problem} The database is as it was.`)
      }
      const restored = host.open()!
      deskQueries(restored.db).audit({
        at: toIsoUtc(at),
        sessionId: null,
        actor,
        action: 'backup.restored',
        incidentId: null,
        detail: { file, madeAt: backup.madeAt, reason: backup.reason, setAsideAs: aside },
      })
      const kept = open ? 'the replaced database was kept as' : 'the damaged database was kept as'
      return ok({
        restored: backup,
        setAsideAs: aside,
        message:
          `Restored the backup from ${formatDateTime(backup.madeAt)}. Work recorded after it is ` +
          `not in this database; ${kept} ${aside}.`,
      })
    },
  }
}

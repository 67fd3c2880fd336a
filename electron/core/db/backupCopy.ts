// The SQL of backups: the encrypted copy of a live database, and the check that a database file
// opens with the key and is intact.
//
// Why VACUUM INTO and not better-sqlite3's db.backup(): with SQLite3MultipleCiphers the online
// backup API refuses to copy an encrypted database to a target without the same cipher ("backup
// is not supported with incompatible source and target databases"), while VACUUM INTO writes the
// target with the source connection's cipher and key (checked: the copy does not open without the
// key and holds no plain text). It is one consistent read transaction, so the app can go on
// writing meanwhile (WAL), and the copy is compact and in rollback-journal mode: one file.
import Database from 'better-sqlite3-multiple-ciphers'
import { applyKey, isPlainDatabase } from './encryption.ts'
import type { Db } from './openDatabase.ts'

/** Writes an encrypted, consistent copy of the open database to `target` (a new file). */
export function copyDatabaseInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO :target').run({ target })
}

export type DatabaseCheck = { good: true } | { good: false; problem: string }

/**
 * Opens the file read-only with the key and runs integrity_check (or the faster quick_check,
 * which skips matching indexes to their tables). Never writes to the file.
 */
export function checkDatabaseFile(
  file: string,
  key: Buffer,
  thoroughness: 'integrity_check' | 'quick_check' = 'integrity_check',
): DatabaseCheck {
  if (isPlainDatabase(file)) return { good: false, problem: 'it is not encrypted' }
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    return { good: false, problem: `it cannot be opened (${sqliteCode(error)})` }
  }
  try {
    applyKey(db, key)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    const found = db.pragma(`${thoroughness}(3)`, { simple: false }) as Record<string, string>[]
    const lines = found.map((row) => Object.values(row)[0]!)
    if (lines.length === 1 && lines[0] === 'ok') return { good: true }
    return { good: false, problem: `SQLite found it damaged: ${lines.join('; ')}` }
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') {
      return {
        good: false,
        problem: 'the database key does not open it (another key, or its first page is damaged)',
      }
    }
    return { good: false, problem: `SQLite could not read it: ${(error as Error).message}` }
  } finally {
    db.close()
  }
}

export function sqliteCode(error: unknown): string {
  return (error as { code?: unknown }).code?.toString() ?? 'error'
}

/**
 * Whether another connection (DA Desk, or anything else) has the database open: it holds a lock
 * that stops this one taking SQLite's exclusive lock, even while it is idle. Any other failure
 * (a damaged file) is not a sign of use.
 */
export function databaseInUse(file: string, key: Buffer): boolean {
  const db = new Database(file, { fileMustExist: true })
  try {
    applyKey(db, key)
    db.pragma('busy_timeout = 0')
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return false
  } catch (error) {
    return ['SQLITE_BUSY', 'SQLITE_LOCKED'].includes(sqliteCode(error))
  } finally {
    db.close()
  }
}

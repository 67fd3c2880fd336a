// The one place the database is opened: the key before anything else (a plain database from
// before encryption is encrypted first), pragmas for durability, the audit chain's hash, then
// the migrations.
import Database from 'better-sqlite3-multiple-ciphers'
import { auditEntryHash } from '../audit/auditHash.ts'
import {
  applyKey,
  DatabaseKeyError,
  encryptInPlace,
  isPlainDatabase,
  requireKeyLength,
} from './encryption.ts'
import { migrations as allMigrations } from './migrations/index.ts'

export type Db = Database.Database

export class NewerDatabaseError extends Error {}

export function openDatabase(
  file: string,
  key: Buffer,
  migrations: readonly string[] = allMigrations,
): Db {
  requireKeyLength(key)
  if (isPlainDatabase(file)) encryptInPlace(file, key)
  const db = new Database(file)
  try {
    applyKey(db, key)
    checkKey(db, file)
    // Sorts and temporary indexes stay in memory: SQLite's temporary files are not encrypted.
    db.pragma('temp_store = MEMORY')
    // Deleted and overwritten content is zeroed in the file, so text a retention purge removed
    // is not left in free pages.
    db.pragma('secure_delete = ON')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Every page read from the file is decrypted: a 64 MiB cache (SQLite's default is 2 MiB) keeps
    // a year's figures and the queue in decrypted pages after their first read.
    db.pragma('cache_size = -65536')
    registerAuditHash(db)
    migrate(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** The first read fails when the key is wrong; nothing has been written by then. */
function checkKey(db: Db, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error
    throw new DatabaseKeyError(
      `The database key does not match the database ${file} (or the file is not a DA Desk ` +
        'database). Use the key this database was encrypted with; nothing was changed.',
    )
  }
}

/** audit_entry_hash(prev_hash, id, at, session_id, actor, action, incident_id, detail) in SQL. */
function registerAuditHash(db: Db): void {
  db.function(
    'audit_entry_hash',
    { deterministic: true },
    (prevHash, id, at, sessionId, actor, action, incidentId, detail) =>
      auditEntryHash(String(prevHash), {
        id: Number(id),
        at: String(at),
        sessionId: sessionId === null ? null : Number(sessionId),
        actor: String(actor),
        action: String(action),
        incidentId: incidentId === null ? null : Number(incidentId),
        detail: String(detail),
      }),
  )
}

function migrate(db: Db, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new NewerDatabaseError(
      `This database was written by a newer version of DA Desk (schema ${current}; this version ` +
        `knows up to ${migrations.length}). Use the newer version; nothing was changed.`,
    )
  }
  migrations.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${current + i + 1}`)
    }).immediate()
  })
}

// The one place the database is opened: the key before anything else (a plain database from
// before encryption is encrypted first), a read-only check that SQLite finds it intact, pragmas
// for durability, the audit chain's hash, then the migrations.
import { existsSync } from 'node:fs'
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

/** SQLite cannot read the database or finds it damaged; nothing was written to it. */
export class DamagedDatabaseError extends Error {
  readonly file: string
  /** What SQLite reported, in plain words. */
  readonly problem: string
  constructor(file: string, problem: string) {
    super(`The database ${file} is damaged: ${problem}. It was left as it was.`)
    this.file = file
    this.problem = problem
  }
}

export function openDatabase(
  file: string,
  key: Buffer,
  migrations: readonly string[] = allMigrations,
): Db {
  requireKeyLength(key)
  if (isPlainDatabase(file)) encryptInPlace(file, key)
  if (existsSync(file)) checkIntact(file, key)
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

/**
 * quick_check before anything else touches the file, on a read-only connection (which never
 * writes to the file, nor folds a WAL into it when it closes), so a damaged database is found
 * before a migration or a pragma could write to it. quick_check reads every page (each page's
 * HMAC is checked as it is decrypted) and checks each b-tree, but not that indexes match their
 * tables; docs/security.md has its time on a large database.
 */
function checkIntact(file: string, key: Buffer): void {
  const db = new Database(file, { readonly: true })
  try {
    applyKey(db, key)
    checkKey(db, file)
    const found = db.pragma('quick_check(10)') as Record<string, string>[]
    const lines = found.map((row) => Object.values(row)[0]!)
    if (lines.length !== 1 || lines[0] !== 'ok') throw new DamagedDatabaseError(file, damage(lines))
  } catch (error) {
    if (error instanceof DatabaseKeyError || error instanceof DamagedDatabaseError) throw error
    // Any other failure to read it with the right key: SQLITE_CORRUPT, an I/O error, ...
    const code = (error as { code?: unknown }).code
    throw new DamagedDatabaseError(
      file,
      `SQLite could not read it (${String(code ?? 'error')}: ${(error as Error).message})`,
    )
  } finally {
    db.close()
  }
}

/** quick_check's findings, shorter: "*** in database main ***" and the b-tree numbers dropped. */
function damage(lines: string[]): string {
  // One row can hold several findings, a line each.
  const findings = lines.flatMap((row) => row.split('\n')).filter((line) => !line.startsWith('***'))
  const pages = findings.map(
    (line) => /^Tree \d+ page (\d+): unable to get the page/.exec(line)?.[1],
  )
  if (pages.every((page) => page !== undefined)) {
    return `SQLite's quick_check could not read page${pages.length > 1 ? 's' : ''} ${pages.join(', ')} of it`
  }
  return `SQLite's quick_check found: ${findings.join('; ')}`
}

/**
 * The first read fails when the key is wrong; nothing has been written by then. A database whose
 * first page is damaged fails the same way: SQLCipher cannot tell the two apart.
 */
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

// The one place the database is opened: pragmas for durability, then the migrations.
import Database from 'better-sqlite3-multiple-ciphers'
import { migrations as allMigrations } from './migrations/index.ts'

export type Db = Database.Database

export class NewerDatabaseError extends Error {}

export function openDatabase(file: string, migrations: readonly string[] = allMigrations): Db {
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
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

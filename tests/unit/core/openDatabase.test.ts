import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { tempDir } from '../../support/tempDir.ts'
import { rawDatabase, TEST_KEY } from '../../support/databaseKey.ts'

describe('the database', () => {
  it('is created at the latest schema version with WAL, full sync and foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'desk.sqlite'), TEST_KEY)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('refuses a wrong type in a column because its tables are STRICT', () => {
    const db = openDatabase(join(tempDir(), 'desk.sqlite'), TEST_KEY)
    const insert = db.prepare(
      `INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary, flags,
         extra, origin, created_at)
       VALUES ('CL-1', 't', 't', :grade, 'open', 's', '[]', '{}', 'feed', 't')`,
    )
    expect(() => insert.run({ grade: 'urgent' })).toThrow(
      /cannot store TEXT value in INTEGER column/,
    )
    db.close()
  })

  it('reopens an existing database without migrating it again or losing data', () => {
    const file = join(tempDir(), 'desk.sqlite')
    const first = openDatabase(file, TEST_KEY)
    first.prepare(`INSERT INTO settings (key, value) VALUES ('theme', '"light"')`).run()
    first.close()
    const again = openDatabase(file, TEST_KEY)
    expect(again.prepare(`SELECT value FROM settings`).get()).toEqual({ value: '"light"' })
    again.close()
  })

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = join(tempDir(), 'desk.sqlite')
    const newer = rawDatabase(file)
    newer.pragma(`user_version = ${migrations.length + 5}`)
    newer.close()
    expect(() => openDatabase(file, TEST_KEY)).toThrow(/newer version of DA Desk/)
    const check = rawDatabase(file)
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 5)
    check.close()
  })

  it('rolls back a migration that fails half-way, leaving the version where it was', () => {
    const file = join(tempDir(), 'desk.sqlite')
    const broken = [...migrations, 'CREATE TABLE half_done (x TEXT) STRICT; THIS IS NOT SQL;']
    expect(() => openDatabase(file, TEST_KEY, broken)).toThrow()
    const db = rawDatabase(file)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get(),
    ).toBeUndefined()
    db.close()
  })
})

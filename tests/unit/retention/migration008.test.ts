// Migration 8 (retention) on a database the previous version wrote: every row comes through
// unchanged, no incident is marked purged, the purge switch is off, the record tables still
// refuse every ordinary change, and the database is opened with secure_delete on.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql as retentionSql } from '../../../electron/core/db/migrations/008_retention.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const BEFORE = migrations.indexOf(retentionSql)
const TABLES = ['incidents', 'contact_attempts', 'notes', 'script_answers', 'escalations']

function previousVersionDatabase(): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE))
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary,
      victim_name, flags, extra, origin, progress, created_at)
    VALUES ('CL-1', '2026-11-21T14:50:00.000Z', '2026-11-21T14:50:00.000Z', 3, 'open',
      'Shouting heard.', 'Riley Test', '[]', '{}', 'feed', 'contacted', '2026-11-21T14:50:01.000Z');
    INSERT INTO sessions (worker_name, organisation, signed_in_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z');
    INSERT INTO contact_attempts (incident_id, at, number, result, note, recorded_by, session_id)
    VALUES (1, '2026-11-21T15:00:00.000Z', '07700 900123', 'spoke-to-victim', 'Safe now.', 'Jo', 1);
    INSERT INTO notes (incident_id, at, author, text, tags, session_id)
    VALUES (1, '2026-11-21T15:01:00.000Z', 'Jo', 'Sister will collect her.', '[]', 1);
    INSERT INTO script_answers (incident_id, script_id, script_version, question_id, value, at,
      recorded_by, session_id)
    VALUES (1, 'safe-contact', '1', 'plan-notes', 'Bag at work.', '2026-11-21T15:02:00.000Z', 'Jo', 1);
    INSERT INTO escalations (incident_id, raised_at, raised_by, session_id, reasons, detail,
      current_grade, recommended_grade)
    VALUES (1, '2026-11-21T15:03:00.000Z', 'Jo', 1, '["weapon"]', 'Knife seen.', 3, 2);
  `)
  db.close()
  return file
}

const rows = (file: string, version: number) => {
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, version))
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
    )
  } finally {
    db.close()
  }
}

describe('migration 8: retention', () => {
  it('keeps every row, marks nothing purged and leaves the purge switch off', () => {
    const file = previousVersionDatabase()
    const before = rows(file, BEFORE)
    const after = rows(file, migrations.length)
    expect(after).toEqual({
      ...before,
      incidents: (before.incidents as object[]).map((r) => ({ ...r, purged_at: null })),
    })
    const db = openDatabase(file, TEST_KEY)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(db.prepare('SELECT count(*) FROM retention_purge').pluck().get()).toBe(0)
    db.close()
  })

  it('still refuses every ordinary change and deletion of a record', () => {
    const file = previousVersionDatabase()
    const db = openDatabase(file, TEST_KEY)
    for (const sql of [
      `UPDATE contact_attempts SET note = 'Removed under the retention policy'`,
      `UPDATE notes SET text = 'Removed under the retention policy'`,
      `UPDATE script_answers SET value = 'no'`,
      `UPDATE escalations SET detail = NULL`,
      `DELETE FROM notes`,
      `DELETE FROM escalations`,
    ]) {
      expect(() => db.exec(sql), sql).toThrow(/append-only/)
    }
    db.close()
  })

  it('lets through only blanking, and only while the purge switch is set', () => {
    const file = previousVersionDatabase()
    const db = openDatabase(file, TEST_KEY)
    db.exec(`INSERT INTO retention_purge (id, started_at) VALUES (1, '2027-12-01T00:00:00.000Z')`)
    db.exec(`UPDATE notes SET text = 'Removed under the retention policy'`)
    expect(() => db.exec(`UPDATE notes SET text = 'Something else'`)).toThrow(/append-only/)
    expect(() => db.exec(`UPDATE notes SET at = '2020-01-01T00:00:00.000Z'`)).toThrow(/append-only/)
    expect(() => db.exec(`INSERT INTO retention_purge (id, started_at) VALUES (2, 'x')`)).toThrow()
    db.exec('DELETE FROM retention_purge')
    expect(db.prepare('SELECT text FROM notes').pluck().get()).toBe(
      'Removed under the retention policy',
    )
    db.close()
  })

  it('opens the database with secure_delete on, so freed content is overwritten', () => {
    const db = openDatabase(previousVersionDatabase(), TEST_KEY)
    expect(db.pragma('secure_delete', { simple: true })).toBe(1)
    db.close()
  })
})

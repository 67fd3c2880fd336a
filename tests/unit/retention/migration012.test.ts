// Migration 12 (the retention purge's path for the records of migrations 9–11) on a database the
// previous version wrote: every row comes through unchanged, and with the purge switch off the
// tables still refuse every change.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql as newerRecordsSql } from '../../../electron/core/db/migrations/012_retention_newer_records.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const BEFORE = migrations.indexOf(newerRecordsSql)
const TABLES = [
  'repeat_dismissals',
  'clares_law_applications',
  'clares_law_status_changes',
  'follow_ups',
  'follow_up_closures',
  'follow_up_calls',
  'follow_up_answers',
]

function previousVersionDatabase(): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE))
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary, flags,
      extra, origin, progress, created_at)
    VALUES ('CL-1', '2026-11-21T14:50:00.000Z', '2026-11-21T14:50:00.000Z', 3, 'open', 'x', '[]',
        '{}', 'feed', 'contacted', '2026-11-21T14:50:01.000Z'),
      ('CL-2', '2026-11-21T15:50:00.000Z', '2026-11-21T15:50:00.000Z', 3, 'open', 'y', '[]',
        '{}', 'feed', 'contacted', '2026-11-21T15:50:01.000Z');
    INSERT INTO sessions (worker_name, organisation, signed_in_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z');
    INSERT INTO repeat_dismissals (incident_id, earlier_id, kind, reason, at, recorded_by,
      session_id)
    VALUES (2, 1, 'address', 'Upstairs flat.', '2026-11-21T16:00:00.000Z', 'Jo', 1);
    INSERT INTO clares_law_applications (incident_id, route, raised_by, raised_on, recorded_at,
      recorded_by, session_id)
    VALUES (2, 'right-to-ask', 'victim', '2026-11-21', '2026-11-21T16:01:00.000Z', 'Jo', 1);
    INSERT INTO clares_law_status_changes (application_id, status, note, at, recorded_by,
      session_id)
    VALUES (1, 'raised', 'Asked about him.', '2026-11-21T16:01:00.000Z', 'Jo', 1);
    INSERT INTO follow_ups (incident_id, due_on, risk_level, reason, at, recorded_by, session_id)
    VALUES (2, '2027-01-02', 'medium', 'Asked for a call.', '2026-11-21T16:02:00.000Z', 'Jo', 1);
    INSERT INTO follow_up_calls (follow_up_id, outcome, try_again_on, note, at, recorded_by,
      session_id)
    VALUES (1, 'not-reached', '2027-01-03', 'Mum answered.', '2027-01-02T10:00:00.000Z', 'Jo', 1);
    INSERT INTO follow_up_answers (follow_up_id, script_id, script_version, question_id, value,
      at, recorded_by, session_id)
    VALUES (1, 'follow-up', '1', 'update-notes', 'Court in March.', '2027-01-02T10:01:00.000Z',
      'Jo', 1);
    INSERT INTO follow_up_closures (follow_up_id, kind, reason, at, recorded_by, session_id)
    VALUES (1, 'cancelled', 'Moved away.', '2027-01-02T10:02:00.000Z', 'Jo', 1);
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

describe('migration 12: retention for the newer records', () => {
  it('keeps every row as it was, and the tables still refuse changes with the switch off', () => {
    const file = previousVersionDatabase()
    const before = rows(file, BEFORE)
    expect(Object.values(before).every((r) => r.length === 1)).toBe(true)
    expect(rows(file, BEFORE + 1)).toEqual(before)
    const db = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE + 1))
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(BEFORE + 1)
      for (const [table, column] of [
        ['repeat_dismissals', 'reason'],
        ['clares_law_status_changes', 'note'],
        ['follow_ups', 'reason'],
        ['follow_up_closures', 'reason'],
        ['follow_up_calls', 'note'],
        ['follow_up_answers', 'value'],
      ]) {
        expect(
          () =>
            db
              .prepare(`UPDATE ${table} SET ${column} = 'Removed under the retention policy'`)
              .run(),
          table,
        ).toThrow(/append-only/)
      }
    } finally {
      db.close()
    }
  })
})

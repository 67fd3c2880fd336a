// Migration 2 (contact attempts, notes, drafts) on a database the previous version wrote: the
// incidents, their history, sessions, audit log, feed files and settings come through unchanged,
// and the new tables work.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import type { Db } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { incidentQueries } from '../../../electron/core/db/incidentQueries.ts'
import { contactQueries } from '../../../electron/core/db/contactQueries.ts'
import { noteQueries } from '../../../electron/core/db/noteQueries.ts'
import { tempDir } from '../../support/tempDir.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'

const V1_TABLES = [
  'incidents',
  'incident_history',
  'sessions',
  'audit_log',
  'feed_files',
  'settings',
]

/** A version-1 database with two incidents (one regraded), a session and its audit trail. */
function versionOneDatabase(): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, 1))
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, source, summary,
      address, postcode, caller_role, victim_name, victim_phone, flags, extra, origin, progress,
      created_at)
    VALUES
      ('CL-20261121-0457', '2026-11-21T15:04:12.000Z', '2026-11-21T15:30:00.000Z', 1, 'assigned',
       '999', 'Female caller whispering; line went quiet.', '4 Example Terrace', 'TS1 9ZZ',
       'victim', 'Alex Sample', '07700 900123', '["strangulation"]', '{"cadUnit":"M12"}', 'feed',
       'reviewing', '2026-11-21T15:04:20.000Z'),
      ('CL-20261121-0461', '2026-11-21T15:12:40.000Z', '2026-11-21T15:12:40.000Z', 3, 'open',
       '101', 'Neighbour heard shouting.', NULL, NULL, 'third-party', NULL, NULL, '[]', '{}',
       'manual', 'new', '2026-11-21T15:13:00.000Z');
    INSERT INTO incident_history (incident_id, kind, at, recorded_at, field, from_value, to_value,
      origin, via)
    VALUES
      (1, 'arrival', '2026-11-21T15:04:12.000Z', '2026-11-21T15:04:20.000Z', 'incident', NULL,
       'feed', 'feed', 'a.json'),
      (1, 'regrade', '2026-11-21T15:30:00.000Z', '2026-11-21T15:30:05.000Z', 'grade', '2', '1',
       'feed', 'b.json'),
      (2, 'arrival', '2026-11-21T15:12:40.000Z', '2026-11-21T15:13:00.000Z', 'incident', NULL,
       'manual', 'manual', 'Jo Example');
    INSERT INTO sessions (worker_name, organisation, signed_in_at, signed_out_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z', NULL);
    INSERT INTO audit_log (at, session_id, actor, action, incident_id, detail)
    VALUES ('2026-11-21T15:20:00.000Z', 1, 'Jo Example (Harbour)', 'incident.progress', 1,
            '{"from":"new","to":"reviewing"}');
    INSERT INTO feed_files (file_name, path, processed_at, outcome, report)
    VALUES ('a.json', '/inbox/processed/a.json', '2026-11-21T15:04:20.000Z', 'processed', '{}');
    INSERT INTO settings (key, value) VALUES ('theme', '"light"');
  `)
  db.close()
  return file
}

const snapshot = (db: Db) =>
  Object.fromEntries(
    V1_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  )

describe('migrating to version 2', () => {
  it('keeps every version-1 record exactly as it was', () => {
    const file = versionOneDatabase()
    const v1 = openDatabase(file, TEST_KEY, migrations.slice(0, 1))
    const before = snapshot(v1)
    v1.close()

    const db = openDatabase(file, TEST_KEY, migrations.slice(0, 2))
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(snapshot(db)).toEqual(before)
    expect(before.incidents).toHaveLength(2)
    db.close()
  })

  it('shows the old incidents in the queue with no attempts yet', () => {
    const db = openDatabase(versionOneDatabase(), TEST_KEY)
    const rows = incidentQueries(db).listRows()
    expect(rows.map((r) => [r.incidentRef, r.progress, r.lastRegrade?.to ?? null])).toEqual([
      ['CL-20261121-0457', 'reviewing', 1],
      ['CL-20261121-0461', 'new', null],
    ])
    for (const row of rows) {
      expect(row).toMatchObject({ attempts: 0, lastAttemptAt: null, callBackAt: null })
    }
    db.close()
  })

  it('adds working tables for attempts, notes, done actions and drafts on the old incidents', () => {
    const db = openDatabase(versionOneDatabase(), TEST_KEY)
    const attempt = contactQueries(db).add({
      incidentId: 1,
      at: '2026-11-21T18:00:00.000Z',
      number: '07700 900123',
      result: 'unsafe-to-talk',
      callBackAt: '2026-11-21T19:00:00.000Z',
      note: null,
      by: 'Jo Example (Harbour)',
      sessionId: 1,
    })
    const notes = noteQueries(db)
    const action = notes.add({
      incidentId: 1,
      at: '2026-11-21T18:01:00.000Z',
      author: 'Jo Example (Harbour)',
      text: 'Ring back at 19:00; withheld number is fine.',
      tags: ['action'],
      actionOwner: 'next-shift',
      amends: null,
      sessionId: 1,
    })
    notes.markActionDone({
      noteId: action.id,
      at: '2026-11-21T19:02:00.000Z',
      by: 'Jo Example (Harbour)',
      sessionId: 1,
    })
    notes.saveDraft({
      incidentId: 2,
      author: 'Jo Example (Harbour)',
      text: 'Neighbour',
      tags: [],
      actionOwner: null,
      amends: null,
      savedAt: '2026-11-21T18:02:00.000Z',
    })
    expect(incidentQueries(db).row(1)).toMatchObject({
      attempts: 1,
      lastAttemptAt: attempt.at,
      callBackAt: '2026-11-21T19:00:00.000Z',
    })
    expect(notes.ofIncident(1)).toMatchObject([
      { actionDoneAt: '2026-11-21T19:02:00.000Z', actionDoneBy: 'Jo Example (Harbour)' },
    ])
    expect(notes.draft(2, 'Jo Example (Harbour)')?.text).toBe('Neighbour')
    db.close()
  })

  it('makes the database itself keep notes to the rules, whoever writes to it', () => {
    const db = openDatabase(versionOneDatabase(), TEST_KEY)
    const insert = db.prepare(
      `INSERT INTO notes (incident_id, at, author, text, tags, action_owner, amends)
       VALUES (:incidentId, 't', 'x', :text, :tags, :owner, :amends)`,
    )
    const base = { incidentId: 1, text: 'A note.', tags: '[]', owner: null, amends: null }
    insert.run(base)
    expect(() => insert.run({ ...base, incidentId: 2, amends: 1 })).toThrow(/same incident/)
    expect(() => insert.run({ ...base, tags: '["action"]' })).toThrow(/needs an owner/)
    expect(() => insert.run({ ...base, owner: 'police' })).toThrow(/needs an owner/)
    expect(() => insert.run({ ...base, text: '' })).toThrow(/CHECK constraint/)
    expect(() => insert.run({ ...base, tags: '"rapport"' })).toThrow(/CHECK constraint/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO contact_attempts (incident_id, at, number, result, recorded_by)
           VALUES (1, 't', '0', 'left-voicemail', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/)
    expect(db.prepare(`SELECT count(*) AS n FROM notes`).get()).toEqual({ n: 1 })
    db.close()
  })
})

// Migration 4 (escalations) on a database version 3 wrote: everything already there comes
// through unchanged, and the new tables keep the lifecycle's rules whoever writes to them.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import type { Db } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { escalationQueries } from '../../../electron/core/db/escalationQueries.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const V3_TABLES = [
  'incidents',
  'incident_history',
  'sessions',
  'audit_log',
  'feed_files',
  'settings',
  'contact_attempts',
  'notes',
  'script_answers',
  'risk_judgements',
  'referrals',
  'contact_outcomes',
]
const by = { by: 'Jo Example (Harbour)', sessionId: 1 }

function versionThreeDatabase(): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, 3))
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, source, summary,
      address, postcode, caller_role, victim_name, victim_phone, flags, extra, origin, progress,
      created_at)
    VALUES ('CL-20261121-0461', '2026-11-21T15:12:40.000Z', '2026-11-21T15:12:40.000Z', 3,
      'open', '101', 'Raised voices.', 'Flat 3, 2 Sample Road', 'TS18 9ZZ', 'third-party', NULL,
      NULL, '["suspect-on-scene"]', '{}', 'feed', 'reviewing', '2026-11-21T15:12:45.000Z');
    INSERT INTO incident_history (incident_id, kind, at, recorded_at, field, from_value, to_value,
      origin, via)
    VALUES (1, 'arrival', '2026-11-21T15:12:40.000Z', '2026-11-21T15:12:45.000Z', 'incident',
      NULL, 'feed', 'feed', 'batch.ndjson');
    INSERT INTO sessions (worker_name, organisation, signed_in_at, signed_out_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z', NULL);
    INSERT INTO audit_log (at, session_id, actor, action, incident_id, detail)
    VALUES ('2026-11-21T15:20:00.000Z', 1, 'Jo Example (Harbour)', 'script.answer', 1, '{}');
    INSERT INTO settings (key, value) VALUES ('theme', '"light"');
    INSERT INTO contact_attempts (incident_id, at, number, result, recorded_by, session_id)
    VALUES (1, '2026-11-21T15:20:00.000Z', '07700 900123', 'call-dropped', 'Jo Example (Harbour)', 1);
    INSERT INTO notes (incident_id, at, author, text, tags, session_id)
    VALUES (1, '2026-11-21T15:21:00.000Z', 'Jo Example (Harbour)', 'Line dropped.', '[]', 1);
    INSERT INTO script_answers (incident_id, script_id, script_version, question_id, value, at,
      recorded_by, session_id)
    VALUES (1, 'safe-contact', '1', 'dash-strangulation', 'yes', '2026-11-21T15:22:00.000Z',
      'Jo Example (Harbour)', 1);
    INSERT INTO risk_judgements (incident_id, high, reason, at, recorded_by, session_id)
    VALUES (1, 1, 'Strangulation.', '2026-11-21T15:23:00.000Z', 'Jo Example (Harbour)', 1);
  `)
  db.close()
  return file
}

const snapshot = (file: string, version: number) => {
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, version))
  const tables = Object.fromEntries(
    V3_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  )
  db.close()
  return tables
}

const raise = (db: Db, currentGrade: 1 | 2 | 3 | 4 = 3) =>
  escalationQueries(db).raise({
    ...by,
    incidentId: 1,
    at: '2026-11-21T18:00:00.000Z',
    reasons: ['strangulation'],
    detail: null,
    currentGrade,
    recommendedGrade: 2,
    fromSuggestion: ['answer-dash-strangulation'],
  })

const regrade = (db: Db, from: number, to: number) =>
  db
    .prepare(
      `INSERT INTO incident_history (incident_id, kind, at, recorded_at, field, from_value,
         to_value, origin, via)
       VALUES (1, 'regrade', '2026-11-21T18:10:00.000Z', '2026-11-21T18:10:05.000Z', 'grade',
         :from, :to, 'feed', 'update.json')`,
    )
    .run({ from: String(from), to: String(to) })

describe('migrating to version 4', () => {
  it('keeps every version-3 record exactly as it was', () => {
    const file = versionThreeDatabase()
    const before = snapshot(file, 3)
    const db = openDatabase(file, TEST_KEY, migrations.slice(0, 4))
    expect(db.pragma('user_version', { simple: true })).toBe(4)
    db.close()
    expect(snapshot(file, 4)).toEqual(before)
    expect(before.script_answers).toHaveLength(1)
  })

  it('adds working tables for the lifecycle and dismissed suggestions, on the old incidents', () => {
    const db = openDatabase(versionThreeDatabase(), TEST_KEY)
    const q = escalationQueries(db)
    const id = raise(db)
    q.acknowledge({ ...by, escalationId: id, at: '2026-11-21T18:02:00.000Z', controller: 'PC 12' })
    regrade(db, 3, 2)
    q.close({
      ...by,
      escalationId: id,
      at: '2026-11-21T18:12:00.000Z',
      outcome: 'upgraded',
      grade: 2,
      reason: null,
    })
    q.dismiss({
      ...by,
      incidentId: 1,
      at: '2026-11-21T18:15:00.000Z',
      ruleIds: ['flag-suspect-on-scene'],
      reason: 'Suspect arrested.',
    })
    expect(q.ofIncident(1)).toEqual([
      expect.objectContaining({
        incidentRef: 'CL-20261121-0461',
        state: 'closed',
        acknowledgement: expect.objectContaining({ controller: 'PC 12' }),
        linkedRegrade: { from: 3, to: 2, at: '2026-11-21T18:10:00.000Z' },
        outcome: expect.objectContaining({ outcome: 'upgraded', grade: 2 }),
      }),
    ])
    expect(q.dismissalsOf(1)).toMatchObject([{ ruleIds: ['flag-suspect-on-scene'] }])
    db.close()
  })
})

describe('the version-4 database itself', () => {
  it('refuses a second open escalation on an incident, and allows one once the first is closed', () => {
    const db = openDatabase(versionThreeDatabase(), TEST_KEY)
    const id = raise(db)
    expect(() => raise(db)).toThrow(/already has an open escalation/)
    escalationQueries(db).close({
      ...by,
      escalationId: id,
      at: '2026-11-21T18:05:00.000Z',
      outcome: 'withdrawn',
      grade: null,
      reason: 'Victim safe with family.',
    })
    expect(() => raise(db)).not.toThrow()
    expect(db.prepare('SELECT count(*) AS n FROM escalations').get()).toEqual({ n: 2 })
    db.close()
  })

  it('links a regrade to a higher grade to the open escalation, once, and nothing else', () => {
    const db = openDatabase(versionThreeDatabase(), TEST_KEY)
    const q = escalationQueries(db)
    regrade(db, 3, 2)
    const id = raise(db)
    expect(q.get(id)!.linkedRegrade).toBeNull()
    regrade(db, 3, 4)
    expect(q.get(id)!.linkedRegrade).toBeNull()
    regrade(db, 4, 2)
    regrade(db, 2, 1)
    expect(q.get(id)!.linkedRegrade).toMatchObject({ from: 4, to: 2 })
    expect(db.prepare('SELECT count(*) AS n FROM escalation_regrades').get()).toEqual({ n: 1 })
    db.close()
  })

  it('does not link a regrade to a closed escalation', () => {
    const db = openDatabase(versionThreeDatabase(), TEST_KEY)
    const q = escalationQueries(db)
    const id = raise(db)
    q.close({
      ...by,
      escalationId: id,
      at: '2026-11-21T18:05:00.000Z',
      outcome: 'withdrawn',
      grade: null,
      reason: 'Raised on the wrong incident.',
    })
    regrade(db, 3, 1)
    expect(q.get(id)!.linkedRegrade).toBeNull()
    db.close()
  })

  it.each([
    'escalations',
    'escalation_acknowledgements',
    'escalation_regrades',
    'escalation_outcomes',
    'suggestion_dismissals',
  ])('never lets a row of %s change or go', (table) => {
    const db = openDatabase(versionThreeDatabase(), TEST_KEY)
    const q = escalationQueries(db)
    const id = raise(db)
    q.acknowledge({ ...by, escalationId: id, at: '2026-11-21T18:02:00.000Z', controller: 'PC 12' })
    regrade(db, 3, 2)
    q.close({
      ...by,
      escalationId: id,
      at: '2026-11-21T18:12:00.000Z',
      outcome: 'not-upgraded',
      grade: null,
      reason: 'No units.',
    })
    q.dismiss({ ...by, incidentId: 1, at: 't', ruleIds: ['flag-weapon'], reason: 'Old flag.' })
    const before = db.prepare(`SELECT * FROM ${table}`).all()
    expect(before).toHaveLength(1)
    expect(() => db.exec(`UPDATE ${table} SET id = id`)).toThrow(/append-only/)
    expect(() => db.exec(`DELETE FROM ${table}`)).toThrow(/append-only/)
    expect(() => db.exec(`INSERT OR REPLACE INTO ${table} SELECT * FROM ${table}`)).toThrow(
      /append-only/,
    )
    expect(db.prepare(`SELECT * FROM ${table}`).all()).toEqual(before)
    db.close()
  })

  it('refuses a recommended grade not above the current one, and outcomes against the rules', () => {
    const db = openDatabase(versionThreeDatabase(), TEST_KEY)
    expect(() => raise(db, 2)).toThrow(/CHECK constraint/)
    const id = raise(db)
    const close = db.prepare(
      `INSERT INTO escalation_outcomes (escalation_id, outcome, grade, reason, at, recorded_by)
       VALUES (:id, :outcome, :grade, :reason, 't', 'x')`,
    )
    expect(() => close.run({ id, outcome: 'upgraded', grade: null, reason: null })).toThrow(
      /CHECK constraint/,
    )
    expect(() => close.run({ id, outcome: 'withdrawn', grade: 2, reason: 'x' })).toThrow(
      /CHECK constraint/,
    )
    expect(() => close.run({ id, outcome: 'not-upgraded', grade: null, reason: null })).toThrow(
      /CHECK constraint/,
    )
    expect(() => close.run({ id, outcome: 'moved', grade: null, reason: 'x' })).toThrow(
      /CHECK constraint/,
    )
    expect(db.prepare('SELECT count(*) AS n FROM escalation_outcomes').get()).toEqual({ n: 0 })
    db.close()
  })
})

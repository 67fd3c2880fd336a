// Migration 3 (the safe-contact script's records) on a database version 2 wrote: everything
// already there comes through unchanged, and the new tables work on the old incidents.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { scriptQueries } from '../../../electron/core/db/scriptQueries.ts'
import { tempDir } from '../../support/tempDir.ts'

const V2_TABLES = ['incidents', 'sessions', 'audit_log', 'contact_attempts', 'notes']

function versionTwoDatabase(): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, migrations.slice(0, 2))
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, source, summary,
      address, postcode, caller_role, victim_name, victim_phone, flags, extra, origin, progress,
      created_at)
    VALUES ('CL-20261121-0457', '2026-11-21T15:04:12.000Z', '2026-11-21T15:30:00.000Z', 1,
      'assigned', '999', 'Line went quiet.', NULL, NULL, 'victim', 'Alex Sample', '07700 900123',
      '[]', '{}', 'feed', 'reviewing', '2026-11-21T15:04:20.000Z');
    INSERT INTO sessions (worker_name, organisation, signed_in_at, signed_out_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z', NULL);
    INSERT INTO audit_log (at, session_id, actor, action, incident_id, detail)
    VALUES ('2026-11-21T15:20:00.000Z', 1, 'Jo Example (Harbour)', 'contact.attempt', 1, '{}');
    INSERT INTO contact_attempts (incident_id, at, number, result, recorded_by, session_id)
    VALUES (1, '2026-11-21T15:20:00.000Z', '07700 900123', 'no-answer', 'Jo Example (Harbour)', 1);
    INSERT INTO notes (incident_id, at, author, text, tags, session_id)
    VALUES (1, '2026-11-21T15:21:00.000Z', 'Jo Example (Harbour)', 'No answer.', '[]', 1);
  `)
  db.close()
  return file
}

const snapshot = (file: string, version: number) => {
  const db = openDatabase(file, migrations.slice(0, version))
  const tables = Object.fromEntries(
    V2_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  )
  db.close()
  return tables
}

describe('migrating to version 3', () => {
  it('keeps every version-2 record exactly as it was', () => {
    const file = versionTwoDatabase()
    const before = snapshot(file, 2)
    const db = openDatabase(file, migrations.slice(0, 3))
    expect(db.pragma('user_version', { simple: true })).toBe(3)
    db.close()
    expect(snapshot(file, 3)).toEqual(before)
    expect(before.notes).toHaveLength(1)
  })

  it('adds working tables for answers, position, judgements, referrals and outcomes', () => {
    const db = openDatabase(versionTwoDatabase())
    const q = scriptQueries(db)
    const by = { incidentId: 1, at: '2026-11-21T18:00:00.000Z', by: 'Jo Example (Harbour)' }
    q.addAnswer({
      ...by,
      sessionId: 1,
      scriptId: 'safe-contact',
      scriptVersion: '1',
      questionId: 'dash-injury',
      value: 'yes',
    })
    q.addJudgement({ ...by, sessionId: 1, high: true, reason: 'Threats to kill.' })
    q.addReferral({
      ...by,
      sessionId: 1,
      service: 'marac',
      otherService: null,
      decision: 'consented',
      detail: null,
    })
    q.addOutcome({ ...by, sessionId: 1, outcome: 'moved-to-safety', note: null })
    q.setPosition({ ...by, stepId: 'introduction' })
    q.setPosition({ ...by, stepId: 'risk' })
    expect(q.answersOf(1).map((a) => [a.questionId, a.value])).toEqual([['dash-injury', 'yes']])
    expect(q.judgementsOf(1)).toMatchObject([{ high: true }])
    expect(q.referralsOf(1)).toMatchObject([{ service: 'marac' }])
    expect(q.outcomesOf(1)).toMatchObject([{ outcome: 'moved-to-safety' }])
    expect(q.position(1)).toBe('risk')
    db.close()
  })

  it('makes the database itself keep referrals to the rules, whoever writes to it', () => {
    const db = openDatabase(versionTwoDatabase())
    const insert = db.prepare(
      `INSERT INTO referrals (incident_id, service, other_service, decision, detail, at,
         recorded_by)
       VALUES (1, :service, :other, :decision, :detail, 't', 'x')`,
    )
    const base = { service: 'idva', other: null, decision: 'consented', detail: null }
    insert.run(base)
    expect(() => insert.run({ ...base, service: 'other' })).toThrow(/CHECK constraint/)
    expect(() => insert.run({ ...base, other: 'Refuge' })).toThrow(/CHECK constraint/)
    expect(() => insert.run({ ...base, decision: 'declined' })).toThrow(/CHECK constraint/)
    expect(() => insert.run({ ...base, service: 'police' })).toThrow(/CHECK constraint/)
    expect(db.prepare(`SELECT count(*) AS n FROM referrals`).get()).toEqual({ n: 1 })
    db.close()
  })
})

// Migration 7 (indexes for a long period's figures) on a database version 6 wrote: every record
// comes through unchanged, the figures read the new indexes, and they come out as before:
// a re-answered DASH question counts by its latest answer, the first contact by the first
// attempt that spoke to the victim.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { handoverQueries } from '../../../electron/core/db/handoverQueries.ts'
import { figuresPeriod, riskRule } from '../../../electron/core/handover/figures.ts'
import { loadScript } from '../../../electron/core/script/loadScript.ts'
import { DEFAULT_SCRIPT_FILE } from '../../../electron/core/paths.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const script = loadScript(DEFAULT_SCRIPT_FILE)
const rule = riskRule(script)
/** The fewest yes answers that make the risk high. */
const HIGH = Math.min(...rule.highCounts)
const TABLES = ['incidents', 'contact_attempts', 'script_answers', 'escalations', 'shifts']

function versionSixDatabase(): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, 6))
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary, flags,
      extra, origin, progress, created_at)
    VALUES ('CL-1', '2026-11-21T14:00:00.000Z', '2026-11-21T14:00:00.000Z', 3, 'open', 'x', '[]',
      '{}', 'feed', 'contacted', '2026-11-21T14:00:01.000Z');
    INSERT INTO sessions (worker_name, organisation, signed_in_at, signed_out_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z', '2026-11-21T21:30:00.000Z');
    INSERT INTO shifts (started_at, ended_at, handed_over_by)
    VALUES ('2026-11-21T14:00:00.000Z', '2026-11-21T21:30:00.000Z', 'Jo Example (Harbour)');
    INSERT INTO shift_sessions (session_id, shift_id) VALUES (1, 1);
    INSERT INTO audit_log (at, session_id, actor, action, incident_id, detail)
    VALUES ('2026-11-21T14:05:00.000Z', 1, 'Jo Example (Harbour)', 'incident.view', 1, '{}');
    INSERT INTO contact_attempts (incident_id, at, number, result, recorded_by, session_id)
    VALUES (1, '2026-11-21T14:10:00.000Z', '07700 900123', 'no-answer', 'Jo', 1),
           (1, '2026-11-21T14:20:30.000Z', '07700 900123', 'spoke-to-victim', 'Jo', 1),
           (1, '2026-11-21T15:00:00.000Z', '07700 900123', 'spoke-to-victim', 'Jo', 1);
    INSERT INTO escalations (incident_id, raised_at, raised_by, session_id, reasons,
      current_grade, recommended_grade)
    VALUES (1, '2026-11-21T14:12:00.000Z', 'Jo', 1, '["weapon"]', 3, 2);
  `)
  // Just enough DASH questions answered yes to make the risk high.
  const answer = db.prepare(
    `INSERT INTO script_answers (incident_id, script_id, script_version, question_id, value, at,
       recorded_by, session_id)
     VALUES (1, :scriptId, :scriptVersion, :question, :value, :at, 'Jo', 1)`,
  )
  const base = { scriptId: script.id, scriptVersion: script.version }
  for (const question of rule.dashIds.slice(0, HIGH)) {
    answer.run({ ...base, question, value: 'yes', at: '2026-11-21T14:30:00.000Z' })
  }
  db.close()
  return file
}

const snapshot = (file: string, version: number) => {
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, version))
  const tables = Object.fromEntries(
    TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  )
  db.close()
  return tables
}

const november = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  asAt: '2026-12-01T00:00:00.000Z',
}

describe('migrating to version 7', () => {
  it('keeps every version-6 record exactly as it was', () => {
    const file = versionSixDatabase()
    const before = snapshot(file, 6)
    const db = openDatabase(file, TEST_KEY, migrations.slice(0, 7))
    expect(db.pragma('user_version', { simple: true })).toBe(7)
    db.close()
    expect(snapshot(file, 7)).toEqual(before)
  })

  it('gives the figures of the records written before it, high risk by the latest answers', () => {
    // Today's queries read today's schema (shifts list the support car's crew from version 13).
    const db = openDatabase(versionSixDatabase(), TEST_KEY)
    const q = handoverQueries(db)
    expect(figuresPeriod(q, november, rule).figures).toMatchObject({
      incidentsReviewed: 1,
      victimsContacted: 1,
      contactAttempts: 3,
      highRiskVictims: 1,
      escalationsRaised: 1,
      medianMinutesToFirstContact: 20.5,
      firstContacts: 1,
      medianMinutesToEscalation: 12,
    })
    // The first question answered again, no, within the shift: one yes too few.
    db.prepare(
      `INSERT INTO script_answers (incident_id, script_id, script_version, question_id, value,
         at, recorded_by, session_id)
       VALUES (1, :scriptId, :scriptVersion, :question, 'no', '2026-11-21T14:40:00.000Z', 'Jo', 1)`,
    ).run({ scriptId: script.id, scriptVersion: script.version, question: rule.dashIds[0] })
    expect(figuresPeriod(q, november, rule).figures.highRiskVictims).toBe(0)
    db.close()
  })
})

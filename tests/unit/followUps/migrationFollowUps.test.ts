// The follow-ups migration on a database the version before it wrote: every incident and record
// comes through unchanged, and the new tables hold follow-ups append-only, one open per incident.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql as followUps } from '../../../electron/core/db/migrations/011_follow_ups.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const BEFORE = migrations.indexOf(followUps)

describe('the follow-ups migration', () => {
  it('keeps what was there and adds follow-ups that cannot be changed or doubled', () => {
    const file = join(tempDir(), 'desk.sqlite')
    const old = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE))
    old.exec(`
      INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary, flags,
        extra, origin, progress, created_at)
      VALUES ('CL-1', '2026-11-21T14:00:00.000Z', '2026-11-21T14:00:00.000Z', 3, 'open', 'x', '[]',
        '{}', 'feed', 'contacted', '2026-11-21T14:00:01.000Z');
      INSERT INTO contact_outcomes (incident_id, outcome, note, at, recorded_by)
      VALUES (1, 'safety-plan-agreed', NULL, '2026-11-21T14:30:00.000Z', 'Jo');`)
    const incidentsBefore = old.prepare('SELECT * FROM incidents').all()
    const outcomesBefore = old.prepare('SELECT * FROM contact_outcomes').all()
    old.close()

    const db = openDatabase(file, TEST_KEY)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(db.prepare('SELECT * FROM incidents').all()).toEqual(incidentsBefore)
    expect(db.prepare('SELECT * FROM contact_outcomes').all()).toEqual(outcomesBefore)
    const add = db.prepare(
      `INSERT INTO follow_ups (incident_id, due_on, risk_level, at, recorded_by)
       VALUES (1, ?, 'medium', '2026-11-21T14:30:00.000Z', 'Jo')`,
    )
    add.run('2027-01-02')
    expect(() => add.run('2027-01-09')).toThrow('already has an open follow-up')
    expect(() => add.run('02/01/2027')).toThrow()
    expect(() => db.exec(`UPDATE follow_ups SET due_on = '2027-02-01'`)).toThrow('append-only')
    expect(() =>
      db.exec(`INSERT INTO follow_up_calls (follow_up_id, outcome, at, recorded_by)
               VALUES (1, 'not-reached', '2027-01-02T10:00:00.000Z', 'Jo')`),
    ).toThrow('CHECK')
    db.close()
  })
})

// The support car migration on a database the version before it wrote: every incident and record
// comes through unchanged, and the new tables keep one open tasking per incident, no visit on an
// ended tasking, and refuse edits.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql as supportCar } from '../../../electron/core/db/migrations/013_support_car.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

const BEFORE = migrations.indexOf(supportCar)
const AT = '2026-11-21T18:00:00.000Z'

describe('the support car migration', () => {
  it('keeps what was there and adds taskings and visits that hold the scheme’s rules', () => {
    const file = join(tempDir(), 'desk.sqlite')
    const old = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE))
    old.exec(`
      INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary, flags,
        extra, origin, progress, created_at)
      VALUES ('CL-1', '2026-11-21T14:00:00.000Z', '2026-11-21T14:00:00.000Z', 2, 'open', 'x', '[]',
        '{}', 'feed', 'contacted', '2026-11-21T14:00:01.000Z');
      INSERT INTO referrals (incident_id, service, decision, at, recorded_by)
      VALUES (1, 'idva', 'consented', '2026-11-21T14:30:00.000Z', 'Jo');`)
    const incidentsBefore = old.prepare('SELECT * FROM incidents').all()
    const referralsBefore = old.prepare('SELECT * FROM referrals').all()
    old.close()

    const db = openDatabase(file, TEST_KEY)
    expect(BEFORE).toBeGreaterThan(0)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(db.prepare('SELECT * FROM incidents').all()).toEqual(incidentsBefore)
    expect(db.prepare('SELECT * FROM referrals').all()).toEqual(referralsBefore)
    const task = db.prepare(
      `INSERT INTO support_car_taskings (incident_id, reason, priority, at, recorded_by)
       VALUES (1, 'Second response.', ?, '${AT}', 'Jo')`,
    )
    expect(() => task.run('asap')).toThrow('CHECK')
    task.run('urgent')
    expect(() => task.run('high')).toThrow('already on the support car')
    const visit = db.prepare(
      `INSERT INTO support_car_visits (incident_id, tasking_id, visited_at, officer, idva,
         victim_engaged, safety_plan_agreed, moved_to_safety, disclosure_given, at, recorded_by)
       VALUES (1, 1, '${AT}', ?, ?, 1, 0, 0, 0, '${AT}', 'Jo')`,
    )
    expect(() => visit.run(null, null)).toThrow('CHECK')
    visit.run('PC 1', null)
    db.exec(`INSERT INTO support_car_visit_referrals (visit_id, referral_id) VALUES (1, 1)`)
    expect(() =>
      db.exec(`INSERT INTO support_car_visit_referrals (visit_id, referral_id) VALUES (1, 1)`),
    ).toThrow()
    db.exec(`INSERT INTO support_car_tasking_closures (tasking_id, kind, visit_id, at, recorded_by)
             VALUES (1, 'completed', 1, '${AT}', 'Jo')`)
    expect(() => visit.run('PC 1', null)).toThrow('tasking that has ended')
    expect(() =>
      db.exec(`INSERT INTO support_car_tasking_closures (tasking_id, kind, at, recorded_by)
               VALUES (1, 'stood-down', '${AT}', 'Jo')`),
    ).toThrow()
    expect(() => db.exec(`UPDATE support_car_taskings SET reason = 'x'`)).toThrow('append-only')
    db.close()
  })
})

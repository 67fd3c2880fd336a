// Migration 9 (dismissed repeat matches) on a database the version before wrote: the incidents
// come through unchanged and counted as repeats as before, and the new table takes a dismissal,
// which the counts then leave out, and refuses to change it or take a second of the same kind.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql } from '../../../electron/core/db/migrations/009_repeat_dismissals.ts'
import { escalationQueries } from '../../../electron/core/db/escalationQueries.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

/** The migrations before this one, wherever it is numbered at the merge. */
const BEFORE = migrations.indexOf(sql)

it('keeps every incident, counts repeats as before, and stores dismissals append-only', () => {
  const file = join(tempDir(), 'desk.sqlite')
  const old = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE))
  const add = old.prepare(
    `INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary, address,
       flags, extra, origin, progress, created_at)
     VALUES (:ref, :at, :at, 3, 'open', 'x', '2 Sample Road', '[]', '{}', 'feed', 'new', :at)`,
  )
  add.run({ ref: 'CL-1', at: '2026-06-01T10:00:00.000Z' })
  add.run({ ref: 'CL-2', at: '2026-09-01T10:00:00.000Z' })
  add.run({ ref: 'CL-3', at: '2026-11-21T17:40:00.000Z' })
  const rows = old.prepare('SELECT * FROM incidents ORDER BY id').all()
  old.close()

  const db = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE + 1))
  expect(db.prepare('SELECT * FROM incidents ORDER BY id').all()).toEqual(rows)
  const counts = () =>
    escalationQueries(db).repeatCounts({
      id: 3,
      receivedAt: '2026-11-21T17:40:00.000Z',
      from: '2025-11-21T17:40:00.000Z',
      address: '2 sample road',
      postcode: null,
      victimPhone: null,
      victimName: null,
      victimDob: null,
    })
  expect(counts()).toEqual({ earlierAtAddress: 2, earlierForVictim: 0 })
  const dismiss = db.prepare(
    `INSERT INTO repeat_dismissals (incident_id, earlier_id, kind, reason, at, recorded_by)
     VALUES (3, 1, 'address', 'Other town.', '2026-11-21T18:00:00.000Z', 'Jo')`,
  )
  dismiss.run()
  expect(counts()).toEqual({ earlierAtAddress: 1, earlierForVictim: 0 })
  expect(() => dismiss.run()).toThrow(/UNIQUE/)
  expect(() => db.prepare(`UPDATE repeat_dismissals SET reason = 'x'`).run()).toThrow(/append-only/)
  expect(() =>
    db
      .prepare(
        `INSERT INTO repeat_dismissals (incident_id, earlier_id, kind, reason, at, recorded_by)
         VALUES (3, 3, 'place', '', '2026-11-21T18:00:00.000Z', 'Jo')`,
      )
      .run(),
  ).toThrow(/CHECK/)
  db.close()
})

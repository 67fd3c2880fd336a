// Migration 10 (Clare's Law applications) on a database the version before wrote: the incidents
// come through unchanged, and the new tables take an application and its status changes, refuse
// a status or answer the scheme does not have, and never change one.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase.ts'
import { migrations } from '../../../electron/core/db/migrations/index.ts'
import { sql } from '../../../electron/core/db/migrations/010_clares_law.ts'
import { TEST_KEY } from '../../support/databaseKey.ts'
import { tempDir } from '../../support/tempDir.ts'

/** The migrations before this one, wherever it is numbered at the merge. */
const BEFORE = migrations.indexOf(sql)

it('keeps every incident and stores applications and status changes append-only', () => {
  const file = join(tempDir(), 'desk.sqlite')
  const old = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE))
  old
    .prepare(
      `INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary,
         flags, extra, origin, progress, created_at)
       VALUES ('CL-1', :at, :at, 3, 'open', 'x', '[]', '{}', 'feed', 'new', :at)`,
    )
    .run({ at: '2026-11-21T17:40:00.000Z' })
  const rows = old.prepare('SELECT * FROM incidents').all()
  old.close()

  const db = openDatabase(file, TEST_KEY, migrations.slice(0, BEFORE + 1))
  expect(db.prepare('SELECT * FROM incidents').all()).toEqual(rows)
  db.exec(`
    INSERT INTO clares_law_applications (incident_id, route, raised_by, raised_on, recorded_at,
      recorded_by)
    VALUES (1, 'right-to-ask', 'victim', '2026-11-21', '2026-11-21T18:00:00.000Z', 'Jo');
    INSERT INTO clares_law_status_changes (application_id, status, at, recorded_by)
    VALUES (1, 'raised', '2026-11-21T18:00:00.000Z', 'Jo');
  `)
  const change = (status: string, support: string | null, idva: number | null) =>
    db
      .prepare(
        `INSERT INTO clares_law_status_changes (application_id, status, support_accepted,
           idva_present, at, recorded_by)
         VALUES (1, :status, :support, :idva, '2026-11-22T10:00:00.000Z', 'Jo')`,
      )
      .run({ status, support, idva })
  expect(() => change('closed', null, null)).toThrow(/CHECK/)
  expect(() => change('under-review', 'yes', null)).toThrow(/CHECK/)
  expect(() => change('no-disclosure', null, 1)).toThrow(/CHECK/)
  expect(() => change('disclosure-given', 'maybe', null)).toThrow(/CHECK/)
  change('disclosure-given', 'yes', 1)
  expect(() =>
    db.prepare(`UPDATE clares_law_status_changes SET status = 'withdrawn'`).run(),
  ).toThrow(/append-only/)
  expect(() => db.prepare(`DELETE FROM clares_law_applications`).run()).toThrow(/append-only/)
  db.close()
})

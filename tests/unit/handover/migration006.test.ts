// Migration 6 (shifts and handovers) on a database version 5 wrote (records made before the
// audit chain, then chained): everything already there
// comes through unchanged, each earlier session becomes a shift of its own (so its records count
// in the figures), and the new tables keep their rules whoever writes to them.
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

const V5_TABLES = [
  'incidents',
  'sessions',
  'audit_log',
  'contact_attempts',
  'notes',
  'note_action_done',
  'script_answers',
  'referrals',
  'escalations',
]

function versionFiveDatabase(): string {
  const file = join(tempDir(), 'desk.sqlite')
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, 4))
  db.exec(`
    INSERT INTO incidents (incident_ref, received_at, updated_at, grade, status, summary, flags,
      extra, origin, progress, created_at)
    VALUES ('CL-1', '2026-11-21T14:50:00.000Z', '2026-11-21T14:50:00.000Z', 3, 'open', 'x', '[]',
      '{}', 'feed', 'contacted', '2026-11-21T14:50:01.000Z');
    INSERT INTO sessions (worker_name, organisation, signed_in_at, signed_out_at)
    VALUES ('Jo Example', 'Harbour', '2026-11-21T14:00:00.000Z', '2026-11-21T18:00:00.000Z'),
           ('Sam Second', 'Harbour', '2026-11-22T14:00:00.000Z', NULL);
    INSERT INTO audit_log (at, session_id, actor, action, incident_id, detail)
    VALUES ('2026-11-21T15:00:00.000Z', 1, 'Jo Example (Harbour)', 'contact.attempt', 1, '{}'),
           ('2026-11-22T16:30:00.000Z', 2, 'Sam Second (Harbour)', 'note.add', 1, '{}');
    INSERT INTO contact_attempts (incident_id, at, number, result, recorded_by, session_id)
    VALUES (1, '2026-11-21T15:00:00.000Z', '07700 900123', 'spoke-to-victim', 'Jo', 1);
    INSERT INTO notes (incident_id, at, author, text, tags, action_owner, session_id)
    VALUES (1, '2026-11-22T16:30:00.000Z', 'Sam', 'Check bail.', '["action"]', 'police', 2);
    INSERT INTO referrals (incident_id, service, decision, at, recorded_by, session_id)
    VALUES (1, 'idva', 'consented', '2026-11-21T15:05:00.000Z', 'Jo', 1);
    INSERT INTO escalations (incident_id, raised_at, raised_by, session_id, reasons,
      current_grade, recommended_grade)
    VALUES (1, '2026-11-21T15:02:00.000Z', 'Jo', 1, '["weapon"]', 3, 2);
  `)
  db.close()
  openDatabase(file, TEST_KEY, migrations.slice(0, 5)).close()
  return file
}

const snapshot = (file: string, version: number) => {
  const db = openDatabase(file, TEST_KEY, migrations.slice(0, version))
  const tables = Object.fromEntries(
    V5_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  )
  db.close()
  return tables
}

describe('migrating to version 6', () => {
  it('keeps every version-5 record exactly as it was', () => {
    const file = versionFiveDatabase()
    const before = snapshot(file, 5)
    const db = openDatabase(file, TEST_KEY, migrations.slice(0, 6))
    expect(db.pragma('user_version', { simple: true })).toBe(6)
    db.close()
    expect(snapshot(file, 6)).toEqual(before)
  })

  it('makes each earlier session a shift that ended when it signed out, or at its last record', () => {
    const db = openDatabase(versionFiveDatabase(), TEST_KEY, migrations)
    const q = handoverQueries(db)
    expect(q.shiftsStarted('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toEqual([
      {
        id: 1,
        startedAt: '2026-11-21T14:00:00.000Z',
        endedAt: '2026-11-21T18:00:00.000Z',
        workers: ['Jo Example (Harbour)'],
        handedOverBy: null,
      },
      {
        id: 2,
        startedAt: '2026-11-22T14:00:00.000Z',
        endedAt: '2026-11-22T16:30:00.000Z',
        workers: ['Sam Second (Harbour)'],
        handedOverBy: null,
      },
    ])
    const figures = figuresPeriod(
      q,
      {
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        asAt: '2026-12-01T00:00:00.000Z',
      },
      riskRule(loadScript(DEFAULT_SCRIPT_FILE)),
    )
    expect(figures.figures).toMatchObject({
      incidentsReviewed: 2,
      victimsContacted: 1,
      contactAttempts: 1,
      daServiceReferrals: 1,
      escalationsRaised: 1,
      medianMinutesToFirstContact: 10,
      medianMinutesToEscalation: 12,
    })
    expect(q.outstandingActions('2026-12-01T00:00:00.000Z')).toHaveLength(1)
    db.close()
  })

  it('lets a shift end once and no more, keeps one open at a time, and keeps exports as written', () => {
    const db = openDatabase(versionFiveDatabase(), TEST_KEY, migrations)
    const q = handoverQueries(db)
    const open = q.startShift('2026-11-23T14:00:00.000Z')
    expect(() => q.startShift('2026-11-23T15:00:00.000Z')).toThrow(/UNIQUE/)
    expect(q.endShift(open, '2026-11-23T21:30:00.000Z', 'Jo Example (Harbour)')).toBe(true)
    expect(() =>
      db.prepare(`UPDATE shifts SET ended_at = '2026-11-23T22:00:00.000Z' WHERE id = ?`).run(open),
    ).toThrow(/cannot be changed/)
    expect(() => db.prepare(`DELETE FROM shifts WHERE id = ?`).run(open)).toThrow(/deleted/)
    const next = q.startShift('2026-11-24T14:00:00.000Z')
    expect(() => q.endShift(next, '2026-11-24T13:00:00.000Z', null)).toThrow(/CHECK/)
    const exportId = q.recordExport({
      at: '2026-11-23T21:30:00.000Z',
      scope: 'shift',
      shiftId: open,
      from: '2026-11-23T14:00:00.000Z',
      to: '2026-11-23T21:30:00.000Z',
      statisticsOnly: false,
      handsOver: true,
      folder: '/srv/handovers',
      manifest: { files: [] },
      exportedBy: 'Jo Example (Harbour)',
      sessionId: null,
    })
    q.markHandedOver(exportId, [1], '2026-11-23T21:30:00.000Z')
    expect(() => db.prepare(`UPDATE handover_exports SET folder = '/tmp'`).run()).toThrow(
      /append-only/,
    )
    expect(() => db.prepare(`DELETE FROM handed_over_incidents`).run()).toThrow(/append-only/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO handover_exports (at, scope, shift_id, period_from, period_to,
             statistics_only, hands_over, folder, manifest, exported_by)
           VALUES ('x', 'period', NULL, 'a', 'b', 1, 1, '/f', '{}', 'cli')`,
        )
        .run(),
    ).toThrow(/CHECK/)
    db.close()
  })
})

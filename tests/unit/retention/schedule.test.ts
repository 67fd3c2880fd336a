// The automatic purge: once as soon as the desk has opened and then daily by the desk's clock,
// as the system rather than whoever is signed in, silent when there is nothing to do, and
// stopped when the desk closes.
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { Db } from '../../../electron/core/db/openDatabase.ts'
import { closeDesk, signIn, testDesk } from '../../support/desk.ts'
import { workFixtureShift } from '../../support/handoverShift.ts'

const purges = (db: Db) =>
  (
    db
      .prepare(`SELECT actor, session_id, detail FROM audit_log WHERE action = 'retention.purged'`)
      .all() as { actor: string; session_id: number | null; detail: string }[]
  ).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }))

const purgedCount = (db: Db) =>
  db.prepare('SELECT count(*) FROM incidents WHERE purged_at IS NOT NULL').pluck().get()

/** A data folder with the fixture shift worked in January 2025, closed. */
async function oldDataFolder(): Promise<string> {
  const d = testDesk()
  d.setTime('2025-01-11T13:00:00.000Z')
  await workFixtureShift(d, '2025-01-11', 'S')
  await closeDesk(d)
  return d.dataDir
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the automatic retention purge', () => {
  test('runs once the desk has opened, as the system, for what is due', async () => {
    const dataDir = await oldDataFolder()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    // Its clock starts at 21/11/2026, so the cut-off is 21/11/2025.
    const d = testDesk(dataDir)
    await signIn(d, 'Ada Admin', 'Harbour')
    expect(purgedCount(d.db)).toBe(0)
    vi.advanceTimersByTime(0)
    expect(purgedCount(d.db)).toBe(2) // B and D; A has an outstanding action, C an open escalation
    const [entry] = purges(d.db)
    expect(entry).toMatchObject({
      actor: 'system',
      session_id: null,
      detail: { trigger: 'start-up', incidents: 2, incidentRefs: ['CL-S-D', 'CL-S-B'] },
    })
    // The page hears about each incident it purged.
    const told = d.events.filter((e) => e.event === 'incident.recordAdded')
    expect(told).toHaveLength(2)
  })

  test('runs again each day by the desk clock, leaves no entry when nothing is due, stops on close', async () => {
    const dataDir = await oldDataFolder()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const d = testDesk(dataDir)
    d.setTime('2025-03-01T12:00:00.000Z')
    vi.advanceTimersByTime(0)
    expect(purges(d.db)).toEqual([])
    // An hour later by the desk's clock: not a day since the last run.
    d.setTime('2025-03-01T13:00:00.000Z')
    vi.advanceTimersByTime(60 * 60_000)
    expect(purges(d.db)).toEqual([])
    d.setTime('2026-06-01T12:00:00.000Z')
    vi.advanceTimersByTime(60 * 60_000)
    expect(purges(d.db).map((p) => p.detail.trigger)).toEqual(['daily'])
    expect(purgedCount(d.db)).toBe(2)

    await closeDesk(d)
    expect(vi.getTimerCount()).toBe(0)
  })
})

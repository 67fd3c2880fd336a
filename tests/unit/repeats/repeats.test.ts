// Repeat victims and addresses through the desk, as the page drives it: an incident lists the
// earlier incidents at its address or for its victim, says how each matched, counts those in the
// twelve months before its call, and the worker can dismiss a false match, with why, which the
// repeat-call rules and the queue's mark then leave out.
import { describe, expect, it } from 'vitest'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { suggestEscalation } from '../../../shared/escalationRules.ts'
import type { IncidentDetail } from '../../../shared/domain.ts'
import { repeatHeadline, repeatMark } from '../../../shared/repeats.ts'

const HOME = { address: 'Flat 3, 2 Sample Road, Stockton-on-Tees', postcode: 'TS18 9ZZ' }
const WORKER = 'Jo Example (Harbour)'
const TARGETS = { 1: 15, 2: 60, 3: 240, 4: 1440 } as const

let n = 0
async function incident(
  d: TestDesk,
  receivedAt: string,
  more: { location?: object; victim?: object; grade?: number } = {},
): Promise<number> {
  const row = await must(d, 'incidents.addManual', {
    record: {
      incidentRef: `CL-REP-${++n}`,
      receivedAt,
      grade: more.grade ?? 3,
      summary: 'Shouting heard from the flat.',
      ...(more.location ? { location: more.location } : {}),
      ...(more.victim ? { victim: more.victim } : {}),
    },
  })
  return row.id
}

async function ready() {
  const d = testDesk()
  await signIn(d)
  return d
}

const get = (d: TestDesk, id: number) => must(d, 'incidents.get', { id })

const advice = (detail: IncidentDetail, now: number) =>
  suggestEscalation(
    detail.escalation.facts,
    now,
    TARGETS,
    detail.escalation.dismissals.flatMap((x) => x.ruleIds),
  )?.suggestions.map((s) => s.ruleId) ?? []

/** Every row of every table. */
function everything(d: TestDesk) {
  const tables = d.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, d.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  )
}

describe('previous incidents', () => {
  it('lists earlier incidents by address, phone and name with date of birth, saying how each matched', async () => {
    const d = await ready()
    const byAddress = await incident(d, '2026-09-01T10:00:00Z', {
      location: { address: 'flat 3,2 sample road, STOCKTON-ON-TEES' },
    })
    const byPhone = await incident(d, '2026-10-01T10:00:00Z', {
      victim: { phone: '+44 7700 900456' },
    })
    const byName = await incident(d, '2026-10-15T10:00:00Z', {
      victim: { name: 'SAM  example', dateOfBirth: '1990-04-02' },
    })
    await incident(d, '2026-10-20T10:00:00Z', {
      location: { address: 'Flat 3, 2 Sample Road', postcode: 'TS17 1AA' },
      victim: { name: 'Sam Example', phone: '07700 900999' },
    })
    const both = await incident(d, '2026-11-01T10:00:00Z', {
      location: HOME,
      victim: { phone: '07700900456' },
    })
    const id = await incident(d, '2026-11-21T17:40:00Z', {
      location: HOME,
      victim: { name: 'Sam Example', phone: '07700 900456', dateOfBirth: '1990-04-02' },
    })
    const { repeats } = await get(d, id)
    expect(repeats.matches.map((m) => [m.incidentId, m.keys, m.withinWindow])).toEqual([
      [both, ['address', 'phone'], true],
      [byName, ['name-dob'], true],
      [byPhone, ['phone'], true],
      [byAddress, ['address'], true],
    ])
    expect(repeats.matches[0]).toMatchObject({
      incidentRef: 'CL-REP-5',
      receivedAt: '2026-11-01T10:00:00.000Z',
      grade: 3,
      status: 'open',
      dismissals: [],
      outcome: null,
      riskLevel: null,
    })
    expect(repeats).toMatchObject({ earlierAtAddress: 2, earlierForVictim: 3 })
    expect(repeatHeadline(repeats)).toBe(
      '3rd incident at this address in 12 months · 4th for this victim',
    )
    expect(repeatMark((await get(d, id)).row.repeats!)).toBe('3rd at address · 4th for victim')
    // Once the worker is done with it, the queue row no longer carries the mark.
    await must(d, 'incidents.setProgress', { id, progress: 'done' })
    expect((await get(d, id)).row.repeats).toBeNull()
  })

  it('lists older incidents apart and counts only the twelve months before the call', async () => {
    const d = await ready()
    const old = await incident(d, '2025-11-21T17:39:59Z', { location: HOME })
    const edge = await incident(d, '2025-11-21T17:40:00Z', { location: HOME })
    const id = await incident(d, '2026-11-21T17:40:00Z', { location: HOME })
    await incident(d, '2026-11-21T17:50:00Z', { location: HOME })
    const { repeats, row } = await get(d, id)
    expect(repeats.matches.map((m) => [m.incidentId, m.withinWindow])).toEqual([
      [edge, true],
      [old, false],
    ])
    expect(repeats.earlierAtAddress).toBe(1)
    expect(row.repeats).toEqual({ earlierAtAddress: 1, earlierForVictim: 0 })
  })

  it('shows the worker’s outcome and the risk found on an earlier incident', async () => {
    const d = await ready()
    const earlier = await incident(d, '2026-11-01T10:00:00Z', { location: HOME })
    await must(d, 'contact.recordOutcome', {
      incidentId: earlier,
      outcome: 'safety-plan-agreed',
      note: null,
    })
    await must(d, 'risk.judge', { incidentId: earlier, high: true, reason: 'Threats to kill.' })
    const id = await incident(d, '2026-11-21T17:40:00Z', { location: HOME })
    const [match] = (await get(d, id)).repeats.matches
    expect(match).toMatchObject({ outcome: 'safety-plan-agreed', riskLevel: 'high' })
  })
})

describe('a third call-out in twelve months', () => {
  it('is suggested for escalation until the worker dismisses one of the earlier ones as a false match', async () => {
    const d = await ready()
    const first = await incident(d, '2026-06-01T10:00:00Z', { location: HOME })
    await incident(d, '2026-09-01T10:00:00Z', { location: HOME })
    const id = await incident(d, '2026-11-21T17:40:00Z', { location: HOME })
    const now = Date.parse('2026-11-21T18:00:00Z')
    expect(advice(await get(d, id), now)).toContain('repeat-address')

    const dismissal = await must(d, 'repeats.dismiss', {
      incidentId: id,
      earlierId: first,
      kind: 'address',
      reason: 'Different flat: the feed dropped the flat number.',
    })
    expect(dismissal).toEqual({
      id: expect.any(Number),
      incidentId: id,
      earlierId: first,
      kind: 'address',
      reason: 'Different flat: the feed dropped the flat number.',
      at: '2026-11-21T18:00:00.000Z',
      by: WORKER,
    })
    const after = await get(d, id)
    expect(advice(after, now)).not.toContain('repeat-address')
    expect(after.escalation.facts.earlierAtAddress).toBe(1)
    expect(after.row.repeats?.earlierAtAddress).toBe(1)
    expect(after.repeats.earlierAtAddress).toBe(1)
    expect(after.repeats.matches.find((m) => m.incidentId === first)?.dismissals).toEqual([
      dismissal,
    ])
    const audit = d.db
      .prepare(
        `SELECT actor, detail FROM audit_log WHERE action = 'repeat.dismiss' AND incident_id = ?`,
      )
      .all(id)
    expect(audit).toEqual([
      {
        actor: WORKER,
        detail: JSON.stringify({
          repeatDismissalId: dismissal.id,
          earlierId: first,
          kind: 'address',
        }),
      },
    ])
    const pushed = d.events.filter((e) => e.event === 'incidents.changed').at(-1)
    expect(pushed?.payload).toMatchObject({ rows: [{ id, repeats: { earlierAtAddress: 1 } }] })
  })

  it('still counts the victim when only the place was dismissed', async () => {
    const d = await ready()
    const victim = { phone: '07700 900456' }
    const earlier = await incident(d, '2026-10-01T10:00:00Z', { location: HOME, victim })
    const id = await incident(d, '2026-11-21T17:40:00Z', { location: HOME, victim })
    await must(d, 'repeats.dismiss', {
      incidentId: id,
      earlierId: earlier,
      kind: 'address',
      reason: 'She has moved; the old address is her mother’s.',
    })
    expect((await get(d, id)).repeats).toMatchObject({ earlierAtAddress: 0, earlierForVictim: 1 })
  })
})

describe('dismissals refused', () => {
  const cases: [
    string,
    (ids: { id: number; earlier: number; other: number }) => unknown,
    RegExp,
  ][] = [
    [
      'no reason',
      ({ id, earlier }) => ({ incidentId: id, earlierId: earlier, kind: 'address', reason: '  ' }),
      /reason/,
    ],
    [
      'an unknown kind',
      ({ id, earlier }) => ({ incidentId: id, earlierId: earlier, kind: 'suspect', reason: 'x' }),
      /kind/,
    ],
    [
      'a reason too long',
      ({ id, earlier }) => ({
        incidentId: id,
        earlierId: earlier,
        kind: 'address',
        reason: 'x'.repeat(501),
      }),
      /reason/,
    ],
    [
      'an extra field',
      ({ id, earlier }) => ({
        incidentId: id,
        earlierId: earlier,
        kind: 'address',
        reason: 'x',
        undo: true,
      }),
      /undo/,
    ],
    [
      'a kind it did not match by',
      ({ id, earlier }) => ({ incidentId: id, earlierId: earlier, kind: 'victim', reason: 'x' }),
      /not an earlier incident for the same victim/,
    ],
    [
      'an incident that is not a match',
      ({ id, other }) => ({ incidentId: id, earlierId: other, kind: 'address', reason: 'x' }),
      /not an earlier incident at the same address/,
    ],
    [
      'a later incident',
      ({ id, earlier }) => ({ incidentId: earlier, earlierId: id, kind: 'address', reason: 'x' }),
      /not an earlier incident/,
    ],
    [
      'itself',
      ({ id }) => ({ incidentId: id, earlierId: id, kind: 'address', reason: 'x' }),
      /not an earlier incident/,
    ],
    [
      'an unknown incident',
      ({ earlier }) => ({ incidentId: 999, earlierId: earlier, kind: 'address', reason: 'x' }),
      /No incident with id 999/,
    ],
  ]
  it.each(cases)('for %s, leaving the database as it was', async (_, request, message) => {
    const d = await ready()
    const earlier = await incident(d, '2026-10-01T10:00:00Z', { location: HOME })
    const other = await incident(d, '2026-10-02T10:00:00Z', {
      location: { address: '9 Test Close' },
    })
    const id = await incident(d, '2026-11-21T17:40:00Z', { location: HOME })
    const before = everything(d)
    const result = await call(d, 'repeats.dismiss', request({ id, earlier, other }))
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } })
    expect(everything(d)).toEqual(before)
  })

  it('a second time: the first dismissal is final', async () => {
    const d = await ready()
    const earlier = await incident(d, '2026-10-01T10:00:00Z', { location: HOME })
    const id = await incident(d, '2026-11-21T17:40:00Z', { location: HOME })
    const request = { incidentId: id, earlierId: earlier, kind: 'address', reason: 'Other flat.' }
    await must(d, 'repeats.dismiss', request)
    const before = everything(d)
    expect(await call(d, 'repeats.dismiss', request)).toMatchObject({
      ok: false,
      error: {
        code: 'bad-request',
        message: expect.stringMatching(/already marked “not the same place” by Jo Example/),
      },
    })
    expect(everything(d)).toEqual(before)
    expect(() => d.db.prepare('DELETE FROM repeat_dismissals').run()).toThrow(/append-only/)
  })

  it('when nobody is signed in', async () => {
    const d = await ready()
    const earlier = await incident(d, '2026-10-01T10:00:00Z', { location: HOME })
    const id = await incident(d, '2026-11-21T17:40:00Z', { location: HOME })
    await must(d, 'session.signOut', {})
    const result = await call(d, 'repeats.dismiss', {
      incidentId: id,
      earlierId: earlier,
      kind: 'address',
      reason: 'x',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'not-signed-in' } })
    expect(d.db.prepare('SELECT count(*) FROM repeat_dismissals').pluck().get()).toBe(0)
  })
})

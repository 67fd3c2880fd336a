// The support car through the desk, as the page drives it: tasking incidents, the car's list in
// visiting order with the crew's notes, visits (their referrals are the incident's own), standing
// down, and the crew joining the shift. Every refusal leaves the database exactly as it was.
import { describe, expect, it } from 'vitest'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'

const WORKER = 'Jo Example (Harbour)'

/** An incident typed in by hand: its grade and when the call came in. */
async function incident(d: TestDesk, ref: string, grade: number, receivedAt: string, name: string) {
  const row = await must(d, 'incidents.addManual', {
    record: {
      incidentRef: ref,
      receivedAt,
      grade,
      summary: 'Ex-partner at the door.',
      victim: { name, phone: '07700 900123' },
      location: { address: `${ref.slice(-1)} Example Street`, postcode: 'TS1 1AA' },
    },
  })
  return row.id
}

async function ready() {
  const d = testDesk()
  await signIn(d)
  const id = await incident(d, 'CL-A', 2, '2026-11-21T17:00:00Z', 'Ann Victim')
  return { d, id }
}

const task = (d: TestDesk, incidentId: number, priority = 'high', reason = 'Asked to be seen.') =>
  must(d, 'supportCar.task', { incidentId, reason, priority })

const visit = (d: TestDesk, taskingId: number, change: object = {}) =>
  call(d, 'supportCar.recordVisit', {
    taskingId,
    visitedAt: '2026-11-21T17:50:00Z',
    officer: 'PC 4410 Ellis',
    idva: 'Sam Rivers',
    victimEngaged: true,
    safetyPlanAgreed: true,
    movedToSafety: false,
    disclosureGiven: false,
    referrals: [],
    notes: null,
    completesTasking: true,
    ...change,
  })

function everything(d: TestDesk) {
  const tables = d.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, d.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  )
}

async function refused(d: TestDesk, name: string, request: unknown, message: RegExp) {
  const before = everything(d)
  const events = d.events.length
  const result = await call(d, name, request)
  expect(result).toMatchObject({
    ok: false,
    error: { code: 'bad-request', message: expect.stringMatching(message) },
  })
  expect(everything(d)).toEqual(before)
  expect(d.events.length).toBe(events)
}

describe('the support car’s list', () => {
  it('lists open taskings by priority, then grade, then the longest wait since the call', async () => {
    const d = testDesk()
    await signIn(d)
    const routineG1 = await incident(d, 'CL-1', 1, '2026-11-21T16:00:00Z', 'Routine One')
    const highG3 = await incident(d, 'CL-2', 3, '2026-11-21T15:00:00Z', 'High Three')
    const highG2Late = await incident(d, 'CL-3', 2, '2026-11-21T17:30:00Z', 'High Two Late')
    const highG2Early = await incident(d, 'CL-4', 2, '2026-11-21T17:00:00Z', 'High Two Early')
    const urgentG4 = await incident(d, 'CL-5', 4, '2026-11-21T17:45:00Z', 'Urgent Four')
    const stoodDown = await incident(d, 'CL-6', 1, '2026-11-21T14:00:00Z', 'Stood Down')
    await task(d, routineG1, 'routine')
    await task(d, highG3)
    await task(d, highG2Late)
    await task(d, highG2Early)
    await task(d, urgentG4, 'urgent')
    const gone = await task(d, stoodDown, 'urgent')
    await must(d, 'supportCar.standDown', { taskingId: gone.id, reason: 'Arrested at scene.' })

    const list = await must(d, 'supportCar.list', {})
    expect(list.stops.map((s) => s.victimName)).toEqual([
      'Urgent Four',
      'High Two Early',
      'High Two Late',
      'High Three',
      'Routine One',
    ])
    expect(list.stops[0]).toMatchObject({
      incidentRef: 'CL-5',
      grade: 4,
      address: '5 Example Street',
      postcode: 'TS1 1AA',
      tasking: { priority: 'urgent', reason: 'Asked to be seen.', state: 'open', taskedBy: WORKER },
    })
  })

  it('gives each stop the safe-contact notes the crew needs, from the contact record', async () => {
    const { d, id } = await ready()
    const script = await must(d, 'script.get', {})
    const answer = (questionId: string, value: string) =>
      must(d, 'script.answer', { incidentId: id, scriptVersion: script.version, questionId, value })
    await answer('safety-suspect-near', 'yes')
    await answer('unsafe-safe-time', '2026-11-22T10:30:00Z')
    await answer('unsafe-method', 'victim-calls-us')
    await answer('unsafe-code-word', 'yes')
    await must(d, 'contact.logAttempt', {
      incidentId: id,
      number: '07700 900123',
      result: 'unsafe-to-talk',
      callBackAt: '2026-11-21T19:15:00Z',
      note: null,
    })
    await must(d, 'notes.add', {
      incidentId: id,
      text: 'Knock twice; he watches the front door.',
      tags: ['safeguarding'],
      actionOwner: null,
      amends: null,
    })
    await must(d, 'notes.add', {
      incidentId: id,
      text: 'Rapport only: likes to be called Annie.',
      tags: ['rapport'],
      actionOwner: null,
      amends: null,
    })
    await task(d, id)
    const [stop] = (await must(d, 'supportCar.list', {})).stops
    expect(stop!.crewNotes.map(({ label, value }) => [label, value])).toEqual([
      ['Call-back agreed', '21/11/2026 19:15'],
      ['Safe time to make contact', '22/11/2026 10:30'],
      ['How to get in touch', expect.any(String)],
      ['Suspect there or nearby', 'Yes'],
      ['Code word agreed to end a call', 'Yes'],
      ['Safeguarding note', 'Knock twice; he watches the front door.'],
    ])
  })

  it('refuses a second tasking while the incident is on the list, and a missing incident', async () => {
    const { d, id } = await ready()
    await task(d, id)
    await refused(
      d,
      'supportCar.task',
      { incidentId: id, reason: 'Again.', priority: 'urgent' },
      /already on the support car’s list/,
    )
    const missing = await call(d, 'supportCar.task', {
      incidentId: 9999,
      reason: 'x',
      priority: 'high',
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('refuses bad payloads: an empty reason, an unknown priority, extra fields', async () => {
    const { d, id } = await ready()
    for (const request of [
      { incidentId: id, reason: '   ', priority: 'high' },
      { incidentId: id, reason: 'x', priority: 'whenever' },
      { incidentId: id, reason: 'x', priority: 'high', grade: 1 },
      { incidentId: id, reason: 'x'.repeat(501), priority: 'high' },
    ]) {
      const before = everything(d)
      expect(await call(d, 'supportCar.task', request)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      })
      expect(everything(d)).toEqual(before)
    }
  })
})

describe('a visit', () => {
  it('is recorded on the incident with who attended, what happened and its referrals, which are the incident’s own', async () => {
    const { d, id } = await ready()
    const tasking = await task(d, id)
    const result = await visit(d, tasking.id, {
      movedToSafety: true,
      disclosureGiven: true,
      referrals: ['idva', 'housing'],
      notes: 'Went to her mother’s with the children.',
    })
    expect(result.ok).toBe(true)
    const detail = await must(d, 'incidents.get', { id })
    const [done] = detail.supportCar
    expect(done).toMatchObject({ state: 'completed', closedBy: WORKER, standDownReason: null })
    expect(done!.visits).toEqual([
      {
        id: expect.any(Number),
        incidentId: id,
        taskingId: tasking.id,
        visitedAt: '2026-11-21T17:50:00.000Z',
        officer: 'PC 4410 Ellis',
        idva: 'Sam Rivers',
        victimEngaged: true,
        safetyPlanAgreed: true,
        movedToSafety: true,
        disclosureGiven: true,
        referrals: [
          expect.objectContaining({ service: 'idva', decision: 'consented', by: WORKER }),
          expect.objectContaining({ service: 'housing', decision: 'consented', by: WORKER }),
        ],
        notes: 'Went to her mother’s with the children.',
        recordedAt: '2026-11-21T18:00:00.000Z',
        recordedBy: WORKER,
      },
    ])
    // Stored once, as the incident's referrals: the script panel and the figures see them.
    expect(detail.script.referrals.map((r) => r.service)).toEqual(['idva', 'housing'])
    expect(detail.row.progress).toBe('reviewing')
    expect((await must(d, 'supportCar.list', {})).stops).toEqual([])
    const audit = d.db
      .prepare(`SELECT action FROM audit_log WHERE incident_id = ? ORDER BY id`)
      .pluck()
      .all(id)
    expect(audit).toContain('supportCar.task')
    expect(audit).toContain('supportCar.visit')
  })

  it('leaves the tasking on the list when it does not complete it (no answer at the door)', async () => {
    const { d, id } = await ready()
    const tasking = await task(d, id)
    await visit(d, tasking.id, {
      victimEngaged: false,
      safetyPlanAgreed: false,
      completesTasking: false,
    })
    const [stop] = (await must(d, 'supportCar.list', {})).stops
    expect(stop!.tasking.state).toBe('open')
    expect(stop!.tasking.visits).toHaveLength(1)
    expect((await visit(d, tasking.id, { visitedAt: '2026-11-21T17:58:00Z' })).ok).toBe(true)
  })

  it('is refused on a stood-down or completed tasking, and the database is unchanged', async () => {
    const { d, id } = await ready()
    const first = await task(d, id)
    await must(d, 'supportCar.standDown', { taskingId: first.id, reason: 'Victim at hospital.' })
    await refused(d, 'supportCar.recordVisit', visitRequest(first.id), /stood down/)
    const second = await task(d, id)
    expect((await visit(d, second.id)).ok).toBe(true)
    await refused(d, 'supportCar.recordVisit', visitRequest(second.id), /completed/)
    await refused(
      d,
      'supportCar.standDown',
      { taskingId: second.id, reason: 'Late.' },
      /already completed/,
    )
  })

  it('needs someone who attended, a time that is not in the future or before the call', async () => {
    const { d, id } = await ready()
    const tasking = await task(d, id)
    await refused(
      d,
      'supportCar.recordVisit',
      visitRequest(tasking.id, { officer: '  ', idva: null }),
      /officer or the IDVA/,
    )
    await refused(
      d,
      'supportCar.recordVisit',
      visitRequest(tasking.id, { visitedAt: '2026-11-21T19:00:00Z' }),
      /in the future/,
    )
    await refused(
      d,
      'supportCar.recordVisit',
      visitRequest(tasking.id, { visitedAt: '2026-11-21T16:59:00Z' }),
      /before the call came in \(21\/11\/2026 17:00\)/,
    )
    for (const bad of [
      { referrals: ['idva', 'idva'] },
      { referrals: ['clares-law-ask'] },
      { victimEngaged: 'yes' },
      { visitedAt: '21/11/2026 17:50' },
    ]) {
      const before = everything(d)
      expect(await call(d, 'supportCar.recordVisit', visitRequest(tasking.id, bad))).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      })
      expect(everything(d)).toEqual(before)
    }
  })

  it('cannot be changed or deleted in the database itself', async () => {
    const { d, id } = await ready()
    const tasking = await task(d, id)
    await visit(d, tasking.id, { notes: 'Original.', referrals: ['idva'] })
    expect(() => d.db.exec(`UPDATE support_car_visits SET notes = 'Edited.'`)).toThrow(
      'append-only',
    )
    expect(() => d.db.exec(`DELETE FROM support_car_visits`)).toThrow('append-only')
    expect(() => d.db.exec(`UPDATE support_car_taskings SET priority = 'routine'`)).toThrow(
      'append-only',
    )
    expect(() => d.db.exec(`DELETE FROM support_car_visit_referrals`)).toThrow('append-only')
  })
})

describe('the car’s crew on the shift', () => {
  it('adds the officer and the IDVA to the shift’s workers, once each, so the handover lists them', async () => {
    const d = testDesk()
    await signIn(d)
    await must(d, 'supportCar.addCrew', { name: 'PC 4410 Ellis', role: 'officer' })
    const crew = await must(d, 'supportCar.addCrew', { name: 'Sam Rivers', role: 'idva' })
    expect(crew.map((m) => [m.name, m.role])).toEqual([
      ['PC 4410 Ellis', 'officer'],
      ['Sam Rivers', 'idva'],
    ])
    expect((await must(d, 'shift.current', {}))!.workers).toEqual([
      WORKER,
      'PC 4410 Ellis (Support car officer)',
      'Sam Rivers (Support car IDVA)',
    ])
    expect((await must(d, 'handover.preview', {})).header.workers).toContain(
      'Sam Rivers (Support car IDVA)',
    )
    expect((await must(d, 'supportCar.list', {})).crew).toHaveLength(2)
    await refused(
      d,
      'supportCar.addCrew',
      { name: 'Sam Rivers', role: 'idva' },
      /already on this shift/,
    )
  })
})

function visitRequest(taskingId: number, change: object = {}) {
  return {
    taskingId,
    visitedAt: '2026-11-21T17:50:00Z',
    officer: 'PC 4410 Ellis',
    idva: null,
    victimEngaged: true,
    safetyPlanAgreed: false,
    movedToSafety: false,
    disclosureGiven: false,
    referrals: [],
    notes: null,
    completesTasking: true,
    ...change,
  }
}

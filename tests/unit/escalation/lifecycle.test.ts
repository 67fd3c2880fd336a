// An escalation's lifecycle through the desk, as the page drives it: raised, acknowledged by the
// controller, closed by an outcome. Every step that breaks the rules is refused with a clear
// message and leaves the database, and the page, exactly as they were.
import { describe, expect, it } from 'vitest'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import type { CallRequest } from '../../../shared/contract.ts'

const AT = '2026-11-21T18:00:00.000Z'
const WORKER = 'Jo Example (Harbour)'

async function ready(grade = 3) {
  const d = testDesk()
  await signIn(d)
  const row = await must(d, 'incidents.addManual', {
    record: {
      incidentRef: 'CL-20261121-0500',
      receivedAt: '2026-11-21T17:40:00Z',
      grade,
      summary: 'Caller whispering, partner in the next room.',
      victim: { name: 'Riley Test', phone: '07700 900789' },
    },
  })
  d.events.length = 0
  return { d, id: row.id }
}

const raiseRequest = (
  incidentId: number,
  change: Partial<CallRequest<'escalations.raise'>> = {},
): CallRequest<'escalations.raise'> => ({
  incidentId,
  reasons: ['strangulation'],
  detail: 'Disclosed being choked last week.',
  recommendedGrade: 2,
  fromSuggestion: [],
  ...change,
})

const raise = (d: TestDesk, id: number, change: Partial<CallRequest<'escalations.raise'>> = {}) =>
  must(d, 'escalations.raise', raiseRequest(id, change))

const acknowledge = (d: TestDesk, escalationId: number) =>
  must(d, 'escalations.acknowledge', { escalationId, controller: 'PC 4512 Shaw' })

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

/** Calls `name`, expects it refused with `code` and a message like `message`, and nothing changed. */
async function refused(
  d: TestDesk,
  name: string,
  request: unknown,
  code: string,
  message: RegExp,
): Promise<void> {
  const before = everything(d)
  const events = d.events.length
  const result = await call(d, name, request)
  expect(result).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } })
  expect(everything(d)).toEqual(before)
  expect(d.events.length).toBe(events)
}

const audits = (d: TestDesk, incidentId: number) =>
  (
    d.db
      .prepare(`SELECT action, actor, detail FROM audit_log WHERE incident_id = ? ORDER BY id`)
      .all(incidentId) as { action: string; actor: string; detail: string }[]
  ).map((a) => ({ ...a, detail: JSON.parse(a.detail) }))

describe('raising an escalation', () => {
  it('records who raised it, when, why and the grades, and shows it on the incident and its row', async () => {
    const { d, id } = await ready()
    const escalation = await raise(d, id, {
      reasons: ['injury', 'strangulation', 'injury'],
      fromSuggestion: ['answer-dash-strangulation', 'answer-dash-strangulation'],
    })
    expect(escalation).toEqual({
      id: expect.any(Number),
      incidentId: id,
      incidentRef: 'CL-20261121-0500',
      callReceivedAt: '2026-11-21T17:40:00.000Z',
      state: 'raised',
      raisedAt: AT,
      raisedBy: WORKER,
      reasons: ['strangulation', 'injury'],
      detail: 'Disclosed being choked last week.',
      currentGrade: 3,
      recommendedGrade: 2,
      fromSuggestion: ['answer-dash-strangulation'],
      acknowledgement: null,
      linkedRegrade: null,
      outcome: null,
    })
    const detail = await must(d, 'incidents.get', { id })
    expect(detail.escalation.escalations).toEqual([escalation])
    expect(detail.row.openEscalation).toEqual({
      id: escalation.id,
      raisedAt: AT,
      acknowledgedAt: null,
      controller: null,
      recommendedGrade: 2,
      reasons: ['strangulation', 'injury'],
      regradeLinked: false,
    })
  })

  it('is audited without its free text, moves a new incident to reviewing and tells the page', async () => {
    const { d, id } = await ready()
    const escalation = await raise(d, id, { fromSuggestion: ['answer-dash-strangulation'] })
    expect(audits(d, id).slice(-2)).toEqual([
      {
        action: 'escalation.raise',
        actor: WORKER,
        detail: {
          escalationId: escalation.id,
          reasons: ['strangulation'],
          currentGrade: 3,
          recommendedGrade: 2,
          fromSuggestion: ['answer-dash-strangulation'],
        },
      },
      {
        action: 'incident.progress',
        actor: WORKER,
        detail: { from: 'new', to: 'reviewing', escalationId: escalation.id },
      },
    ])
    expect(JSON.stringify(audits(d, id))).not.toMatch(/choked/)
    expect(d.events.map((e) => e.event)).toEqual(['incidents.changed', 'incident.recordAdded'])
    expect(d.events[0]!.payload).toMatchObject({
      rows: [{ id, progress: 'reviewing', openEscalation: { id: escalation.id } }],
    })
  })

  it('takes an empty detail as none when no reason is “Other”', async () => {
    const { d, id } = await ready()
    expect((await raise(d, id, { detail: '  ' })).detail).toBeNull()
  })

  it('is refused before anyone signs in', async () => {
    const { d, id } = await ready()
    await must(d, 'session.signOut', {})
    await refused(d, 'escalations.raise', raiseRequest(id), 'not-signed-in', /Sign in/)
  })

  it('is refused for an incident that does not exist', async () => {
    const { d } = await ready()
    await refused(d, 'escalations.raise', raiseRequest(999), 'not-found', /No incident with id 999/)
  })

  it('needs the detail when a reason is “Other”', async () => {
    const { d, id } = await ready()
    const request = raiseRequest(id, { reasons: ['other'], detail: null })
    await refused(d, 'escalations.raise', request, 'bad-request', /“Other” reason/)
    await refused(d, 'escalations.raise', { ...request, detail: ' ' }, 'bad-request', /“Other”/)
  })

  it('needs a recommended grade higher than the current one', async () => {
    const { d, id } = await ready()
    for (const recommendedGrade of [3, 4] as const) {
      await refused(
        d,
        'escalations.raise',
        raiseRequest(id, { recommendedGrade }),
        'bad-request',
        /^The recommended grade \d \(\w+\) must be higher than the current grade 3 \(Scheduled\)\.$/,
      )
    }
  })

  it('is refused on a grade-1 incident: there is nothing higher', async () => {
    const { d, id } = await ready(1)
    await refused(
      d,
      'escalations.raise',
      raiseRequest(id, { recommendedGrade: 1 }),
      'bad-request',
      /already grade 1 \(Immediate\), the highest/,
    )
  })

  it('is refused when it names rules that are not in the table', async () => {
    const { d, id } = await ready()
    await refused(
      d,
      'escalations.raise',
      raiseRequest(id, { fromSuggestion: ['flag-weapon', 'made-up'] }),
      'bad-request',
      /Not escalation rules: “made-up”/,
    )
  })

  it('is refused with no reason or an unknown one', async () => {
    const { d, id } = await ready()
    await refused(
      d,
      'escalations.raise',
      raiseRequest(id, { reasons: [] }),
      'bad-request',
      /reasons/,
    )
    await refused(
      d,
      'escalations.raise',
      { ...raiseRequest(id), reasons: ['bad-vibes'] },
      'bad-request',
      /reasons/,
    )
  })

  it('is refused while another is open on the incident, naming the open one', async () => {
    const { d, id } = await ready()
    const open = await raise(d, id)
    const message =
      /^CL-20261121-0500 already has an open escalation, raised at 21\/11\/2026 18:00 by Jo Example \(Harbour\): record its outcome/
    await refused(d, 'escalations.raise', raiseRequest(id), 'bad-request', message)
    await acknowledge(d, open.id)
    await refused(
      d,
      'escalations.raise',
      raiseRequest(id),
      'bad-request',
      /acknowledged by PC 4512/,
    )
  })

  it('can be raised again once the earlier one is closed', async () => {
    const { d, id } = await ready()
    const first = await raise(d, id)
    await must(d, 'escalations.recordOutcome', {
      escalationId: first.id,
      outcome: 'withdrawn',
      grade: null,
      reason: 'Raised on the wrong incident.',
    })
    const second = await raise(d, id, { recommendedGrade: 1 })
    expect((await must(d, 'incidents.get', { id })).escalation.escalations).toMatchObject([
      { id: first.id, state: 'closed' },
      { id: second.id, state: 'raised', recommendedGrade: 1 },
    ])
  })
})

describe('the controller’s acknowledgement', () => {
  it('records the controller, the time and who recorded it, and tells the page', async () => {
    const { d, id } = await ready()
    const { id: escalationId } = await raise(d, id)
    d.setTime('2026-11-21T18:03:00Z')
    d.events.length = 0
    const acknowledged = await acknowledge(d, escalationId)
    expect(acknowledged).toMatchObject({
      state: 'acknowledged',
      acknowledgement: {
        at: '2026-11-21T18:03:00.000Z',
        controller: 'PC 4512 Shaw',
        recordedBy: WORKER,
      },
    })
    expect(audits(d, id).at(-1)).toEqual({
      action: 'escalation.acknowledge',
      actor: WORKER,
      detail: { escalationId },
    })
    expect(d.events[0]!.payload).toMatchObject({
      rows: [
        {
          openEscalation: {
            acknowledgedAt: '2026-11-21T18:03:00.000Z',
            controller: 'PC 4512 Shaw',
          },
        },
      ],
    })
  })

  it('needs the controller’s name or collar number', async () => {
    const { d, id } = await ready()
    const { id: escalationId } = await raise(d, id)
    for (const controller of ['', '   ']) {
      await refused(
        d,
        'escalations.acknowledge',
        { escalationId, controller },
        'bad-request',
        /controller/,
      )
    }
  })

  it('is refused for an escalation that does not exist', async () => {
    const { d } = await ready()
    await refused(
      d,
      'escalations.acknowledge',
      { escalationId: 42, controller: 'PC 1' },
      'not-found',
      /No escalation with id 42/,
    )
  })

  it('is refused a second time, naming the first', async () => {
    const { d, id } = await ready()
    const { id: escalationId } = await raise(d, id)
    await acknowledge(d, escalationId)
    await refused(
      d,
      'escalations.acknowledge',
      { escalationId, controller: 'Sgt 77' },
      'bad-request',
      /already acknowledged by PC 4512 Shaw at 21\/11\/2026 18:00/,
    )
  })

  it('is refused once the escalation is closed', async () => {
    const { d, id } = await ready()
    const { id: escalationId } = await raise(d, id)
    await must(d, 'escalations.recordOutcome', {
      escalationId,
      outcome: 'withdrawn',
      grade: null,
      reason: 'Victim now safe.',
    })
    await refused(
      d,
      'escalations.acknowledge',
      { escalationId, controller: 'PC 1' },
      'bad-request',
      /closed \(withdrawn by the worker\) at 21\/11\/2026 18:00 by Jo Example \(Harbour\): it takes no more steps/,
    )
  })
})

describe('the outcome', () => {
  async function acknowledged() {
    const { d, id } = await ready()
    const { id: escalationId } = await raise(d, id)
    await acknowledge(d, escalationId)
    return { d, id, escalationId }
  }
  const outcome = (
    escalationId: number,
    change: Partial<CallRequest<'escalations.recordOutcome'>>,
  ): CallRequest<'escalations.recordOutcome'> => ({
    escalationId,
    outcome: 'upgraded',
    grade: 2,
    reason: null,
    ...change,
  })

  it('closes it as upgraded to a grade, audited, and unpins the row', async () => {
    const { d, id, escalationId } = await acknowledged()
    d.setTime('2026-11-21T18:09:00Z')
    const closed = await must(d, 'escalations.recordOutcome', outcome(escalationId, {}))
    expect(closed).toMatchObject({
      state: 'closed',
      outcome: {
        outcome: 'upgraded',
        at: '2026-11-21T18:09:00.000Z',
        by: WORKER,
        grade: 2,
        reason: null,
      },
    })
    expect(audits(d, id).at(-1)).toEqual({
      action: 'escalation.outcome',
      actor: WORKER,
      detail: { escalationId, outcome: 'upgraded', grade: 2 },
    })
    expect((await must(d, 'incidents.get', { id })).row.openEscalation).toBeNull()
  })

  it('records an upgrade beyond the recommendation', async () => {
    const { d, escalationId } = await acknowledged()
    const closed = await must(d, 'escalations.recordOutcome', outcome(escalationId, { grade: 1 }))
    expect(closed.outcome).toMatchObject({ grade: 1 })
  })

  it.each([
    ['not-upgraded', 'No units free; police on the way.'],
    ['already-attended', null],
    ['already-attended', 'Officers arrived as I rang.'],
  ] as const)('closes it as %s (reason %j)', async (kind, reason) => {
    const { d, escalationId } = await acknowledged()
    const closed = await must(
      d,
      'escalations.recordOutcome',
      outcome(escalationId, { outcome: kind, grade: null, reason }),
    )
    expect(closed.outcome).toMatchObject({ outcome: kind, grade: null, reason })
  })

  it('lets the worker withdraw it before the acknowledgement, with a reason', async () => {
    const { d, id } = await ready()
    const { id: escalationId } = await raise(d, id)
    const closed = await must(
      d,
      'escalations.recordOutcome',
      outcome(escalationId, {
        outcome: 'withdrawn',
        grade: null,
        reason: 'Victim rang back safe.',
      }),
    )
    expect(closed).toMatchObject({ state: 'closed', acknowledgement: null })
  })

  it.each(['upgraded', 'not-upgraded', 'already-attended'] as const)(
    'refuses %s before the controller acknowledged it',
    async (kind) => {
      const { d, id } = await ready()
      const { id: escalationId } = await raise(d, id)
      await refused(
        d,
        'escalations.recordOutcome',
        outcome(escalationId, {
          outcome: kind,
          grade: kind === 'upgraded' ? 2 : null,
          reason: kind === 'not-upgraded' ? 'No units.' : null,
        }),
        'bad-request',
        /acknowledgement first: only a withdrawal can come before it/,
      )
    },
  )

  it('needs the grade for an upgrade, above the grade when raised', async () => {
    const { d, escalationId } = await acknowledged()
    const name = 'escalations.recordOutcome'
    await refused(d, name, outcome(escalationId, { grade: null }), 'bad-request', /Give the grade/)
    for (const grade of [3, 4] as const) {
      await refused(
        d,
        name,
        outcome(escalationId, { grade }),
        'bad-request',
        /higher than grade 3 \(Scheduled\), the grade when the escalation was raised/,
      )
    }
  })

  it.each(['not-upgraded', 'already-attended', 'withdrawn'] as const)(
    'refuses a grade with %s',
    async (kind) => {
      const { d, escalationId } = await acknowledged()
      await refused(
        d,
        'escalations.recordOutcome',
        outcome(escalationId, { outcome: kind, grade: 2, reason: 'Because.' }),
        'bad-request',
        /grade is given only when the response was upgraded/,
      )
    },
  )

  it.each([
    ['not-upgraded', /why the controller did not upgrade/],
    ['withdrawn', /why you are withdrawing/],
  ] as const)('needs a reason for %s', async (kind, message) => {
    const { d, escalationId } = await acknowledged()
    for (const reason of [null, '', '   ']) {
      await refused(
        d,
        'escalations.recordOutcome',
        outcome(escalationId, { outcome: kind, grade: null, reason }),
        'bad-request',
        message,
      )
    }
  })

  it('is refused for an escalation that does not exist', async () => {
    const { d } = await ready()
    await refused(d, 'escalations.recordOutcome', outcome(7, {}), 'not-found', /No escalation/)
  })

  it.each([
    ['upgraded', 1, null],
    ['not-upgraded', null, 'Changed my mind.'],
    ['already-attended', null, null],
    ['withdrawn', null, 'Changed my mind.'],
  ] as const)('takes no second outcome (%s) once closed', async (kind, grade, reason) => {
    const { d, escalationId } = await acknowledged()
    await must(d, 'escalations.recordOutcome', outcome(escalationId, {}))
    await refused(
      d,
      'escalations.recordOutcome',
      outcome(escalationId, { outcome: kind, grade, reason }),
      'bad-request',
      /closed \(upgraded\) .* it takes no more steps/,
    )
  })
})

describe('setting a suggestion aside', () => {
  it('records the rules and why, shows them on the incident and is audited without the reason', async () => {
    const { d, id } = await ready()
    const dismissal = await must(d, 'escalations.dismissSuggestion', {
      incidentId: id,
      ruleIds: ['flag-weapon', 'contact-lost', 'flag-weapon'],
      reason: 'Weapon was a kitchen knife, now with police.',
    })
    expect(dismissal).toEqual({
      id: expect.any(Number),
      incidentId: id,
      ruleIds: ['flag-weapon', 'contact-lost'],
      reason: 'Weapon was a kitchen knife, now with police.',
      at: AT,
      by: WORKER,
    })
    expect(audits(d, id).slice(-2)).toEqual([
      {
        action: 'escalation.dismissSuggestion',
        actor: WORKER,
        detail: { dismissalId: dismissal.id, ruleIds: ['flag-weapon', 'contact-lost'] },
      },
      expect.objectContaining({ action: 'incident.progress' }),
    ])
    expect((await must(d, 'incidents.get', { id })).escalation.dismissals).toEqual([dismissal])
  })

  it('is refused for rules not in the table, an empty reason or no incident', async () => {
    const { d, id } = await ready()
    const name = 'escalations.dismissSuggestion'
    const request = { incidentId: id, ruleIds: ['flag-weapon'], reason: 'Old flag.' }
    await refused(d, name, { ...request, ruleIds: ['nope'] }, 'bad-request', /“nope”/)
    await refused(d, name, { ...request, ruleIds: [] }, 'bad-request', /ruleIds/)
    await refused(d, name, { ...request, reason: ' ' }, 'bad-request', /reason/)
    await refused(d, name, { ...request, incidentId: 404 }, 'not-found', /No incident/)
  })
})

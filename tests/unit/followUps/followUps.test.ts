// Six-week follow-up calls through the desk, as the page drives them: scheduled when a contact
// with a medium-risk victim ends, listed while open, called until an outcome closes them. What
// breaks the rules is refused with a clear message and changes nothing.
import { describe, expect, it } from 'vitest'
import { addIncident, call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'

const DASH = [
  'dash-injury',
  'dash-frightened',
  'dash-fear-of-what',
  'dash-isolated',
  'dash-low-mood',
  'dash-separation',
  'dash-child-contact',
  'dash-stalking',
  'dash-pregnancy',
  'dash-more-often',
  'dash-getting-worse',
  'dash-control',
  'dash-weapons',
  'dash-threats-to-kill',
]

async function ready() {
  const d = testDesk()
  await signIn(d)
  const id = await addIncident(d)
  return { d, id }
}

async function answerDash(d: TestDesk, incidentId: number, yes: number) {
  for (const [i, questionId] of DASH.entries()) {
    await must(d, 'script.answer', {
      incidentId,
      scriptVersion: '1',
      questionId,
      value: i < yes ? 'yes' : 'no',
    })
  }
}

const endContact = (d: TestDesk, incidentId: number) =>
  must(d, 'contact.recordOutcome', { incidentId, outcome: 'safety-plan-agreed', note: null })

/** Every row of every table: what "changed nothing" means. */
const dumpDatabase = (db: TestDesk['db']) =>
  JSON.stringify(
    (
      db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
        .pluck()
        .all() as string[]
    ).map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]),
  )

const auditActions = (d: TestDesk) =>
  d.db
    .prepare<[], { action: string; detail: string }>(
      `SELECT action, detail FROM audit_log WHERE action LIKE 'followUp.%' ORDER BY id`,
    )
    .all()

describe('scheduling after a contact', () => {
  it('schedules a follow-up 42 days on when a contact with a medium-risk victim ends', async () => {
    const { d, id } = await ready()
    await answerDash(d, id, 11)
    await endContact(d, id)
    const [followUp] = await must(d, 'followUps.list', {})
    expect(followUp).toMatchObject({
      incidentId: id,
      incidentRef: 'CL-20261121-0999',
      dueOn: '2027-01-02',
      scheduledFor: '2027-01-02',
      riskLevel: 'medium',
      reason: null,
      status: 'open',
      scheduledBy: 'Jo Example (Harbour)',
      calls: [],
    })
    expect(auditActions(d)).toEqual([
      {
        action: 'followUp.schedule',
        detail: JSON.stringify({ followUpId: followUp!.id, dueOn: '2027-01-02', automatic: true }),
      },
    ])
  })

  it('schedules none for standard risk, for high risk, or for high risk by judgement', async () => {
    const { d, id } = await ready()
    await answerDash(d, id, 9)
    await endContact(d, id)
    const high = await addIncident(d, 'CL-20261121-1000')
    await answerDash(d, high, 14)
    await endContact(d, high)
    const judged = await addIncident(d, 'CL-20261121-1001')
    await answerDash(d, judged, 12)
    await must(d, 'risk.judge', { incidentId: judged, high: true, reason: 'Threats to kill.' })
    await endContact(d, judged)
    expect(await must(d, 'followUps.list', {})).toEqual([])
  })

  it('counts the days on the London calendar across the change from BST', async () => {
    const { d, id } = await ready()
    await answerDash(d, id, 10)
    // 00:30 on Saturday 26/09/2026 in London, still the 25th in UTC; the clocks go back on 25/10.
    d.setTime('2026-09-25T23:30:00Z')
    await endContact(d, id)
    const [followUp] = await must(d, 'followUps.list', {})
    expect(followUp!.dueOn).toBe('2026-11-07')
  })

  it('uses the days set in Settings, and refuses a number outside 7 to 120', async () => {
    const { d, id } = await ready()
    await must(d, 'settings.update', { followUpDays: 7 })
    for (const followUpDays of [6, 121, 42.5]) {
      const refused = await call(d, 'settings.update', { followUpDays })
      expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect((await must(d, 'settings.get', {})).followUpDays).toBe(7)
    await answerDash(d, id, 10)
    await endContact(d, id)
    expect((await must(d, 'followUps.list', {}))[0]!.dueOn).toBe('2026-11-28')
  })

  it('keeps one open follow-up per incident when a second contact ends', async () => {
    const { d, id } = await ready()
    await answerDash(d, id, 10)
    await endContact(d, id)
    d.setTime('2026-11-23T09:00:00Z')
    await endContact(d, id)
    const all = await must(d, 'followUps.ofIncident', { incidentId: id })
    expect(all.map((f) => [f.dueOn, f.status])).toEqual([['2027-01-02', 'open']])
    // The database itself refuses a second open one.
    expect(() =>
      d.db
        .prepare(
          `INSERT INTO follow_ups (incident_id, due_on, risk_level, at, recorded_by)
           VALUES (?, '2027-01-09', 'medium', '2026-11-23T09:00:00Z', 'x')`,
        )
        .run(id),
    ).toThrow('already has an open follow-up')
  })
})

describe('by hand', () => {
  it('reschedules the open follow-up with a reason, keeping the old one as rescheduled', async () => {
    const { d, id } = await ready()
    const first = await must(d, 'followUps.schedule', {
      incidentId: id,
      dueOn: '2026-12-01',
      reason: 'Worried about the court date.',
    })
    expect(first).toMatchObject({ riskLevel: 'standard', reason: 'Worried about the court date.' })
    const second = await must(d, 'followUps.schedule', {
      incidentId: id,
      dueOn: '2026-12-08',
      reason: 'Victim away that week.',
    })
    expect(second).toMatchObject({ replaces: first.id, dueOn: '2026-12-08', status: 'open' })
    const all = await must(d, 'followUps.ofIncident', { incidentId: id })
    expect(all.map((f) => [f.status, f.closedReason])).toEqual([
      ['rescheduled', 'Victim away that week.'],
      ['open', null],
    ])
    const cancelled = await must(d, 'followUps.cancel', {
      followUpId: second.id,
      reason: 'Victim asked for no more calls.',
    })
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      closedReason: 'Victim asked for no more calls.',
    })
    expect(await must(d, 'followUps.list', {})).toEqual([])
    expect(auditActions(d).map((a) => a.action)).toEqual([
      'followUp.schedule',
      'followUp.schedule',
      'followUp.cancel',
    ])
  })

  it('refuses a day in the past, not on the calendar or over a year ahead, changing nothing', async () => {
    const { d, id } = await ready()
    const before = dumpDatabase(d.db)
    for (const dueOn of ['2026-11-20', '2026-02-29', '2027-11-23']) {
      const refused = await call(d, 'followUps.schedule', { incidentId: id, dueOn, reason: 'x' })
      expect(refused, dueOn).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    for (const request of [
      { incidentId: id, dueOn: '21/11/2026', reason: 'x' },
      { incidentId: id, dueOn: '2026-12-01', reason: '   ' },
      { incidentId: id, dueOn: '2026-12-01' },
    ]) {
      expect(await call(d, 'followUps.schedule', request)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      })
    }
    expect(
      await call(d, 'followUps.schedule', { incidentId: 999, dueOn: '2026-12-01', reason: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(dumpDatabase(d.db)).toBe(before)
  })
})

describe('the follow-up call', () => {
  async function due() {
    const { d, id } = await ready()
    await answerDash(d, id, 10)
    await endContact(d, id)
    const [followUp] = await must(d, 'followUps.list', {})
    d.setTime('2027-01-02T10:00:00Z')
    return { d, id, followUpId: followUp!.id }
  }

  it('keeps its answers apart from the first contact and closes on reached and supported', async () => {
    const { d, id, followUpId } = await due()
    await must(d, 'followUps.answer', {
      followUpId,
      scriptVersion: '1',
      questionId: 'safety-can-talk',
      value: 'yes',
    })
    await must(d, 'followUps.answer', {
      followUpId,
      scriptVersion: '1',
      questionId: 'update-notes',
      value: 'Court date set for March.',
    })
    const notReached = await must(d, 'followUps.recordCall', {
      followUpId,
      outcome: 'not-reached',
      tryAgainOn: '2027-01-04',
      note: null,
    })
    expect(notReached.tryAgainOn).toBe('2027-01-04')
    const [stillOpen] = await must(d, 'followUps.list', {})
    expect(stillOpen).toMatchObject({ dueOn: '2027-01-04', scheduledFor: '2027-01-02' })
    expect(stillOpen!.calls).toHaveLength(1)
    await must(d, 'followUps.recordCall', {
      followUpId,
      outcome: 'reached-supported',
      tryAgainOn: null,
      note: 'Wants to hear from the IDVA.',
    })
    expect(await must(d, 'followUps.list', {})).toEqual([])
    const [done] = await must(d, 'followUps.ofIncident', { incidentId: id })
    expect(done!.status).toBe('completed')
    expect(done!.answers.map((a) => [a.scriptId, a.questionId, a.value])).toEqual([
      ['follow-up', 'safety-can-talk', 'yes'],
      ['follow-up', 'update-notes', 'Court date set for March.'],
    ])
    const detail = await must(d, 'incidents.get', { id })
    expect(detail.script.answers.some((a) => a.questionId === 'safety-can-talk')).toBe(false)
    expect(detail.script.risk.yesCount).toBe(10)
  })

  it('refuses the outcome rules broken, and any call or answer once it is closed', async () => {
    const { d, followUpId } = await due()
    const before = dumpDatabase(d.db)
    const refusals = [
      { outcome: 'not-reached', tryAgainOn: null },
      { outcome: 'not-safe', tryAgainOn: null },
      { outcome: 'reached-declined', tryAgainOn: '2027-01-05' },
      { outcome: 'not-safe', tryAgainOn: '2027-01-01' },
      { outcome: 'not-reached', tryAgainOn: '2027-02-30' },
    ]
    for (const r of refusals) {
      const refused = await call(d, 'followUps.recordCall', { followUpId, note: null, ...r })
      expect(refused, JSON.stringify(r)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      })
    }
    for (const r of [
      { questionId: 'dash-injury', value: 'yes' },
      { questionId: 'update-given', value: 'perhaps' },
    ]) {
      const refused = await call(d, 'followUps.answer', { followUpId, scriptVersion: '1', ...r })
      expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect(dumpDatabase(d.db)).toBe(before)
    await must(d, 'followUps.recordCall', {
      followUpId,
      outcome: 'wrong-number',
      tryAgainOn: null,
      note: null,
    })
    const closed = dumpDatabase(d.db)
    expect(
      await call(d, 'followUps.recordCall', {
        followUpId,
        outcome: 'reached-supported',
        tryAgainOn: null,
        note: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'This follow-up is already completed.' },
    })
    expect(await call(d, 'followUps.cancel', { followUpId, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(dumpDatabase(d.db)).toBe(closed)
  })

  it('takes referrals through referrals.add on the same incident', async () => {
    const { d, id, followUpId } = await due()
    await must(d, 'referrals.add', {
      incidentId: id,
      service: 'da-service',
      otherService: null,
      decision: 'consented',
      detail: null,
    })
    await must(d, 'followUps.recordCall', {
      followUpId,
      outcome: 'reached-supported',
      tryAgainOn: null,
      note: null,
    })
    const detail = await must(d, 'incidents.get', { id })
    expect(detail.script.referrals.map((r) => r.service)).toEqual(['da-service'])
  })
})

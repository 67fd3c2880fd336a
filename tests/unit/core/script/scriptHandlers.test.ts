// Recording with the script through the desk: answers checked against the script in force,
// risk on the incident, referrals and outcomes, progress, events, and resuming an interrupted call.
import { describe, expect, it } from 'vitest'
import { addIncident, call, closeDesk, must, signIn, testDesk } from '../../../support/desk.ts'
import type { TestDesk } from '../../../support/desk.ts'

async function ready(dataDir?: string): Promise<{ d: TestDesk; id: number }> {
  const d = testDesk(dataDir)
  await signIn(d)
  const id = await addIncident(d)
  return { d, id }
}

const answer = (incidentId: number, questionId: string, value: string, scriptVersion = '1') => ({
  incidentId,
  scriptVersion,
  questionId,
  value,
})

const count = (d: TestDesk, table: string) =>
  (d.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

const progress = async (d: TestDesk, id: number) =>
  (await must(d, 'incidents.get', { id })).row.progress

describe('answering the script', () => {
  it('records the answer with the script version, time and worker, and shows it on the incident', async () => {
    const { d, id } = await ready()
    const given = await must(d, 'script.answer', answer(id, 'safety-can-talk', 'yes'))
    expect(given).toEqual({
      id: expect.any(Number),
      incidentId: id,
      scriptId: 'safe-contact',
      scriptVersion: '1',
      questionId: 'safety-can-talk',
      value: 'yes',
      at: '2026-11-21T18:00:00.000Z',
      by: 'Jo Example (Harbour)',
    })
    expect((await must(d, 'incidents.get', { id })).script.answers).toEqual([given])
  })

  it('stores an agreed safe time in UTC', async () => {
    const { d, id } = await ready()
    const given = await must(
      d,
      'script.answer',
      answer(id, 'unsafe-safe-time', '2026-07-04T19:00:00+01:00'),
    )
    expect(given.value).toBe('2026-07-04T18:00:00.000Z')
  })

  it('moves a new incident to reviewing, audited, and pushes the row and the new record', async () => {
    const { d, id } = await ready()
    d.events.length = 0
    const given = await must(d, 'script.answer', answer(id, 'dash-injury', 'yes'))
    const audit = d.db
      .prepare(`SELECT action, actor, detail FROM audit_log WHERE incident_id = ? ORDER BY id`)
      .all(id)
      .slice(-2)
    expect(audit).toEqual([
      {
        action: 'script.answer',
        actor: 'Jo Example (Harbour)',
        detail: JSON.stringify({
          answerId: given.id,
          questionId: 'dash-injury',
          scriptVersion: '1',
        }),
      },
      {
        action: 'incident.progress',
        actor: 'Jo Example (Harbour)',
        detail: JSON.stringify({ from: 'new', to: 'reviewing', answerId: given.id }),
      },
    ])
    expect(d.events).toEqual([
      {
        event: 'incidents.changed',
        payload: { rows: [expect.objectContaining({ id, progress: 'reviewing' })], flashIds: [] },
      },
      { event: 'incident.recordAdded', payload: { incidentId: id } },
    ])
    expect(await progress(d, id)).toBe('reviewing')
  })

  it.each([
    ['an answer for another script version', answer(1, 'dash-injury', 'yes', '2'), /version 2/],
    ['an unknown question', answer(1, 'dash-shoe-size', 'yes'), /not a question/],
    ['“maybe” to a yes-no question', answer(1, 'safety-can-talk', 'maybe'), /one of: yes, no/],
    ['“sometimes” to a DASH question', answer(1, 'dash-injury', 'sometimes'), /not-known/],
    ['a choice that is not offered', answer(1, 'unsafe-method', 'carrier-pigeon'), /one of/],
    ['a time without a time zone', answer(1, 'unsafe-safe-time', '2026-11-21T20:00'), /time zone/],
    ['an empty text answer', answer(1, 'plan-notes', '   '), /empty/],
    ['an over-long text answer', answer(1, 'plan-notes', 'x'.repeat(2001)), /Invalid request/],
  ])('refuses %s as a bad request and changes nothing', async (_what, request, message) => {
    const { d, id } = await ready()
    expect(id).toBe(1)
    d.events.length = 0
    expect(await call(d, 'script.answer', request)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(message) },
    })
    expect(count(d, 'script_answers')).toBe(0)
    expect(await progress(d, id)).toBe('new')
    expect(d.events).toEqual([])
  })

  it('needs a signed-in worker and a real incident', async () => {
    const { d, id } = await ready()
    expect(await call(d, 'script.answer', answer(999, 'dash-injury', 'yes'))).toMatchObject({
      error: { code: 'not-found' },
    })
    await must(d, 'session.signOut', {})
    expect(await call(d, 'script.answer', answer(id, 'dash-injury', 'yes'))).toMatchObject({
      error: { code: 'not-signed-in' },
    })
    expect(count(d, 'script_answers')).toBe(0)
  })

  it('gives the script in force, for the page to follow', async () => {
    const d = testDesk()
    const script = await must(d, 'script.get', {})
    expect(script).toMatchObject({ id: 'safe-contact', version: '1', firstStep: 'safety' })
  })
})

describe('risk on the incident', () => {
  it('shows the DASH count and level, a judgement making it high, and the MARAC prompt until referred', async () => {
    const { d, id } = await ready()
    await must(d, 'script.answer', answer(id, 'dash-strangulation', 'yes'))
    await must(d, 'script.answer', answer(id, 'dash-threats-to-kill', 'yes'))
    let risk = (await must(d, 'incidents.get', { id })).script.risk
    expect(risk).toEqual({
      yesCount: 2,
      answered: 2,
      total: 24,
      level: 'standard',
      byJudgement: false,
      maracPrompt: false,
    })
    const judged = await must(d, 'risk.judge', {
      incidentId: id,
      high: true,
      reason: 'Strangulation and threats to kill.',
    })
    expect(judged).toMatchObject({ high: true, by: 'Jo Example (Harbour)' })
    risk = (await must(d, 'incidents.get', { id })).script.risk
    expect(risk).toMatchObject({ level: 'high', byJudgement: true, maracPrompt: true })
    await must(d, 'referrals.add', {
      incidentId: id,
      service: 'marac',
      otherService: null,
      decision: 'consented',
      detail: null,
    })
    const detail = await must(d, 'incidents.get', { id })
    expect(detail.script.risk.maracPrompt).toBe(false)
    expect(detail.script.judgements).toEqual([judged])
  })
})

describe('referrals', () => {
  const referral = (incidentId: number, overrides: Record<string, unknown> = {}) => ({
    incidentId,
    service: 'idva',
    otherService: null,
    decision: 'consented',
    detail: null,
    ...overrides,
  })

  it('records a referral, or why there was none', async () => {
    const { d, id } = await ready()
    const other = await must(
      d,
      'referrals.add',
      referral(id, { service: 'other', otherService: 'Victim Care Hub' }),
    )
    const supported = await must(
      d,
      'referrals.add',
      referral(id, { decision: 'already-supported', detail: 'Harbour outreach' }),
    )
    expect(other).toMatchObject({ service: 'other', otherService: 'Victim Care Hub' })
    expect((await must(d, 'incidents.get', { id })).script.referrals).toEqual([other, supported])
  })

  it.each([
    ['an “Other” referral with no service named', { service: 'other' }, /Name the service/],
    ['a service name on a referral that is not “Other”', { otherService: 'Refuge' }, /Only/],
    ['already supported without by whom', { decision: 'already-supported', detail: '' }, /who/],
    ['declined without the reason', { decision: 'declined' }, /why/],
  ])('refuses %s and stores nothing', async (_what, overrides, message) => {
    const { d, id } = await ready()
    expect(await call(d, 'referrals.add', referral(id, overrides))).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(message) },
    })
    expect(count(d, 'referrals')).toBe(0)
  })
})

describe('outcomes', () => {
  it('records how the call ended without moving the worker’s progress', async () => {
    const { d, id } = await ready()
    await must(d, 'incidents.setProgress', { id, progress: 'contacted' })
    const moved = await must(d, 'contact.recordOutcome', {
      incidentId: id,
      outcome: 'moved-to-safety',
      note: 'Taken to her sister’s.',
    })
    const plan = await must(d, 'contact.recordOutcome', {
      incidentId: id,
      outcome: 'safety-plan-agreed',
      note: '',
    })
    expect(plan.note).toBeNull()
    const detail = await must(d, 'incidents.get', { id })
    expect(detail.script.outcomes).toEqual([moved, plan])
    expect(detail.row.progress).toBe('contacted')
    const fresh = await addIncident(d, 'CL-20261121-1000')
    await must(d, 'contact.recordOutcome', {
      incidentId: fresh,
      outcome: 'ended-unsafe',
      note: null,
    })
    expect(await progress(d, fresh)).toBe('new')
  })
})

describe('resuming an interrupted call', () => {
  it('keeps the step the worker was on after the desk is closed and opened again', async () => {
    const { d, id } = await ready()
    expect((await must(d, 'incidents.get', { id })).script.stepId).toBeNull()
    await must(d, 'script.setStep', { incidentId: id, stepId: 'introduction' })
    await must(d, 'script.setStep', { incidentId: id, stepId: 'risk' })
    await closeDesk(d)

    const again = testDesk(d.dataDir)
    await signIn(again)
    expect((await must(again, 'incidents.get', { id })).script.stepId).toBe('risk')
  })

  it('refuses a step that is not in the script', async () => {
    const { d, id } = await ready()
    expect(await call(d, 'script.setStep', { incidentId: id, stepId: 'hang-up' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/not a step/) },
    })
    expect(count(d, 'script_positions')).toBe(0)
  })
})

describe('the record stays as it was written', () => {
  it.each(['script_answers', 'risk_judgements', 'referrals', 'contact_outcomes'])(
    'the database refuses to change, delete or replace rows of %s',
    async (table) => {
      const { d, id } = await ready()
      await must(d, 'script.answer', answer(id, 'dash-injury', 'yes'))
      await must(d, 'risk.judge', { incidentId: id, high: false, reason: 'Low count.' })
      await must(d, 'referrals.add', {
        incidentId: id,
        service: 'idva',
        otherService: null,
        decision: 'consented',
        detail: null,
      })
      await must(d, 'contact.recordOutcome', {
        incidentId: id,
        outcome: 'advice-given',
        note: null,
      })
      const before = d.db.prepare(`SELECT * FROM ${table}`).all()
      expect(before).toHaveLength(1)
      expect(() => d.db.prepare(`UPDATE ${table} SET at = 'x'`).run()).toThrow(/append-only/)
      expect(() => d.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/)
      const row = before[0] as Record<string, unknown>
      const columns = Object.keys(row)
      expect(() =>
        d.db
          .prepare(
            `INSERT OR REPLACE INTO ${table} (${columns.join(', ')})
             VALUES (${columns.map((c) => `:${c}`).join(', ')})`,
          )
          .run(row),
      ).toThrow(/append-only/)
      expect(d.db.prepare(`SELECT * FROM ${table}`).all()).toEqual(before)
    },
  )
})

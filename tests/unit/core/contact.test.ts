// Contact attempts: what the worker records after each call, what the queue shows from them, and
// that the record stays as it was written.
import { describe, expect, it } from 'vitest'
import type { QueueRow } from '../../../shared/domain.ts'
import { addIncident, call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'

const attempt = (incidentId: number, overrides: Record<string, unknown> = {}) => ({
  incidentId,
  number: '07700 900789',
  result: 'no-answer',
  callBackAt: null,
  note: null,
  ...overrides,
})

async function ready(): Promise<{ d: TestDesk; id: number }> {
  const d = testDesk()
  await signIn(d)
  const id = await addIncident(d)
  return { d, id }
}

const row = async (d: TestDesk, id: number): Promise<QueueRow> =>
  (await must(d, 'incidents.list', {})).find((r) => r.id === id)!

const countAttempts = (d: TestDesk) =>
  (d.db.prepare(`SELECT count(*) AS n FROM contact_attempts`).get() as { n: number }).n

describe('logging a contact attempt', () => {
  it('records the number, result, note, time and worker, and shows it on the incident', async () => {
    const { d, id } = await ready()
    const logged = await must(
      d,
      'contact.logAttempt',
      attempt(id, { result: 'unsafe-to-talk', note: '  Whispered “not now”.  ' }),
    )
    expect(logged).toEqual({
      id: expect.any(Number),
      incidentId: id,
      at: '2026-11-21T18:00:00.000Z',
      number: '07700 900789',
      result: 'unsafe-to-talk',
      callBackAt: null,
      note: 'Whispered “not now”.',
      by: 'Jo Example (Harbour)',
    })
    const detail = await must(d, 'incidents.get', { id })
    expect(detail.attempts).toEqual([logged])
  })

  it('keeps attempts in the order they were made', async () => {
    const { d, id } = await ready()
    await must(d, 'contact.logAttempt', attempt(id, { result: 'no-answer' }))
    d.setTime('2026-11-21T18:10:00Z')
    await must(d, 'contact.logAttempt', attempt(id, { result: 'engaged', note: '' }))
    const detail = await must(d, 'incidents.get', { id })
    expect(detail.attempts.map((a) => [a.at, a.result, a.note])).toEqual([
      ['2026-11-21T18:00:00.000Z', 'no-answer', null],
      ['2026-11-21T18:10:00.000Z', 'engaged', null],
    ])
  })

  it('is written to the audit log with who made it', async () => {
    const { d, id } = await ready()
    const logged = await must(d, 'contact.logAttempt', attempt(id))
    const entry = d.db
      .prepare(`SELECT actor, incident_id, detail FROM audit_log WHERE action = 'contact.attempt'`)
      .get()
    expect(entry).toEqual({
      actor: 'Jo Example (Harbour)',
      incident_id: id,
      detail: JSON.stringify({ attemptId: logged.id, result: 'no-answer' }),
    })
  })

  it('pushes the updated queue row and tells any open view a record was added', async () => {
    const { d, id } = await ready()
    d.events.length = 0
    await must(d, 'contact.logAttempt', attempt(id))
    expect(d.events).toEqual([
      {
        event: 'incidents.changed',
        payload: { rows: [expect.objectContaining({ id, attempts: 1 })], flashIds: [] },
      },
      { event: 'incident.recordAdded', payload: { incidentId: id } },
    ])
  })

  it('says when the incident does not exist, and stores nothing', async () => {
    const { d } = await ready()
    expect(await call(d, 'contact.logAttempt', attempt(999))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(countAttempts(d)).toBe(0)
  })

  it('needs a signed-in worker', async () => {
    const { d, id } = await ready()
    await must(d, 'session.signOut', {})
    expect(await call(d, 'contact.logAttempt', attempt(id))).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    })
    expect(countAttempts(d)).toBe(0)
  })

  it.each([
    ['an unknown result', { result: 'left-voicemail' }],
    ['an extra key', { by: 'Someone Else' }],
    ['a number that is not text', { number: 7700900789 }],
    ['a blank number', { number: '   ' }],
    ['an over-long number', { number: '0'.repeat(41) }],
    ['a call-back that is not a time', { callBackAt: 'at seven' }],
    ['a call-back without a time zone', { callBackAt: '2026-11-21T19:00:00' }],
    ['an over-long note', { note: 'x'.repeat(2001) }],
    ['an incident id that is not a whole number', { incidentId: 1.5 }],
  ])('refuses %s as a bad request and stores nothing', async (_what, overrides) => {
    const { d, id } = await ready()
    expect(await call(d, 'contact.logAttempt', attempt(id, overrides))).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect(countAttempts(d)).toBe(0)
    expect((await row(d, id)).progress).toBe('new')
  })
})

describe('the worker’s progress after an attempt', () => {
  it('moves a new incident to reviewing when the call did not reach the victim', async () => {
    const { d, id } = await ready()
    await must(d, 'contact.logAttempt', attempt(id, { result: 'no-answer' }))
    expect((await row(d, id)).progress).toBe('reviewing')
  })

  it('moves to contacted when the worker spoke to the victim, and audits the move', async () => {
    const { d, id } = await ready()
    const logged = await must(d, 'contact.logAttempt', attempt(id, { result: 'spoke-to-victim' }))
    expect((await row(d, id)).progress).toBe('contacted')
    const moves = d.db
      .prepare(`SELECT actor, detail FROM audit_log WHERE action = 'incident.progress'`)
      .all()
    expect(moves).toEqual([
      {
        actor: 'Jo Example (Harbour)',
        detail: JSON.stringify({ from: 'new', to: 'contacted', attemptId: logged.id }),
      },
    ])
  })

  it('stays contacted when a later call goes unanswered', async () => {
    const { d, id } = await ready()
    await must(d, 'contact.logAttempt', attempt(id, { result: 'spoke-to-victim' }))
    await must(d, 'contact.logAttempt', attempt(id, { result: 'no-answer' }))
    expect((await row(d, id)).progress).toBe('contacted')
  })

  it('leaves an incident the worker marked done as done', async () => {
    const { d, id } = await ready()
    await must(d, 'incidents.setProgress', { id, progress: 'done' })
    await must(d, 'contact.logAttempt', attempt(id, { result: 'spoke-to-victim' }))
    expect((await row(d, id)).progress).toBe('done')
    const moves = d.db
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'incident.progress'`)
      .get()
    expect(moves).toEqual({ n: 1 })
  })
})

describe('call-backs', () => {
  it('shows the attempts, the last attempt and the agreed call-back on the queue row', async () => {
    const { d, id } = await ready()
    expect(await row(d, id)).toMatchObject({ attempts: 0, lastAttemptAt: null, callBackAt: null })
    await must(d, 'contact.logAttempt', attempt(id, { result: 'no-answer' }))
    d.setTime('2026-11-21T18:05:00Z')
    await must(
      d,
      'contact.logAttempt',
      attempt(id, { result: 'unsafe-to-talk', callBackAt: '2026-11-21T20:30:00+00:00' }),
    )
    expect(await row(d, id)).toMatchObject({
      attempts: 2,
      lastAttemptAt: '2026-11-21T18:05:00.000Z',
      callBackAt: '2026-11-21T20:30:00.000Z',
    })
  })

  it('clears the call-back from the row once a later attempt agrees none', async () => {
    const { d, id } = await ready()
    await must(
      d,
      'contact.logAttempt',
      attempt(id, { result: 'unsafe-to-talk', callBackAt: '2026-11-21T20:30:00Z' }),
    )
    d.setTime('2026-11-21T20:31:00Z')
    await must(d, 'contact.logAttempt', attempt(id, { result: 'spoke-to-victim' }))
    expect(await row(d, id)).toMatchObject({ attempts: 2, callBackAt: null })
  })

  it('stores a call-back given with a UK summer-time offset in UTC', async () => {
    const { d, id } = await ready()
    d.setTime('2026-07-04T16:00:00Z')
    const logged = await must(
      d,
      'contact.logAttempt',
      attempt(id, { result: 'call-dropped', callBackAt: '2026-07-04T19:00:00+01:00' }),
    )
    expect(logged.callBackAt).toBe('2026-07-04T18:00:00.000Z')
  })

  it.each(['spoke-to-victim', 'no-answer', 'engaged', 'call-dropped', 'spoke-to-third-party'])(
    'can be agreed after a %s attempt',
    async (result) => {
      const { d, id } = await ready()
      const logged = await call(
        d,
        'contact.logAttempt',
        attempt(id, { result, callBackAt: '2026-11-21T19:00:00Z' }),
      )
      expect(logged).toMatchObject({ ok: true, value: { callBackAt: '2026-11-21T19:00:00.000Z' } })
    },
  )

  it.each(['wrong-number', 'declined'])(
    'are refused after a %s attempt, and nothing is stored',
    async (result) => {
      const { d, id } = await ready()
      const refused = await call(
        d,
        'contact.logAttempt',
        attempt(id, { result, callBackAt: '2026-11-21T19:00:00Z' }),
      )
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'bad-request', message: expect.stringMatching(/call-back cannot be set/) },
      })
      expect(countAttempts(d)).toBe(0)
    },
  )

  it('refuse a time more than five minutes in the past, and store nothing', async () => {
    const { d, id } = await ready()
    const refused = await call(
      d,
      'contact.logAttempt',
      attempt(id, { result: 'unsafe-to-talk', callBackAt: '2026-11-21T17:54:59Z' }),
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/in the past/) },
    })
    expect(countAttempts(d)).toBe(0)
  })

  it('accept a time typed a moment ago, within five minutes', async () => {
    const { d, id } = await ready()
    const logged = await call(
      d,
      'contact.logAttempt',
      attempt(id, { result: 'unsafe-to-talk', callBackAt: '2026-11-21T17:56:00Z' }),
    )
    expect(logged.ok).toBe(true)
  })
})

describe('the record of attempts', () => {
  it('cannot be changed or deleted, even with SQL straight to the database', async () => {
    const { d, id } = await ready()
    await must(d, 'contact.logAttempt', attempt(id, { result: 'no-answer' }))
    const before = d.db.prepare(`SELECT * FROM contact_attempts`).all()
    for (const sql of [
      `UPDATE contact_attempts SET result = 'spoke-to-victim'`,
      `DELETE FROM contact_attempts`,
      `INSERT OR REPLACE INTO contact_attempts (id, incident_id, at, number, result, recorded_by)
       SELECT id, incident_id, at, number, 'declined', recorded_by FROM contact_attempts`,
    ]) {
      expect(() => d.db.prepare(sql).run()).toThrow(/append-only/)
    }
    expect(d.db.prepare(`SELECT * FROM contact_attempts`).all()).toEqual(before)
  })

  it('has no call that edits or deletes an attempt or a note', async () => {
    const { d, id } = await ready()
    const recordCalls = Object.keys(d.handlers).filter((n) => /^(contact|notes)\./.test(n))
    expect(recordCalls.sort()).toEqual([
      'contact.logAttempt',
      'contact.recordOutcome',
      'notes.add',
      'notes.markActionDone',
      'notes.saveDraft',
    ])
    for (const name of ['contact.deleteAttempt', 'notes.update', 'notes.delete']) {
      expect(await call(d, name, { id })).toMatchObject({
        ok: false,
        error: { code: 'bad-request', message: expect.stringMatching(/Unknown call/) },
      })
    }
  })
})

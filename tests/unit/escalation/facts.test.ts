// What the desk tells the suggestion rules about an incident (detail.escalation.facts), from what
// is stored: the feed record, the latest script answers, risk, the last call attempt and the
// earlier call-outs to the same home or victim.
import { describe, expect, it } from 'vitest'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { DEFAULT_GRADE_TARGETS } from '../../../shared/escalation.ts'
import { suggestEscalation } from '../../../shared/escalationRules.ts'

async function add(d: TestDesk, ref: string, fields: Record<string, unknown>) {
  const row = await must(d, 'incidents.addManual', {
    record: { incidentRef: ref, grade: 3, summary: 'Call.', ...fields },
  })
  return row.id
}

const facts = async (d: TestDesk, id: number) =>
  (await must(d, 'incidents.get', { id })).escalation.facts

describe('the facts the rules look at', () => {
  it('start from the feed record, with nothing else known', async () => {
    const d = testDesk()
    await signIn(d)
    const id = await add(d, 'CL-1', {
      receivedAt: '2026-11-21T17:40:00Z',
      status: 'assigned',
      flags: ['Weapon', 'dog on premises'],
    })
    expect(await facts(d, id)).toEqual({
      grade: 3,
      status: 'assigned',
      receivedAt: '2026-11-21T17:40:00.000Z',
      flags: ['weapon', 'dog on premises'],
      answers: {},
      riskLevel: 'standard',
      lastAttemptResult: null,
      earlierAtAddress: 0,
      earlierForVictim: 0,
    })
  })

  it('take the latest answer to each question, the risk level and the last attempt', async () => {
    const d = testDesk()
    await signIn(d)
    const id = await add(d, 'CL-1', { receivedAt: '2026-11-21T17:40:00Z' })
    const answer = (questionId: string, value: string) =>
      must(d, 'script.answer', { incidentId: id, scriptVersion: '1', questionId, value })
    await answer('dash-strangulation', 'yes')
    await answer('now-suspect-where', 'nearby')
    await answer('now-suspect-where', 'with-police')
    await must(d, 'risk.judge', { incidentId: id, high: true, reason: 'Escalating threats.' })
    const attempt = (result: string) =>
      must(d, 'contact.logAttempt', {
        incidentId: id,
        number: '07700 900789',
        result,
        callBackAt: null,
        note: null,
      })
    await attempt('call-dropped')
    await attempt('no-answer')
    expect(await facts(d, id)).toMatchObject({
      answers: { 'dash-strangulation': 'yes', 'now-suspect-where': 'with-police' },
      riskLevel: 'high',
      lastAttemptResult: 'no-answer',
    })
  })

  it('count earlier call-outs to the same home and victim in the 12 months before the call', async () => {
    const d = testDesk()
    await signIn(d)
    const home = { location: { address: '14 Example Terrace, Middlesbrough', postcode: 'TS1 9ZZ' } }
    const victim = { victim: { name: 'Riley Test', phone: '07700 900789' } }
    await add(d, 'CL-1', { ...home, receivedAt: '2025-11-01T10:00:00Z' })
    await add(d, 'CL-2', { ...home, ...victim, receivedAt: '2026-01-05T10:00:00Z' })
    await add(d, 'CL-3', {
      location: { address: '14 example terrace,middlesbrough', postcode: null },
      receivedAt: '2026-06-05T10:00:00Z',
    })
    await add(d, 'CL-4', {
      victim: { name: 'RILEY TEST', dateOfBirth: '1990-01-01', phone: '+44 7700 900789' },
      receivedAt: '2026-09-05T10:00:00Z',
    })
    const id = await add(d, 'CL-5', { ...home, ...victim, receivedAt: '2026-11-21T17:00:00Z' })
    await add(d, 'CL-6', { ...home, ...victim, receivedAt: '2026-11-21T17:30:00Z' })
    expect(await facts(d, id)).toMatchObject({ earlierAtAddress: 2, earlierForVictim: 2 })
  })

  it('light the button for a disclosed strangulation on a grade-3 incident', async () => {
    const d = testDesk()
    await signIn(d)
    const id = await add(d, 'CL-1', { receivedAt: '2026-11-21T17:40:00Z' })
    await must(d, 'script.answer', {
      incidentId: id,
      scriptVersion: '1',
      questionId: 'dash-strangulation',
      value: 'yes',
    })
    const advice = suggestEscalation(
      await facts(d, id),
      Date.parse('2026-11-21T18:00:00Z'),
      DEFAULT_GRADE_TARGETS,
      [],
    )
    expect(advice?.summary).toBe('strangulation disclosed; grade 3')
  })
})

describe('the escalation settings', () => {
  it('start from the defaults: 15 and 60 minutes, none for grades 3 and 4, 2 minutes, no sound', async () => {
    const d = testDesk()
    expect(await must(d, 'settings.get', {})).toMatchObject({
      gradeTargets: { 1: 15, 2: 60, 3: null, 4: null },
      escalationReminderMinutes: 2,
      escalationReminderSound: false,
    })
  })

  it('are kept and audited when changed, and not audited when set to what they were', async () => {
    const d = testDesk()
    await signIn(d)
    const update = {
      gradeTargets: { 1: 20, 2: 60, 3: 240, 4: null },
      escalationReminderMinutes: 5,
      escalationReminderSound: true,
    }
    expect(await must(d, 'settings.update', update)).toMatchObject(update)
    await must(d, 'settings.update', update)
    expect(await must(d, 'settings.get', {})).toMatchObject(update)
    const audit = d.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'settings.update' ORDER BY id`)
      .pluck()
      .all()
    expect(audit.map((a) => JSON.parse(a as string))).toEqual([
      { gradeTargets: { 1: 20, 2: 60, 3: 240, 4: null } },
      { escalationReminderMinutes: 5 },
      { escalationReminderSound: true },
    ])
  })

  it('refuse a lower grade due sooner than a higher one, changing nothing else sent with it', async () => {
    const d = testDesk()
    await signIn(d)
    const before = await must(d, 'settings.get', {})
    expect(
      await call(d, 'settings.update', {
        theme: 'light',
        gradeTargets: { 1: 15, 2: 60, 3: 45, 4: null },
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message:
          'The grade 3 (Scheduled) target of 45 min cannot be shorter than the grade 2 (Priority) target of 60 min.',
      },
    })
    expect(await must(d, 'settings.get', {})).toEqual(before)
  })

  it('refuse values out of range and change nothing', async () => {
    const d = testDesk()
    await signIn(d)
    for (const bad of [
      { escalationReminderMinutes: 0 },
      { escalationReminderMinutes: 61 },
      { escalationReminderMinutes: 1.5 },
      { gradeTargets: { 1: 0, 2: 60, 3: null, 4: null } },
      { gradeTargets: { 1: 15, 2: 60 } },
      { escalationReminderSound: 'yes' },
    ]) {
      const result = await d.handlers['settings.get']({})
      expect(await call(d, 'settings.update', bad)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      })
      expect(await d.handlers['settings.get']({})).toEqual(result)
    }
  })
})

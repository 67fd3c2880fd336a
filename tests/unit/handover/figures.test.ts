// The scheme's figures: a fixture shift with answers worked out by hand, a period equal to the sum
// of its shifts, weeks from Monday (London), and shifts across the clock changes.
import { describe, expect, it } from 'vitest'
import { handoverQueries } from '../../../electron/core/db/handoverQueries.ts'
import { figuresFor, riskRule } from '../../../electron/core/handover/figures.ts'
import { loadScript } from '../../../electron/core/script/loadScript.ts'
import { DEFAULT_SCRIPT_FILE } from '../../../electron/core/paths.ts'
import type { ShiftFigures } from '../../../shared/handover.ts'
import { formatMinutes, shiftLength } from '../../../shared/handover.ts'
import { formatDateTime, parseLondonDateTime } from '../../../shared/time.ts'
import { call, must, signIn, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { addIncident, FIXTURE_FIGURES, workFixtureShift } from '../../support/handoverShift.ts'
import { tempDir } from '../../support/tempDir.ts'

const rule = riskRule(loadScript(DEFAULT_SCRIPT_FILE))

const COUNTS = [
  'incidentsReviewed',
  'victimsContacted',
  'contactAttempts',
  'highRiskVictims',
  'maracReferrals',
  'daServiceReferrals',
  'otherServiceReferrals',
  'movedToSafety',
  'claresLawApplications',
  'claresLawReferrals',
  'claresLawDisclosures',
  'claresLawDisclosuresWithIdva',
  'claresLawSupportAccepted',
  'claresLawSupportAcceptedWithIdva',
  'followUpsScheduled',
  'followUpCalls',
  'followUpsReached',
  'escalationsRaised',
  'escalationsAcknowledged',
  'escalationsUpgraded',
  'firstContacts',
] as const

const countsOf = (f: ShiftFigures) => Object.fromEntries(COUNTS.map((k) => [k, f[k]]))
const sumOf = (list: ShiftFigures[]) =>
  Object.fromEntries(COUNTS.map((k) => [k, list.reduce((n, f) => n + f[k], 0)]))

/** One shift's figures, read straight from the core. */
function shiftFigures(d: TestDesk, shiftId: number): ShiftFigures {
  const at = new Date().toISOString()
  return figuresFor(handoverQueries(d.db), { shiftId, from: at, to: at, asAt: at }, rule)
}

async function handOver(d: TestDesk) {
  return must(d, 'shift.handOver', { formats: ['json'], statsOnly: false, outDir: tempDir() })
}

describe('the figures of a shift', () => {
  it('are the hand-worked figures of the fixture shift, before and after it is handed over', async () => {
    const d = testDesk()
    await workFixtureShift(d)
    const preview = await must(d, 'handover.preview', {})
    expect(preview.figures).toEqual(FIXTURE_FIGURES)
    const result = await handOver(d)
    expect(shiftFigures(d, result.shift!.id)).toEqual(FIXTURE_FIGURES)
    expect(preview.incidents.map((i) => i.incidentRef)).toEqual(['CL-X-A', 'CL-X-B', 'CL-X-C'])
  })

  it('count only what the shift’s own workers did within the shift', async () => {
    const d = testDesk()
    const { ids } = await workFixtureShift(d)
    const first = await handOver(d)
    // The next shift speaks to A's victim again: that is the next shift's contact, not the first's.
    d.setTime('2026-11-21T22:00:00.000Z')
    await signIn(d, 'Nia Night', 'Harbour')
    await must(d, 'contact.logAttempt', {
      incidentId: ids.a,
      number: '07700 900111',
      result: 'spoke-to-victim',
      callBackAt: null,
      note: null,
    })
    expect(shiftFigures(d, first.shift!.id)).toEqual(FIXTURE_FIGURES)
    const next = (await must(d, 'handover.preview', {})).figures
    expect(next).toMatchObject({
      incidentsReviewed: 1,
      victimsContacted: 1,
      contactAttempts: 1,
      // Not a first contact: the victim was first spoken to in the shift before.
      firstContacts: 0,
      medianMinutesToFirstContact: null,
      highRiskVictims: 1,
      maracReferrals: 0,
    })
  })
})

describe('high risk', () => {
  it('is as it stood at the end of each shift: a later answer or judgement changes only later shifts', async () => {
    const d = testDesk()
    const { ids } = await workFixtureShift(d)
    const first = (await handOver(d)).shift!.id
    d.setTime('2026-11-22T14:00:00.000Z')
    await signIn(d, 'Nia Night', 'Harbour')
    // A's fourteenth yes becomes a no (13 yes: medium), and B's judgement is taken back.
    await must(d, 'script.answer', {
      incidentId: ids.a,
      scriptVersion: '1',
      questionId: 'dash-threats-to-kill',
      value: 'no',
    })
    await must(d, 'risk.judge', {
      incidentId: ids.b,
      high: false,
      reason: 'Moved away; new information.',
    })
    expect((await must(d, 'handover.preview', {})).figures.highRiskVictims).toBe(0)
    expect(shiftFigures(d, first).highRiskVictims).toBe(2)
    // And back: a yes again makes A high in this shift.
    await must(d, 'script.answer', {
      incidentId: ids.a,
      scriptVersion: '1',
      questionId: 'dash-threats-to-kill',
      value: 'yes',
    })
    const preview = await must(d, 'handover.preview', {})
    expect(preview.figures.highRiskVictims).toBe(1)
    expect(preview.incidents.map((i) => [i.incidentRef, i.risk.level])).toEqual([
      ['CL-X-A', 'high'],
      ['CL-X-B', 'standard'],
    ])
  })
})

describe('the figures of a period', () => {
  it('equal the sum of the shifts that started in it, week by week', async () => {
    const d = testDesk()
    const one = await workFixtureShift(d, '2026-11-21', 'X')
    const s1 = (await handOver(d)).shift!.id
    await workFixtureShift(d, '2026-11-28', 'Y')
    // The second shift also works on an incident of the first.
    d.setTime('2026-11-28T21:20:00.000Z')
    await must(d, 'contact.logAttempt', {
      incidentId: one.ids.b,
      number: '+44 7700 900222',
      result: 'no-answer',
      callBackAt: null,
      note: null,
    })
    d.setTime('2026-11-28T21:30:00.000Z')
    const s2 = (await handOver(d)).shift!.id
    await workFixtureShift(d, '2026-12-05', 'Z')
    const s3 = (await handOver(d)).shift!.id
    d.setTime('2026-12-06T09:00:00.000Z')
    await signIn(d, 'Mo Manager', 'Harbour')

    const november = await must(d, 'figures.get', {
      from: parseLondonDateTime('01/11/2026 00:00'),
      to: parseLondonDateTime('01/12/2026 00:00'),
    })
    const each = [s1, s2].map((id) => shiftFigures(d, id))
    expect(november.shifts).toBe(2)
    expect(countsOf(november.figures)).toEqual(sumOf(each))
    expect(november.figures.incidentsReviewed).toBe(7)
    // Medians are over the period's events: A 20, B 10, C 70 in each shift.
    expect(november.figures.medianMinutesToFirstContact).toBe(20)
    expect(november.figures.medianMinutesToEscalation).toBe(48.5)

    // Weeks start on Monday; the first and last are cut to the period.
    expect(november.weeks.map((w) => [w.weekOf, w.shifts])).toEqual([
      ['26/10/2026', 0],
      ['02/11/2026', 0],
      ['09/11/2026', 0],
      ['16/11/2026', 1],
      ['23/11/2026', 1],
      ['30/11/2026', 0],
    ])
    expect(november.weeks[0]!.from).toBe(november.from)
    expect(november.weeks.at(-1)!.to).toBe(november.to)
    expect(countsOf(november.weeks[3]!.figures)).toEqual(countsOf(each[0]!))
    expect(sumOf(november.weeks.map((w) => w.figures))).toEqual(sumOf(each))

    const all = await must(d, 'figures.get', {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-06T00:00:00Z',
    })
    expect(countsOf(all.figures)).toEqual(sumOf([s1, s2, s3].map((id) => shiftFigures(d, id))))
    expect(await must(d, 'shift.list', { from: all.from, to: all.to })).toHaveLength(3)
  })

  it('refuses a period that ends before it starts, or is longer than ten years', async () => {
    const d = testDesk()
    await signIn(d)
    const backwards = await call(d, 'figures.get', {
      from: '2026-12-01T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
    })
    expect(backwards).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(JSON.stringify(backwards)).toContain('The end of the period must be after its start.')
    const long = await call(d, 'figures.get', {
      from: '2000-01-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    })
    expect(JSON.stringify(long)).toContain('A period can be at most ten years.')
  })

  it('weeks start at Monday midnight London time across the end of summer time', async () => {
    const d = testDesk()
    await signIn(d)
    const october = await must(d, 'figures.get', {
      from: parseLondonDateTime('01/10/2026 00:00'),
      to: parseLondonDateTime('01/11/2026 00:00'),
    })
    const bounds = october.weeks.map((w) => [w.weekOf, w.from, w.to])
    expect(bounds.slice(3)).toEqual([
      ['19/10/2026', '2026-10-18T23:00:00.000Z', '2026-10-26T00:00:00.000Z'],
      ['26/10/2026', '2026-10-26T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    ])
  })
})

describe('a shift across a clock change', () => {
  async function nightShift(d: TestDesk, day: string) {
    d.setTime(parseLondonDateTime(`${day} 00:00`)!)
    await signIn(d)
    const id = await addIncident(
      d,
      `CL-${day.slice(0, 2)}`,
      parseLondonDateTime(`${day} 00:10`)!,
      2,
    )
    d.setTime(parseLondonDateTime(`${day} 03:30`)!)
    await must(d, 'contact.logAttempt', {
      incidentId: id,
      number: '07700 900555',
      result: 'spoke-to-victim',
      callBackAt: null,
      note: null,
    })
    d.setTime(parseLondonDateTime(`${day} 04:00`)!)
    return must(d, 'shift.handOver', { formats: ['json'], statsOnly: false, outDir: tempDir() })
  }

  it('00:00–04:00 on the last Sunday of March lasts 3 hours', async () => {
    const { shift } = await nightShift(testDesk(), '29/03/2026')
    expect(Date.parse(shift!.endedAt!) - Date.parse(shift!.startedAt)).toBe(3 * 60 * 60_000)
    expect(formatDateTime(shift!.startedAt)).toBe('29/03/2026 00:00')
    expect(formatDateTime(shift!.endedAt!)).toBe('29/03/2026 04:00')
    expect(shiftLength(shift!.startedAt, shift!.endedAt!)).toBe('3 h 00 min')
  })

  it('00:00–04:00 on the last Sunday of October lasts 5 hours', async () => {
    const d = testDesk()
    const { shift, files } = await nightShift(d, '25/10/2026')
    expect(Date.parse(shift!.endedAt!) - Date.parse(shift!.startedAt)).toBe(5 * 60 * 60_000)
    expect(formatDateTime(shift!.startedAt)).toBe('25/10/2026 00:00')
    expect(formatDateTime(shift!.endedAt!)).toBe('25/10/2026 04:00')
    expect(shiftLength(shift!.startedAt, shift!.endedAt!)).toBe('5 h 00 min')
    // The contact at 03:30 GMT came 4 h 20 min after the call at 00:10 BST (01:00–02:00 twice).
    const { readFileSync } = await import('node:fs')
    const record = JSON.parse(readFileSync(files.find((f) => f.format === 'json')!.path, 'utf8'))
    expect(record.incidents[0].minutesToFirstContact).toBe(260)
    expect(record.figures.medianMinutesToFirstContact).toBe(260)
  })
})

describe('the medians', () => {
  it('count minutes to the millisecond, and an attempt typed before the call came in as 0', async () => {
    const d = testDesk()
    d.setTime('2026-11-21T14:00:00.000Z')
    await signIn(d)
    const spoke = async (incidentId: number, at: string) => {
      d.setTime(at)
      await must(d, 'contact.logAttempt', {
        incidentId,
        number: '07700 900123',
        result: 'spoke-to-victim',
        callBackAt: null,
        note: null,
      })
    }
    const a = await addIncident(d, 'CL-M-A', '2026-11-21T14:14:00.000Z', 3)
    const b = await addIncident(d, 'CL-M-B', '2026-11-21T14:00:00.000Z', 3)
    // Its call reached DA Desk after the worker had typed the attempt.
    const c = await addIncident(d, 'CL-M-C', '2026-11-21T15:00:00.000Z', 3)
    await spoke(b, '2026-11-21T14:12:00.000Z')
    await spoke(c, '2026-11-21T14:20:00.000Z')
    // 12 minutes and 0 (not -40): the median is 6.
    let figures = (await must(d, 'handover.preview', {})).figures
    expect(figures.medianMinutesToFirstContact).toBe(6)
    await spoke(a, '2026-11-21T14:21:30.600Z')
    // 0, 7.51 and 12 minutes: the median is 7.51, to a tenth.
    const preview = await must(d, 'handover.preview', {})
    figures = preview.figures
    expect(figures.medianMinutesToFirstContact).toBe(7.5)
    expect(figures.firstContacts).toBe(3)
    expect(preview.incidents.map((i) => i.minutesToFirstContact)).toEqual([12, 0, 7.5])
  })

  it('read as people say them: minutes under an hour, then hours and minutes, then days', () => {
    expect(formatMinutes(0)).toBe('0 min')
    expect(formatMinutes(4.5)).toBe('4.5 min')
    expect(formatMinutes(12)).toBe('12 min')
    expect(formatMinutes(59.9)).toBe('59.9 min')
    expect(formatMinutes(60)).toBe('1 h 00 min')
    expect(formatMinutes(148.4)).toBe('2 h 28 min')
    expect(formatMinutes(299.5)).toBe('5 h 00 min')
    expect(formatMinutes(1439.4)).toBe('23 h 59 min')
    expect(formatMinutes(8869.3)).toBe('6 d 3 h')
  })
})

// A fixture period worked through the desk's own calls, three shifts over two weekends, whose
// figures have the shape of the published ones (Cleveland's support car, June 2022 – January
// 2023: about 285 victims engaged, 111 referred to DA services, 37 to other services such as
// housing, 22 moved to safety, and Clare's Law disclosures). Scaled to 13 engaged: 5 to DA
// services (39%), 2 to other services (15%), 1 moved to safety (8%). Every answer is worked out
// by hand below, and the period is the sum of its shifts but for the medians and snapshots.
import { describe, expect, it } from 'vitest'
import { handoverQueries } from '../../../electron/core/db/handoverQueries.ts'
import { figuresFor, riskRule } from '../../../electron/core/handover/figures.ts'
import { loadScript } from '../../../electron/core/script/loadScript.ts'
import { DEFAULT_SCRIPT_FILE } from '../../../electron/core/paths.ts'
import type { ShiftFigures } from '../../../shared/handover.ts'
import { FIGURE_LABELS, NOT_ADDED_UP } from '../../../shared/handover.ts'
import type { ReferralService } from '../../../shared/script.ts'
import { parseLondonDateTime } from '../../../shared/time.ts'
import { join } from 'node:path'
import { runCli } from '../../../electron/cli/main.ts'
import { closeDesk, must, signIn, testDesk } from '../../support/desk.ts'
import { TEST_KEY_HEX } from '../../support/databaseKey.ts'
import type { TestDesk } from '../../support/desk.ts'
import { addIncident, DASH_IDS } from '../../support/handoverShift.ts'
import { tempDir } from '../../support/tempDir.ts'

const rule = riskRule(loadScript(DEFAULT_SCRIPT_FILE))

type Figure = keyof ShiftFigures
const ADDED_UP = (Object.keys(FIGURE_LABELS) as Figure[]).filter(
  (k) => !(NOT_ADDED_UP as readonly Figure[]).includes(k),
)

/** The desk at an instant in London on a day of the fixture. */
const clock = (d: TestDesk, day: string) => (hhmm: string) =>
  d.setTime(parseLondonDateTime(`${day} ${hhmm}`)!)

/** An incident from the feed whose victim the worker then speaks to. */
async function spokeTo(d: TestDesk, ref: string, receivedAt: string): Promise<number> {
  const id = await addIncident(d, ref, receivedAt, 2, {
    victim: { name: `Victim ${ref}`, phone: '07700 900100' },
  })
  await must(d, 'contact.logAttempt', {
    incidentId: id,
    number: '07700 900100',
    result: 'spoke-to-victim',
    callBackAt: null,
    note: null,
  })
  return id
}

const refer = (d: TestDesk, incidentId: number, service: ReferralService) =>
  must(d, 'referrals.add', {
    incidentId,
    service,
    otherService: service === 'other' ? 'Victim Support' : null,
    decision: 'consented',
    detail: null,
  })

const handOver = async (d: TestDesk) =>
  (await must(d, 'shift.handOver', { formats: ['json'], statsOnly: false, outDir: tempDir() }))
    .shift!.id

async function workPeriod(d: TestDesk) {
  // Shift 1, Saturday 21/11/2026 14:00–21:30: six incidents reviewed, five victims engaged.
  let at = clock(d, '21/11/2026')
  at('14:00')
  await signIn(d, 'Jo Example', 'Harbour')
  at('14:10')
  const s1 = []
  for (let n = 1; n <= 5; n++) s1.push(await spokeTo(d, `CL-P1-${n}`, '2026-11-21T14:00:00Z'))
  const unanswered = await addIncident(d, 'CL-P1-6', '2026-11-21T14:05:00Z', 3)
  await must(d, 'contact.logAttempt', {
    incidentId: unanswered,
    number: '07700 900106',
    result: 'no-answer',
    callBackAt: null,
    note: null,
  })
  at('14:30')
  await refer(d, s1[0]!, 'idva')
  await refer(d, s1[1]!, 'da-service')
  await refer(d, s1[2]!, 'housing')
  await must(d, 'contact.recordOutcome', {
    incidentId: s1[2]!,
    outcome: 'moved-to-safety',
    note: 'To her mother’s.',
  })
  // A Clare's Law referral in the script, as before the Clare's Law record existed: a referral,
  // not an application.
  await refer(d, s1[3]!, 'clares-law-know')
  at('15:00')
  const asked = await must(d, 'claresLaw.raise', {
    incidentId: s1[0]!,
    route: 'right-to-ask',
    raisedBy: 'victim',
    raisedOn: '2026-11-21',
    note: null,
  })
  const told = await must(d, 'claresLaw.raise', {
    incidentId: s1[1]!,
    route: 'right-to-know',
    raisedBy: 'police',
    raisedOn: '2026-11-20',
    note: null,
  })
  // A medium-risk contact (11 yes) schedules a follow-up 42 days on: 02/01/2027.
  for (const [i, questionId] of DASH_IDS.entries()) {
    await must(d, 'script.answer', {
      incidentId: s1[4]!,
      scriptVersion: '1',
      questionId,
      value: i < 11 ? 'yes' : 'no',
    })
  }
  await must(d, 'contact.recordOutcome', {
    incidentId: s1[4]!,
    outcome: 'safety-plan-agreed',
    note: null,
  })
  at('21:30')
  const shift1 = await handOver(d)

  // Shift 2, Sunday 22/11/2026: four engaged; both applications decided.
  at = clock(d, '22/11/2026')
  at('14:00')
  await signIn(d, 'Sam Second', 'Harbour')
  const s2 = []
  for (let n = 1; n <= 4; n++) s2.push(await spokeTo(d, `CL-P2-${n}`, '2026-11-22T13:50:00Z'))
  at('14:20')
  await refer(d, s2[0]!, 'refuge')
  await refer(d, s2[1]!, 'idva')
  await refer(d, s2[2]!, 'childrens-services')
  at('15:00')
  for (const id of [asked.id, told.id]) {
    await must(d, 'claresLaw.updateStatus', {
      applicationId: id,
      status: 'under-review',
      supportAccepted: null,
      idvaPresent: null,
      note: null,
    })
  }
  at('18:00')
  // With an IDVA there, she accepts support; the other, without one, declines.
  await must(d, 'claresLaw.updateStatus', {
    applicationId: asked.id,
    status: 'disclosure-given',
    supportAccepted: 'yes',
    idvaPresent: true,
    note: null,
  })
  await must(d, 'claresLaw.updateStatus', {
    applicationId: told.id,
    status: 'disclosure-given',
    supportAccepted: 'no',
    idvaPresent: false,
    note: null,
  })
  const third = await must(d, 'claresLaw.raise', {
    incidentId: s2[3]!,
    route: 'right-to-ask',
    raisedBy: 'third-party',
    raisedOn: '2026-11-22',
    note: null,
  })
  // Three follow-ups by hand, due within the period.
  const followUp = async (incidentId: number, dueOn: string) =>
    (await must(d, 'followUps.schedule', { incidentId, dueOn, reason: 'Asked for a call.' })).id
  const reached = await followUp(s2[0]!, '2026-11-28')
  await followUp(s2[1]!, '2026-11-25')
  const missed = await followUp(s2[2]!, '2026-11-28')
  at('21:30')
  const shift2 = await handOver(d)

  // Shift 3, Saturday 28/11/2026: four engaged; the third disclosure; two follow-up calls.
  at = clock(d, '28/11/2026')
  at('14:00')
  await signIn(d, 'Jo Example', 'Harbour')
  const s3 = []
  for (let n = 1; n <= 4; n++) s3.push(await spokeTo(d, `CL-P3-${n}`, '2026-11-28T13:40:00Z'))
  at('14:30')
  await refer(d, s3[0]!, 'da-service')
  at('15:00')
  await must(d, 'claresLaw.updateStatus', {
    applicationId: third.id,
    status: 'under-review',
    supportAccepted: null,
    idvaPresent: null,
    note: null,
  })
  await must(d, 'claresLaw.updateStatus', {
    applicationId: third.id,
    status: 'disclosure-given',
    supportAccepted: null,
    idvaPresent: false,
    note: null,
  })
  at('16:00')
  // Support accepted, recorded after the disclosure: it counts in the shift that records it.
  await must(d, 'claresLaw.updateStatus', {
    applicationId: third.id,
    status: 'disclosure-given',
    supportAccepted: 'yes',
    idvaPresent: null,
    note: null,
  })
  await must(d, 'followUps.recordCall', {
    followUpId: reached,
    outcome: 'reached-supported',
    tryAgainOn: null,
    note: null,
  })
  await must(d, 'followUps.recordCall', {
    followUpId: missed,
    outcome: 'not-reached',
    tryAgainOn: '2026-11-30',
    note: null,
  })
  at('21:30')
  const shift3 = await handOver(d)
  return [shift1, shift2, shift3]
}

const shiftFigures = (d: TestDesk, shiftId: number) => {
  const at = new Date().toISOString()
  return figuresFor(handoverQueries(d.db), { shiftId, from: at, to: at, asAt: at }, rule)
}

describe('a fixture period in the shape of the published figures', () => {
  it('gives the hand-worked figures for each shift and for the period, the period adding up its shifts', async () => {
    const dataDir = tempDir()
    const d = testDesk(dataDir)
    const shiftIds = await workPeriod(d)
    // The manager looks in December, so their own sign-in starts no shift in the period.
    d.setTime('2026-12-01T09:00:00Z')
    await signIn(d, 'Mo Manager', 'Harbour')
    const november = await must(d, 'figures.get', {
      from: parseLondonDateTime('01/11/2026 00:00'),
      to: parseLondonDateTime('01/12/2026 00:00'),
    })
    const shifts = shiftIds.map((id) => shiftFigures(d, id))

    // The published figures' shape: engaged, referred to DA and other services, moved to
    // safety, disclosures.
    expect({
      engaged: november.figures.victimsContacted,
      referredToDaServices: november.figures.daServiceReferrals,
      referredToOtherServices: november.figures.otherServiceReferrals,
      movedToSafety: november.figures.movedToSafety,
      disclosures: november.figures.claresLawDisclosures,
    }).toEqual({
      engaged: 13, // 5 + 4 + 4
      referredToDaServices: 5, // IDVA, DA service; refuge, IDVA; DA service
      referredToOtherServices: 2, // housing; children's services
      movedToSafety: 1,
      disclosures: 3, // two on Sunday, one the next Saturday
    })

    expect(november.shifts).toBe(3)
    expect(november.figures).toMatchObject({
      contactAttempts: 14, // 13 spoke to, one no answer
      claresLawApplications: 3, // right to ask, right to know; a third on Sunday
      claresLawReferrals: 1, // the right-to-know referral in the script, not an application
      claresLawDisclosuresWithIdva: 1,
      claresLawSupportAccepted: 2, // with the IDVA on Sunday; after the third disclosure
      claresLawSupportAcceptedWithIdva: 1,
      followUpsScheduled: 4, // one after a medium-risk contact, three by hand
      followUpCalls: 2,
      followUpsReached: 1,
      // At midnight after 30/11: the medium-risk one (due 02/01/2027), the one due 25/11 never
      // called, and the one not reached, to try again on 30/11 — the last two overdue.
      followUpsOpenAtEnd: 3,
      followUpsOverdueAtEnd: 2,
    })

    expect(
      shifts.map((f) => [
        f.incidentsReviewed,
        f.victimsContacted,
        f.daServiceReferrals,
        f.otherServiceReferrals,
        f.movedToSafety,
        f.claresLawApplications,
        f.claresLawDisclosures,
        f.claresLawSupportAccepted,
        f.followUpsScheduled,
        f.followUpCalls,
        f.followUpsOpenAtEnd,
        f.followUpsOverdueAtEnd,
      ]),
    ).toEqual([
      // Six touched; one follow-up open at 21:30 on 21/11, due in January.
      [6, 5, 2, 1, 1, 2, 0, 0, 1, 0, 1, 0],
      // Four new and the two with applications moved on; four open, none yet due.
      [6, 4, 2, 1, 0, 1, 2, 1, 3, 0, 4, 0],
      // Four new, the third application's incident and the two follow-ups' incidents; at 21:30
      // on 28/11 three are open and the one due 25/11 is overdue (the other is due 30/11).
      [7, 4, 1, 0, 0, 0, 1, 1, 0, 2, 3, 1],
    ])

    // The period is the sum of its shifts for every figure but the medians and the snapshots.
    const sum = (k: Figure) => shifts.reduce((n, f) => n + (f[k] ?? 0), 0)
    expect(Object.fromEntries(ADDED_UP.map((k) => [k, november.figures[k]]))).toEqual(
      Object.fromEntries(ADDED_UP.map((k) => [k, sum(k)])),
    )
    // Snapshots are not: the last shift saw one overdue, the period's end two.
    expect(sum('followUpsOverdueAtEnd')).not.toBe(november.figures.followUpsOverdueAtEnd)
    // The weeks add up to the period too, and each week's snapshot is at its own end.
    const weeks = november.weeks.filter((w) => w.shifts > 0)
    expect(weeks.map((w) => [w.weekOf, w.shifts])).toEqual([
      ['16/11/2026', 2],
      ['23/11/2026', 1],
    ])
    expect(
      weeks.map((w) => [w.figures.followUpsOpenAtEnd, w.figures.followUpsOverdueAtEnd]),
    ).toEqual([
      [4, 0], // Monday 23/11 00:00
      [3, 1], // Monday 30/11 00:00: due 30/11 is not yet overdue
    ])

    // The command line's stats give the same figures, each under its label.
    await closeDesk(d)
    const out: string[] = []
    const io = {
      out: (text: string) => out.push(text),
      err: (text: string) => out.push(text),
      now: () => Date.parse('2026-12-01T09:00:00Z'),
      env: { DA_DESK_KEY: TEST_KEY_HEX },
    }
    const db = join(dataDir, 'da-desk.sqlite')
    const period = ['--db', db, '--from', '2026-11-01', '--to', '2026-12-01']
    expect(await runCli(['stats', ...period, '--json'], io)).toBe(0)
    expect(JSON.parse(out.join('\n')).figures).toEqual(november.figures)
    out.length = 0
    expect(await runCli(['stats', ...period], io)).toBe(0)
    expect(out.join('\n')).toMatch(/Clare's Law disclosures given +3\n/)
    expect(out.join('\n')).toMatch(/Follow-ups overdue at the end +2(\n|$)/)
  })
})

// A made-up shift with known figures, worked through the same calls the page makes: two workers,
// three incidents touched (a fourth left alone), contacts, DASH, referrals, escalations, notes.
// The expected figures are worked out by hand in FIXTURE_FIGURES.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Desk } from '../../electron/core/desk.ts'
import { incidentQueries } from '../../electron/core/db/incidentQueries.ts'
import { ingestFile } from '../../electron/core/feed/ingestFile.ts'
import { tempDir } from './tempDir.ts'
import type { ShiftFigures } from '../../shared/handover.ts'
import type { TestDesk } from './desk.ts'
import { must, signIn } from './desk.ts'

export const DASH_IDS = [
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
] as const

/** An incident arriving from the feed (arriving touches nothing: no worker did anything). */
export async function addIncident(
  desk: Desk,
  ref: string,
  receivedAt: string,
  grade: number,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const file = join(tempDir(), `${ref}.json`)
  const record = { incidentRef: ref, receivedAt, grade, summary: `Call about ${ref}.`, ...extra }
  writeFileSync(file, JSON.stringify(record))
  const report = await ingestFile(desk.db, incidentQueries(desk.db), file, {
    now: () => Date.parse(receivedAt) + 60_000,
  })
  if (report.accepted !== 1) throw new Error(`not accepted: ${JSON.stringify(report)}`)
  return incidentQueries(desk.db).findByRef(ref)!.id
}

export interface FixtureShift {
  ids: { a: number; b: number; c: number; d: number }
  /** The shift's date, as yyyy-MM-dd (UTC and London agree in November). */
  day: string
}

/**
 * Works a shift on `day` (a November date, so London is on GMT) from 14:00 to 21:30 and leaves
 * it open: hand it over (or not) in the test. References are made unique by `tag`.
 */
export async function workFixtureShift(
  desk: TestDesk,
  day = '2026-11-21',
  tag = 'X',
): Promise<FixtureShift> {
  const at = (hhmm: string) => desk.setTime(`${day}T${hhmm}:00.000Z`)
  const t = (hhmm: string) => `${day}T${hhmm}:00.000Z`

  at('14:00')
  await signIn(desk, 'Jo Example', 'Harbour')
  const a = await addIncident(desk, `CL-${tag}-A`, t('13:50'), 3, {
    victim: { name: 'Zoë Łukasiewicz-Ó Briain', phone: '07700 900111' },
    suspect: { name: 'Mark Suspect', relationship: 'ex-partner' },
    location: { address: '1 Example Street, Middlesbrough', postcode: 'TS1 1AA' },
  })
  const d = await addIncident(desk, `CL-${tag}-D`, t('13:55'), 4, {
    victim: { name: 'Left Alone', phone: '07700 900444' },
  })
  at('14:05')
  await must(desk, 'contact.logAttempt', {
    incidentId: a,
    number: '07700 900111',
    result: 'no-answer',
    callBackAt: null,
    note: null,
  })
  at('14:10')
  await must(desk, 'contact.logAttempt', {
    incidentId: a,
    number: '07700 900111',
    result: 'spoke-to-victim',
    callBackAt: null,
    note: 'Safe to talk; partner out.',
  })
  for (const questionId of DASH_IDS) {
    await must(desk, 'script.answer', {
      incidentId: a,
      scriptVersion: '1',
      questionId,
      value: 'yes',
    })
  }
  at('14:12')
  const escalation = await must(desk, 'escalations.raise', {
    incidentId: a,
    reasons: ['weapon', 'threats-to-kill'],
    detail: 'Knife mentioned; he is on his way back.',
    recommendedGrade: 2,
    fromSuggestion: [],
  })
  at('14:15')
  await must(desk, 'escalations.acknowledge', {
    escalationId: escalation.id,
    controller: 'PC 1234 Ahmed',
  })
  at('14:20')
  await must(desk, 'referrals.add', {
    incidentId: a,
    service: 'marac',
    otherService: null,
    decision: 'consented',
    detail: null,
  })
  await must(desk, 'referrals.add', {
    incidentId: a,
    service: 'idva',
    otherService: null,
    decision: 'consented',
    detail: null,
  })
  await must(desk, 'contact.recordOutcome', {
    incidentId: a,
    outcome: 'moved-to-safety',
    note: 'Gone to her sister’s.',
  })
  at('14:25')
  await must(desk, 'escalations.recordOutcome', {
    escalationId: escalation.id,
    outcome: 'upgraded',
    grade: 2,
    reason: null,
  })
  const note = await must(desk, 'notes.add', {
    incidentId: a,
    text: 'Ask attending officers to check bail conditions.',
    tags: ['action'],
    actionOwner: 'police',
    amends: null,
  })
  at('14:26')
  await must(desk, 'notes.add', {
    incidentId: a,
    text: '=HYPERLINK("http://example.invalid") and check the bail end date too.',
    tags: ['rapport'],
    actionOwner: null,
    amends: note.id,
  })

  at('14:30')
  const b = await addIncident(desk, `CL-${tag}-B`, t('14:30'), 2, {
    victim: { name: 'Bea Victim', phone: '+44 7700 900222' },
  })
  at('14:40')
  await must(desk, 'contact.logAttempt', {
    incidentId: b,
    number: '+44 7700 900222',
    result: 'spoke-to-victim',
    callBackAt: null,
    note: null,
  })
  await must(desk, 'risk.judge', {
    incidentId: b,
    high: true,
    reason: 'Recent strangulation; she is terrified.',
  })
  for (const [service, decision, detail] of [
    ['housing', 'consented', null],
    ['clares-law-ask', 'consented', null],
    ['da-service', 'declined', 'Says she has her family.'],
  ] as const) {
    await must(desk, 'referrals.add', {
      incidentId: b,
      service,
      otherService: null,
      decision,
      detail,
    })
  }
  const done = await must(desk, 'notes.add', {
    incidentId: b,
    text: 'Ring her back after 10:00 tomorrow.',
    tags: ['action'],
    actionOwner: 'next-shift',
    amends: null,
  })
  at('14:45')
  await must(desk, 'notes.markActionDone', { noteId: done.id })

  at('15:00')
  const c = await addIncident(desk, `CL-${tag}-C`, t('15:00'), 4, {
    victim: { name: 'Cal Victim', phone: '07700 900333' },
  })
  at('15:05')
  await must(desk, 'incidents.get', { id: c })
  await must(desk, 'contact.logAttempt', {
    incidentId: c,
    number: '07700 900339',
    result: 'wrong-number',
    callBackAt: null,
    note: null,
  })
  at('16:00')
  await must(desk, 'session.signOut', {})

  at('16:05')
  await signIn(desk, 'Sam Second', 'Harbour')
  at('16:10')
  await must(desk, 'contact.logAttempt', {
    incidentId: c,
    number: '07700 900333',
    result: 'spoke-to-victim',
    callBackAt: null,
    note: null,
  })
  at('16:15')
  await must(desk, 'escalations.raise', {
    incidentId: c,
    reasons: ['suspect-present'],
    detail: null,
    recommendedGrade: 3,
    fromSuggestion: [],
  })
  at('21:30')
  return { ids: { a, b, c, d }, day }
}

/** The fixture shift's figures, worked out by hand. */
export const FIXTURE_FIGURES: ShiftFigures = {
  incidentsReviewed: 3, // A, B, C; D came in from the feed and nobody touched it
  victimsContacted: 3, // A 14:10, B 14:40, C 16:10
  contactAttempts: 5, // A 2, B 1, C 2
  highRiskVictims: 2, // A: 14 DASH yes; B: professional judgement
  maracReferrals: 1, // A
  daServiceReferrals: 1, // A's IDVA (B declined the DA service)
  otherServiceReferrals: 1, // B housing
  movedToSafety: 1, // A
  claresLawApplications: 0, // none in the Clare's Law record
  claresLawReferrals: 1, // B right to ask, as a referral in the script
  claresLawDisclosures: 0,
  claresLawDisclosuresWithIdva: 0,
  claresLawSupportAccepted: 0,
  claresLawSupportAcceptedWithIdva: 0,
  followUpsScheduled: 0, // nobody was medium risk
  followUpCalls: 0,
  followUpsReached: 0,
  escalationsRaised: 2, // A 14:12, C 16:15
  escalationsAcknowledged: 1, // A
  escalationsUpgraded: 1, // A
  medianMinutesToFirstContact: 20, // A 20, B 10, C 70
  firstContacts: 3,
  medianMinutesToEscalation: 48.5, // A 22, C 75
  followUpsOpenAtEnd: 0,
  followUpsOverdueAtEnd: 0,
}

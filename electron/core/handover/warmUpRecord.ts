// A made-up handover record for warming the PDF worker (pdfWorker.ts) before a real hand over
// needs it: laying out a document the first few times in a thread runs pdfkit's code unoptimised
// and takes two to three times as long as once it is warm. Every kind of entry the PDF draws is
// here, in both fonts, so the warm-up runs the same code as a real shift. Nothing in it is about
// a real person, and it is never written anywhere.
import type { HandoverIncident, HandoverRecord, ShiftFigures } from '#shared/handover.ts'
import { FIGURE_LABELS, HANDOVER_SCHEMA_VERSION } from '#shared/handover.ts'

const FROM = Date.parse('2026-01-03T14:00:00Z')
const at = (minutes: number) => new Date(FROM + minutes * 60_000).toISOString()
const NOTE = 'Made-up warm-up text: what was said, what was agreed and what happens next. '

function incident(n: number): HandoverIncident {
  const id = `incident-${n}`
  const start = n * 2
  return {
    id,
    incidentRef: `XX-20260103-${String(n).padStart(4, '0')}`,
    victimId: `person-${n}-victim`,
    suspectId: `person-${n}-suspect`,
    locationId: `location-${n}`,
    summary: `${NOTE}Caller reports an argument next door.`,
    source: '999',
    callerRole: 'neighbour',
    flags: ['children-present', 'weapon-mentioned'],
    receivedAt: at(start),
    status: 'assigned',
    firstGrade: 3,
    grade: n % 3 === 0 ? 2 : 3,
    regrades: n % 3 === 0 ? [{ from: 3, to: 2, at: at(start + 20) }] : [],
    firstTouchedAt: at(start + 1),
    lastTouchedAt: at(start + 30),
    progress: 'contacted',
    attempts: [
      {
        id: `attempt-${n}1`,
        at: at(start + 2),
        result: 'no-answer',
        number: '07700 900000',
        callBackAt: null,
        note: null,
        by: 'Warm Up (Sample Service)',
      },
      {
        id: `attempt-${n}2`,
        at: at(start + 5),
        result: 'spoke-to-victim',
        number: '07700 900000',
        callBackAt: at(start + 60),
        note: NOTE,
        by: 'Warm Up (Sample Service)',
      },
    ],
    firstContactAt: at(start + 5),
    minutesToFirstContact: 5,
    outcomes: [
      {
        id: `outcome-${n}`,
        at: at(start + 25),
        outcome: 'safety-plan-agreed',
        note: NOTE,
        by: null,
      },
    ],
    risk: {
      level: n % 2 ? 'high' : 'medium',
      yesCount: 14,
      answered: 27,
      total: 27,
      byJudgement: n % 4 === 0,
    },
    judgements: [{ id: `judgement-${n}`, at: at(start + 24), high: true, reason: NOTE, by: null }],
    escalations: [
      {
        id: `escalation-${n}`,
        state: 'closed',
        raisedAt: at(start + 10),
        raisedBy: 'Warm Up (Sample Service)',
        reasons: ['weapon'],
        detail: NOTE,
        currentGrade: 3,
        recommendedGrade: 2,
        minutesFromCall: 10,
        acknowledgement: { at: at(start + 12), controller: 'PC Sample', recordedBy: null },
        linkedRegrade: { from: 3, to: 2, at: at(start + 20) },
        outcome: { outcome: 'upgraded', at: at(start + 21), by: null, grade: 2, reason: null },
      },
    ],
    referrals: [
      {
        id: `referral-${n}`,
        at: at(start + 26),
        service: 'idva',
        otherService: null,
        decision: 'consented',
        detail: NOTE,
        by: 'Warm Up (Sample Service)',
      },
    ],
    notes: [1, 2, 3].map((k) => ({
      id: `note-${n}${k}`,
      at: at(start + 26 + k),
      author: 'Warm Up (Sample Service)',
      text: NOTE.repeat(3),
      tags: k === 3 ? ['action' as const] : ['rapport' as const],
      amends: null,
      actionOwner: k === 3 ? ('police' as const) : null,
      actionDoneAt: null,
      actionDoneBy: null,
    })),
    outstandingActions: [],
    claresLawApplications: [
      {
        id: `clareslaw-${n}`,
        route: 'right-to-ask',
        raisedBy: 'victim',
        raisedOn: '2026-01-03',
        recordedAt: at(start + 27),
        recordedBy: 'Warm Up (Sample Service)',
        status: 'disclosure-given',
        supportAccepted: 'yes',
        idvaPresent: true,
        changes: [
          {
            id: `clareslawstatus-${n}`,
            status: 'disclosure-given',
            supportAccepted: 'yes',
            idvaPresent: true,
            note: NOTE,
            at: at(start + 28),
            by: 'Warm Up (Sample Service)',
          },
        ],
      },
    ],
    followUps: [
      {
        id: `followup-${n}`,
        scheduledFor: '2026-02-14',
        dueOn: '2026-02-14',
        riskLevel: 'medium',
        reason: null,
        replaces: null,
        scheduledAt: at(start + 30),
        scheduledBy: null,
        status: 'completed',
        closedAt: at(start + 40),
        closedReason: null,
        calls: [
          {
            id: `followupcall-${n}`,
            at: at(start + 40),
            outcome: 'reached-supported',
            tryAgainOn: null,
            note: NOTE,
            by: 'Warm Up (Sample Service)',
          },
        ],
      },
    ],
    supportCar: {
      taskings: [
        {
          id: `tasking-${n}`,
          reason: NOTE,
          priority: 'high',
          taskedAt: at(start + 32),
          taskedBy: 'Warm Up (Sample Service)',
          state: 'completed',
          closedAt: at(start + 90),
          closedBy: 'Warm Up (Sample Service)',
          standDownReason: null,
          visits: [
            {
              id: `visit-${n}`,
              visitedAt: at(start + 80),
              recordedAt: at(start + 90),
              recordedBy: 'Warm Up (Sample Service)',
              officer: 'PC 0000 Sample',
              idva: 'Sam Sample',
              victimEngaged: true,
              safetyPlanAgreed: true,
              movedToSafety: n % 2 === 0,
              disclosureGiven: n % 3 === 0,
              referralIds: [`referral-${n}`],
              notes: NOTE,
            },
          ],
        },
      ],
    },
    previouslyHandedOverAt: null,
  }
}

/** A shift of `count` made-up incidents. */
export function warmUpRecord(count: number): HandoverRecord {
  const incidents = Array.from({ length: count }, (_, i) => incident(i + 1))
  const figures = Object.fromEntries(
    Object.keys(FIGURE_LABELS).map((k, i) => [k, k.startsWith('median') ? 12.5 : i]),
  ) as ShiftFigures
  return {
    schema: 'da-desk.handover',
    schemaVersion: HANDOVER_SCHEMA_VERSION,
    header: {
      service: 'Sample Service',
      force: 'Sample Force',
      scope: 'shift',
      shiftId: 1,
      from: at(0),
      to: at(450),
      workers: ['Warm Up (Sample Service)'],
      workerCount: 1,
      exportedAt: at(450),
      exportedBy: 'Warm Up (Sample Service)',
      appVersion: '0.0.0',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      statisticsOnly: false,
      asAt: at(450),
    },
    figures,
    supportCarFigures: {
      taskings: count,
      visits: count,
      engaged: { byPhone: count, byVisit: count, total: count },
      referredToDaServices: { byPhone: 0, byVisit: count, total: count },
      referredToOtherServices: { byPhone: 0, byVisit: 1, total: 1 },
      movedToSafety: { byPhone: 1, byVisit: count >> 1, total: (count >> 1) + 1 },
      disclosuresAtVisits: Math.floor(count / 3),
    },
    people: incidents.flatMap((i, n) => [
      {
        id: i.victimId!,
        incidentId: i.id,
        role: 'victim' as const,
        // One name in each ten needs the embedded font, as a real shift's names sometimes do.
        name: n % 10 === 0 ? 'Zoë Łukasiewicz-Sample' : 'Sam Sample',
        phone: '07700 900000',
        dateOfBirth: '01/01/1990',
        relationship: null,
      },
      {
        id: i.suspectId!,
        incidentId: i.id,
        role: 'suspect' as const,
        name: 'Pat Sample',
        phone: null,
        dateOfBirth: null,
        relationship: 'ex-partner',
      },
    ]),
    locations: incidents.map((i) => ({
      id: i.locationId!,
      incidentId: i.id,
      address: '1 Sample Street, Sampletown',
      postcode: 'XX1 1XX',
    })),
    incidents,
    outstandingActions: incidents.map((i) => ({
      id: i.notes[2]!.id,
      incidentId: i.id,
      incidentRef: i.incidentRef,
      owner: 'police' as const,
      text: NOTE,
      at: i.notes[2]!.at,
      by: 'Warm Up (Sample Service)',
    })),
  }
}

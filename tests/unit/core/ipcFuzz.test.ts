// Thousands of malformed and hostile requests to every call in the contract, through the one
// dispatch every host uses, on a real desk and its SQLite file, signed out and signed in. Each
// must come back as a typed error value; none may throw or be 'internal', nothing may be pushed to
// the page and not one row of the database may change. The seed is printed with every run;
// FUZZ_SEED=<seed> npx vitest run tests/unit/core/ipcFuzz.test.ts replays a run exactly.
import { beforeAll, describe, expect, test } from 'vitest'
import { dispatch } from '../../../electron/core/api/dispatch.ts'
import type { Db } from '../../../electron/core/db/openDatabase.ts'
import { answerValues } from '../../../electron/core/script/checkAnswer.ts'
import { callRequests, ERROR_CODES } from '../../../shared/contract.ts'
import type { CallName, CallRequest, ErrorCode } from '../../../shared/contract.ts'
import { ACTION_OWNERS, CONTACT_RESULTS, PROGRESS } from '../../../shared/domain.ts'
import { CONTACT_OUTCOMES, REFERRAL_DECISIONS, REFERRAL_SERVICES } from '../../../shared/script.ts'
import type { ContactScript } from '../../../shared/script.ts'
import { toIsoUtc } from '../../../shared/time.ts'
import { addIncident, must, signIn, TEST_PIN, testDesk } from '../../support/desk.ts'
import type { TestDesk } from '../../support/desk.ts'
import { tempDir } from '../../support/tempDir.ts'
import {
  junk,
  malformed,
  preview,
  seededRng,
  unknownCallName,
  withOwnKey,
} from '../../security/hostilePayloads.ts'
import type { Rng } from '../../security/hostilePayloads.ts'

const SEED = seedFromEnvironment()
/** Malformed requests per call name, per phase (signed out, signed in). */
const MALFORMED_PER_CALL = 200
/** Well-formed requests that the handler's own rules refuse, per call name that has any. */
const WRONG_PER_CALL = 40
const UNKNOWN_NAMES = 300
/** The desk's clock in testDesk. */
const NOW = Date.parse('2026-11-21T18:00:00Z')
/** A period the figures and shift calls accept. */
const PERIOD = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }

function seedFromEnvironment(): number {
  const given = process.env.FUZZ_SEED
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 32)
  const seed = Number(given)
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new Error(`FUZZ_SEED must be a whole number from 0 to 4294967295, not ${given}`)
  }
  return seed
}

/** A desk with something of every kind in it, so that the handlers' rules meet real rows. */
interface Seeded {
  desk: TestDesk
  incident: number
  otherIncident: number
  note: number
  actionOpen: number
  actionDone: number
  otherNote: number
  /** An open escalation the controller has acknowledged, on `incident`. */
  escalationAcknowledged: number
  /** An open escalation not yet acknowledged, on `otherIncident`. */
  escalationRaised: number
  /** An incident with no escalation, which a well-formed raise may escalate. */
  calmIncident: number
  /** An incident the day before, for the same victim as `incident` (a repeat match). */
  earlierIncident: number
  /** A Clare's Law application on `incident`, under review. */
  application: number
  /** An open follow-up on `incident`, and one on `otherIncident` a well-formed cancel closes. */
  followUp: number
  followUpToCancel: number
  /** A follow-up completed by a call, which takes no more calls. */
  followUpCompleted: number
  /** A support car tasking open on `incident`, one on `otherIncident` a well-formed stand-down
   * takes off the list, and one on `earlierIncident` stood down already. */
  taskingOpen: number
  taskingToStandDown: number
  taskingStoodDown: number
  /** The officer already on the shift's crew. */
  crewOfficer: string
  script: ContactScript
  /** A backup in the backups folder, which a well-formed restore restores. */
  backup: string
  /** An id above every incident's and note's: big, huge or just past the last one. */
  missing(rng: Rng): number
  nextRef(): string
}

async function seededDesk(): Promise<Seeded> {
  const desk = testDesk()
  await signIn(desk)
  const incident = await addIncident(desk, 'CL-20261121-0901')
  const otherIncident = await addIncident(desk, 'CL-20261121-0902')
  const note = async (incidentId: number, text: string, action: boolean) =>
    (
      await must(desk, 'notes.add', {
        incidentId,
        text,
        tags: action ? ['action'] : ['rapport'],
        actionOwner: action ? 'police' : null,
        amends: null,
      })
    ).id
  const seeded = {
    desk,
    incident,
    otherIncident,
    note: await note(incident, 'Victim sounded calm; suspect out of the house.', false),
    actionOpen: await note(incident, 'Ask the attending officers to check on the children.', true),
    actionDone: await note(incident, 'Pass the code word to the response car.', true),
    otherNote: await note(otherIncident, 'Third-party caller, a neighbour.', false),
    script: await must(desk, 'script.get', {}),
  }
  await must(desk, 'notes.markActionDone', { noteId: seeded.actionDone })
  await must(desk, 'notes.saveDraft', {
    incidentId: incident,
    text: 'Half-typed: she said the ex has',
    tags: ['risk'],
    actionOwner: null,
    amends: null,
  })
  await must(desk, 'contact.logAttempt', {
    incidentId: incident,
    number: '07700 900789',
    result: 'no-answer',
    callBackAt: '2026-11-21T19:00:00Z',
    note: null,
  })
  await must(desk, 'script.answer', {
    incidentId: incident,
    scriptVersion: seeded.script.version,
    questionId: 'safety-can-talk',
    value: 'yes',
  })
  await must(desk, 'script.setStep', { incidentId: incident, stepId: 'risk' })
  await must(desk, 'risk.judge', { incidentId: incident, high: true, reason: 'Threats to kill.' })
  await must(desk, 'referrals.add', {
    incidentId: incident,
    service: 'idva',
    otherService: null,
    decision: 'consented',
    detail: null,
  })
  await must(desk, 'contact.recordOutcome', {
    incidentId: incident,
    outcome: 'safety-plan-agreed',
    note: null,
  })
  await must(desk, 'settings.update', { theme: 'light', quickPhrases: ['Code word agreed.'] })
  const escalate = async (incidentId: number) =>
    (
      await must(desk, 'escalations.raise', {
        incidentId,
        reasons: ['weapon'],
        detail: null,
        recommendedGrade: 1,
        fromSuggestion: [],
      })
    ).id
  const escalationAcknowledged = await escalate(incident)
  await must(desk, 'escalations.acknowledge', {
    escalationId: escalationAcknowledged,
    controller: 'PC 4521',
  })
  const escalationRaised = await escalate(otherIncident)
  const calmIncident = await addIncident(desk, 'CL-20261121-0903')
  const earlierIncident = (
    await must(desk, 'incidents.addManual', {
      record: {
        incidentRef: 'CL-20261120-0904',
        receivedAt: '2026-11-20T21:10:00.000Z',
        grade: 3,
        summary: 'Neighbour reports shouting.',
        victim: { phone: '07700 900789' },
      },
    })
  ).id
  const application = (
    await must(desk, 'claresLaw.raise', {
      incidentId: incident,
      route: 'right-to-ask',
      raisedBy: 'victim',
      raisedOn: '2026-11-21',
      note: null,
    })
  ).id
  await must(desk, 'claresLaw.updateStatus', {
    applicationId: application,
    status: 'under-review',
    supportAccepted: null,
    idvaPresent: null,
    note: null,
  })
  const scheduleFollowUp = async (incidentId: number) =>
    (
      await must(desk, 'followUps.schedule', {
        incidentId,
        dueOn: '2027-01-02',
        reason: 'Medium risk; asked for a call in the new year.',
      })
    ).id
  const followUpCompleted = await scheduleFollowUp(calmIncident)
  await must(desk, 'followUps.recordCall', {
    followUpId: followUpCompleted,
    outcome: 'wrong-number',
    tryAgainOn: null,
    note: null,
  })
  const followUp = await scheduleFollowUp(incident)
  const followUpToCancel = await scheduleFollowUp(otherIncident)
  const taskCar = async (incidentId: number) =>
    (
      await must(desk, 'supportCar.task', {
        incidentId,
        reason: 'Victim asked to be seen in person.',
        priority: 'high',
      })
    ).id
  const taskingOpen = await taskCar(incident)
  const taskingToStandDown = await taskCar(otherIncident)
  const taskingStoodDown = await taskCar(earlierIncident)
  await must(desk, 'supportCar.standDown', {
    taskingId: taskingStoodDown,
    reason: 'Victim has gone to her sister’s.',
  })
  const crewOfficer = 'PC 4410 Ellis'
  await must(desk, 'supportCar.addCrew', { name: crewOfficer, role: 'officer' })
  const backup = (await must(desk, 'backups.make', {})).file
  const highest = Math.max(
    calmIncident,
    earlierIncident,
    application,
    followUpToCancel,
    taskingStoodDown,
    seeded.actionDone,
    seeded.otherNote,
  )
  let refs = 0
  return {
    ...seeded,
    escalationAcknowledged,
    escalationRaised,
    calmIncident,
    backup,
    earlierIncident,
    application,
    followUp,
    followUpToCancel,
    followUpCompleted,
    taskingOpen,
    taskingToStandDown,
    taskingStoodDown,
    crewOfficer,
    missing: (rng) =>
      rng.chance(0.5)
        ? highest + 1 + rng.below(1000)
        : rng.pick([2 ** 31 - 1, 2 ** 31, 2 ** 32, 1e15, Number.MAX_SAFE_INTEGER]),
    nextRef: () => `CL-20261121-${String(++refs).padStart(4, '0')}`,
  }
}

const aLine = (rng: Rng, max: number) =>
  rng
    .pick([
      'Spoke briefly.',
      '  padded with spaces  ',
      'Caller \u0007whispering\u0000',
      '💥 urgent',
      '__proto__',
      "'; DROP TABLE notes; --",
      'x'.repeat(max),
    ])
    .slice(0, max)
const anIncident = (rng: Rng, s: Seeded) => rng.pick([s.incident, s.otherIncident])

/** A feed record with one fault that validateRecord must refuse, among random extra fields. */
function brokenRecord(rng: Rng, s: Seeded): Record<string, unknown> {
  const record: Record<string, unknown> = {
    incidentRef: s.nextRef(),
    receivedAt: '2026-11-21T17:40:00Z',
    grade: rng.pick([1, 2, 3, 4, 'G2', 'priority']),
    summary: aLine(rng, 4000),
  }
  for (let i = rng.below(4); i > 0; i--) withOwnKey(record, `extra${i}`, rng.pick([1, 'a', null]))
  const fault = rng.pick<() => void>([
    () => delete record[rng.pick(['incidentRef', 'receivedAt', 'grade', 'summary'])],
    () => (record.grade = rng.pick([0, 5, -1, 2.5, NaN, 'G9', 'urgent', true, [2], null])),
    () =>
      (record.receivedAt = rng.pick([
        '2026-02-30T10:00:00Z',
        '2026-11-21T18:00:00',
        'yesterday',
        '2030-01-01T00:00:00Z',
        1795291200000,
        '',
      ])),
    () =>
      (record.incidentRef = rng.pick(['CL 0001', '../etc', 'x'.repeat(65), 'CL-20261121-0901'])),
    () => (record.summary = rng.pick(['x'.repeat(4001), 42, {}, '   '])),
    () => (record.status = rng.pick(['banana', 'OPEN!', 3])),
    () => (record.victim = rng.pick(['Riley Test', 7, ['Riley']])),
    () => (record.flags = rng.pick(['weapons', Array.from({ length: 51 }, (_, i) => `f${i}`)])),
    () => (record[rng.pick(['notes', 'victim.x'])] = junkThatIsNotJson(rng)),
  ])
  fault()
  return record
}

/** Extra fields are kept only when they are plain JSON of reasonable depth. */
const junkThatIsNotJson = (rng: Rng) =>
  rng.pick<() => unknown>([
    () => NaN,
    () => new Date(0),
    () => new Map(),
    () => 1n,
    () => {
      let deep: unknown = 1
      for (let i = 0; i < 40; i++) deep = [deep]
      return deep
    },
    () => {
      const loop: Record<string, unknown> = {}
      loop.self = loop
      return loop
    },
  ])()

type Wrong<N extends CallName> = (rng: Rng, s: Seeded) => [CallRequest<N>, ErrorCode]

interface CallFuzz<N extends CallName> {
  /** Served to a signed-out caller; every other call must answer 'not-signed-in'. */
  signedOut?: true
  /** A request the call accepts and carries out; the fuzzer breaks it into malformed ones. */
  wellFormed: (s: Seeded) => CallRequest<N>
  /** Requests the schema accepts but the handler's own rules refuse, with the code it gives. */
  wrong: Wrong<N>[]
}

/** A visit the desk records, as the crew reported it, with `change` made to it. */
const visitRequest = (
  s: Seeded,
  change: Partial<CallRequest<'supportCar.recordVisit'>> = {},
): CallRequest<'supportCar.recordVisit'> => ({
  taskingId: s.taskingOpen,
  visitedAt: '2026-11-21T17:55:00Z',
  officer: 'PC 4410 Ellis',
  idva: 'Sam IDVA',
  victimEngaged: true,
  safetyPlanAgreed: true,
  movedToSafety: false,
  disclosureGiven: false,
  referrals: ['idva', 'housing'],
  notes: 'Spoke in the kitchen; suspect not home.',
  completesTasking: true,
  ...change,
})

/**
 * Every call in the contract: a new call is a type error here until it has an entry (and the
 * test checks the same at run time), so no call goes unfuzzed.
 */
const CALLS: { [N in CallName]: CallFuzz<N> } = {
  'session.current': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'session.signIn': {
    signedOut: true,
    wellFormed: () => ({ workerName: 'Sam Relief', organisation: 'Harbour', pin: TEST_PIN }),
    wrong: [],
  },
  'session.signOut': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'session.lock': { wellFormed: () => ({ reason: 'shortcut' }), wrong: [] },
  'session.unlock': {
    wellFormed: () => ({ pin: TEST_PIN }),
    // Signed in but not locked: nothing to unlock, and no wrong try to count.
    wrong: [(r) => [{ pin: r.pick(['0000', '12345678', TEST_PIN]) }, 'bad-request']],
  },
  'incidents.list': { wellFormed: () => ({}), wrong: [] },
  'incidents.get': {
    wellFormed: (s) => ({ id: s.incident }),
    wrong: [(r, s) => [{ id: s.missing(r) }, 'not-found']],
  },
  'incidents.setProgress': {
    wellFormed: (s) => ({ id: s.otherIncident, progress: 'contacted' }),
    wrong: [(r, s) => [{ id: s.missing(r), progress: r.pick(PROGRESS) }, 'not-found']],
  },
  'incidents.addManual': {
    wellFormed: (s) => ({
      record: {
        incidentRef: s.nextRef(),
        receivedAt: '2026-11-21T17:50:00Z',
        grade: 1,
        summary: 'Typed in while the feed is down.',
      },
    }),
    wrong: [(r, s) => [{ record: brokenRecord(r, s) }, 'invalid-record']],
  },
  'contact.logAttempt': {
    wellFormed: (s) => ({
      incidentId: s.incident,
      number: '07700 900123',
      result: 'engaged',
      callBackAt: null,
      note: null,
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          number: aLine(r, 40),
          result: r.pick(CONTACT_RESULTS),
          callBackAt: null,
          note: null,
        },
        'not-found',
      ],
      // More than the five minutes' grace in the past, in any zone.
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          number: '07700 900123',
          result: r.pick(['no-answer', 'engaged', 'call-dropped', 'unsafe-to-talk'] as const),
          callBackAt: r.pick([
            toIsoUtc(NOW - 5 * 60_000 - 1000 - r.below(1e10)),
            '2026-11-21T12:00:00-05:00',
            '2026-11-22T03:00:00+14:00',
            '1970-01-01T00:00:00Z',
          ]),
          note: null,
        },
        'bad-request',
      ],
      // A call-back after a wrong number or a refusal would ring a stranger or ignore a no.
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          number: '07700 900123',
          result: r.pick(['wrong-number', 'declined'] as const),
          callBackAt: '2026-11-21T20:00:00Z',
          note: aLine(r, 2000),
        },
        'bad-request',
      ],
    ],
  },
  'notes.add': {
    wellFormed: (s) => ({
      incidentId: s.incident,
      text: 'Victim agreed to a call tomorrow.',
      tags: ['rapport'],
      actionOwner: null,
      amends: null,
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          text: aLine(r, 200),
          tags: [],
          actionOwner: null,
          amends: null,
        },
        'not-found',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          text: aLine(r, 200),
          tags: ['action', ...(r.chance(0.5) ? (['risk'] as const) : [])],
          actionOwner: null,
          amends: null,
        },
        'bad-request',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          text: aLine(r, 200),
          tags: r.chance(0.5) ? [] : ['rapport', 'safeguarding'],
          actionOwner: r.pick(ACTION_OWNERS),
          amends: null,
        },
        'bad-request',
      ],
      (r, s) => [
        {
          incidentId: s.incident,
          text: aLine(r, 200),
          tags: [],
          actionOwner: null,
          amends: r.pick([s.otherNote, s.missing(r)]),
        },
        'bad-request',
      ],
    ],
  },
  'notes.saveDraft': {
    wellFormed: (s) => ({
      incidentId: s.otherIncident,
      text: 'Neighbour heard shouting',
      tags: [],
      actionOwner: null,
      amends: null,
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          text: r.pick(['', aLine(r, 200)]),
          tags: [],
          actionOwner: null,
          amends: null,
        },
        'not-found',
      ],
      (r, s) => [
        {
          incidentId: s.incident,
          text: aLine(r, 200),
          tags: [],
          actionOwner: null,
          amends: r.pick([s.otherNote, s.missing(r)]),
        },
        'bad-request',
      ],
    ],
  },
  'notes.markActionDone': {
    wellFormed: (s) => ({ noteId: s.actionOpen }),
    wrong: [
      (r, s) => [{ noteId: s.missing(r) }, 'not-found'],
      (r, s) => [{ noteId: r.pick([s.note, s.otherNote, s.actionDone]) }, 'bad-request'],
    ],
  },
  'script.get': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'script.answer': {
    wellFormed: (s) => ({
      incidentId: s.incident,
      scriptVersion: s.script.version,
      questionId: 'now-injured',
      value: 'no',
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          scriptVersion: s.script.version,
          questionId: 'now-injured',
          value: 'yes',
        },
        'not-found',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          scriptVersion: r.pick(['0', '2', `${s.script.version} `.trim() + '.0', 'latest']),
          questionId: 'now-injured',
          value: 'yes',
        },
        'bad-request',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          scriptVersion: s.script.version,
          questionId: r.pick([
            'dash-unknown',
            'NOW-INJURED',
            '__proto__',
            'constructor',
            aLine(r, 80),
          ]),
          value: 'yes',
        },
        'bad-request',
      ],
      (r, s) => {
        const question = r.pick(s.script.steps.flatMap((step) => step.questions))
        const allowed = answerValues(question)
        const value =
          allowed !== null
            ? r.pick(['maybe', 'YES', 'Yes ', 'not_known', '__proto__', 'toString'])
            : question.kind === 'datetime'
              ? r.pick(['tomorrow at six', '2026-02-30T18:00:00Z', '2026-11-21T18:00:00'])
              : r.pick(['', '   '])
        return [
          {
            incidentId: anIncident(r, s),
            scriptVersion: s.script.version,
            questionId: question.id,
            value,
          },
          'bad-request',
        ]
      },
    ],
  },
  'script.setStep': {
    wellFormed: (s) => ({ incidentId: s.incident, stepId: 'safety-planning' }),
    wrong: [
      (r, s) => [{ incidentId: s.missing(r), stepId: 'risk' }, 'not-found'],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          stepId: r.pick(['RISK', 'risk-', 'hasOwnProperty', '__proto__', aLine(r, 80)]),
        },
        'bad-request',
      ],
    ],
  },
  'risk.judge': {
    wellFormed: (s) => ({ incidentId: s.otherIncident, high: false, reason: 'No DASH yet.' }),
    wrong: [
      (r, s) => [
        { incidentId: s.missing(r), high: r.chance(0.5), reason: aLine(r, 2000) },
        'not-found',
      ],
    ],
  },
  'referrals.add': {
    wellFormed: (s) => ({
      incidentId: s.otherIncident,
      service: 'refuge',
      otherService: null,
      decision: 'consented',
      detail: null,
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          service: 'idva',
          otherService: null,
          decision: 'consented',
          detail: null,
        },
        'not-found',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          service: 'other',
          otherService: r.pick([null, '', '   ']),
          decision: 'consented',
          detail: null,
        },
        'bad-request',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          service: r.pick(REFERRAL_SERVICES.filter((x) => x !== 'other')),
          otherService: aLine(r, 200),
          decision: r.pick(REFERRAL_DECISIONS),
          detail: 'x',
        },
        'bad-request',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          service: 'housing',
          otherService: null,
          decision: r.pick(['already-supported', 'declined'] as const),
          detail: r.pick([null, '', '  \t ']),
        },
        'bad-request',
      ],
    ],
  },
  'contact.recordOutcome': {
    wellFormed: (s) => ({ incidentId: s.otherIncident, outcome: 'advice-given', note: null }),
    wrong: [
      (r, s) => [
        { incidentId: s.missing(r), outcome: r.pick(CONTACT_OUTCOMES), note: aLine(r, 2000) },
        'not-found',
      ],
    ],
  },
  'escalations.raise': {
    wellFormed: (s) => ({
      incidentId: s.calmIncident,
      reasons: ['strangulation'],
      detail: 'Disclosed on the call.',
      recommendedGrade: 1,
      fromSuggestion: [],
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          reasons: ['weapon'],
          detail: null,
          recommendedGrade: 1,
          fromSuggestion: [],
        },
        'not-found',
      ],
      // Both incidents already have an open escalation; the grade is not above grade 2 either.
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          reasons: r.pick([['other'], ['weapon', 'injury']] as const).slice(),
          detail: null,
          recommendedGrade: r.pick([1, 2, 3, 4] as const),
          fromSuggestion: r.pick([[], ['no-such-rule'], ['__proto__']]),
        },
        'bad-request',
      ],
    ],
  },
  'escalations.acknowledge': {
    wellFormed: (s) => ({ escalationId: s.escalationRaised, controller: 'Sgt 1180' }),
    wrong: [
      (r, s) => [{ escalationId: s.missing(r), controller: aLine(r, 100) }, 'not-found'],
      (r, s) => [
        { escalationId: s.escalationAcknowledged, controller: aLine(r, 100) },
        'bad-request',
      ],
    ],
  },
  'escalations.recordOutcome': {
    wellFormed: (s) => ({
      escalationId: s.escalationAcknowledged,
      outcome: 'upgraded',
      grade: 1,
      reason: null,
    }),
    wrong: [
      (r, s) => [
        { escalationId: s.missing(r), outcome: 'withdrawn', grade: null, reason: 'Mistaken.' },
        'not-found',
      ],
      // Only a withdrawal may come before the controller's acknowledgement.
      (r, s) => [
        {
          escalationId: s.escalationRaised,
          outcome: r.pick(['upgraded', 'not-upgraded', 'already-attended'] as const),
          grade: r.pick([1, null] as const),
          reason: r.pick([null, 'Unit on scene.']),
        },
        'bad-request',
      ],
      (r, s) => [
        {
          escalationId: s.escalationAcknowledged,
          ...r.pick([
            { outcome: 'upgraded', grade: null, reason: null },
            { outcome: 'upgraded', grade: r.pick([2, 3, 4] as const), reason: null },
            { outcome: 'not-upgraded', grade: null, reason: null },
            { outcome: 'withdrawn', grade: 1, reason: 'Changed my mind.' },
            { outcome: 'already-attended', grade: 1, reason: null },
          ] as const),
        },
        'bad-request',
      ],
    ],
  },
  'repeats.dismiss': {
    wellFormed: (s) => ({
      incidentId: s.incident,
      earlierId: s.earlierIncident,
      kind: 'victim',
      reason: 'Same number, but it was her sister’s phone that night.',
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          earlierId: s.earlierIncident,
          kind: 'victim',
          reason: aLine(r, 500),
        },
        'not-found',
      ],
      // The seeded incidents have no address, so nothing matched by it.
      (r, s) => [
        { incidentId: s.incident, earlierId: s.earlierIncident, kind: 'address', reason: 'x' },
        'bad-request',
      ],
      (r, s) => [
        {
          incidentId: s.earlierIncident,
          earlierId: r.pick([s.incident, s.earlierIncident, s.missing(r)]),
          kind: 'victim',
          reason: aLine(r, 500),
        },
        'bad-request',
      ],
    ],
  },
  'claresLaw.raise': {
    wellFormed: (s) => ({
      incidentId: s.otherIncident,
      route: 'right-to-know',
      raisedBy: 'police',
      raisedOn: '2026-11-20',
      note: 'Raised by the DA unit after the call.',
    }),
    wrong: [
      (r, s) => [
        {
          incidentId: s.missing(r),
          route: 'right-to-ask',
          raisedBy: 'victim',
          raisedOn: '2026-11-21',
          note: null,
        },
        'not-found',
      ],
      (r, s) => [
        {
          incidentId: s.incident,
          route: 'right-to-ask',
          raisedBy: 'victim',
          raisedOn: r.pick(['2026-11-22', '2027-01-01', '2999-12-31']),
          note: null,
        },
        'bad-request',
      ],
    ],
  },
  'claresLaw.updateStatus': {
    wellFormed: (s) => ({
      applicationId: s.application,
      status: 'disclosure-given',
      supportAccepted: 'yes',
      idvaPresent: true,
      note: null,
    }),
    wrong: [
      (r, s) => [
        {
          applicationId: s.missing(r),
          status: 'under-review',
          supportAccepted: null,
          idvaPresent: null,
          note: null,
        },
        'not-found',
      ],
      (r, s) => [
        {
          applicationId: s.application,
          status: r.pick(['raised', 'under-review'] as const),
          supportAccepted: null,
          idvaPresent: null,
          note: null,
        },
        'bad-request',
      ],
      (r, s) => [
        {
          applicationId: s.application,
          status: 'withdrawn',
          supportAccepted: 'yes',
          idvaPresent: null,
          note: null,
        },
        'bad-request',
      ],
      (r, s) => [
        {
          applicationId: s.application,
          status: 'no-disclosure',
          supportAccepted: null,
          idvaPresent: r.pick([true, false]),
          note: null,
        },
        'bad-request',
      ],
    ],
  },
  'escalations.dismissSuggestion': {
    wellFormed: (s) => ({
      incidentId: s.incident,
      ruleIds: ['flag-weapon'],
      reason: 'Weapon was a kitchen knife already secured by officers.',
    }),
    wrong: [
      (r, s) => [
        { incidentId: s.missing(r), ruleIds: ['flag-weapon'], reason: aLine(r, 500) },
        'not-found',
      ],
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          ruleIds: [r.pick(['flag-banana', 'FLAG-WEAPON', 'constructor', aLine(r, 80)])],
          reason: aLine(r, 500),
        },
        'bad-request',
      ],
    ],
  },
  'audit.status': { wellFormed: () => ({}), wrong: [] },
  'shift.current': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'shift.list': { wellFormed: () => PERIOD, wrong: [] },
  'handover.preview': { wellFormed: () => ({}), wrong: [] },
  'shift.handOver': {
    wellFormed: () => ({ formats: ['json'], statsOnly: false, outDir: tempDir() }),
    wrong: [
      (r) => [
        {
          formats: ['pdf', 'csv'],
          statsOnly: r.chance(0.5),
          outDir: r.pick(['exports', '../handovers', 'C:relative', '~/exports']),
        },
        'bad-request',
      ],
    ],
  },
  'figures.get': { wellFormed: () => PERIOD, wrong: [] },
  'figures.export': {
    wellFormed: () => ({ ...PERIOD, formats: ['csv'], outDir: tempDir() }),
    wrong: [
      (r) => [
        { ...PERIOD, formats: ['json'], outDir: r.pick(['exports', './figures', 'figures/2026']) },
        'bad-request',
      ],
    ],
  },
  'handover.ccLogUpdate': {
    wellFormed: (s) => ({ incidentId: s.incident }),
    wrong: [(r, s) => [{ incidentId: s.missing(r) }, 'not-found']],
  },
  'retention.preview': { wellFormed: () => ({ months: 12 }), wrong: [] },
  'retention.run': { wellFormed: () => ({}), wrong: [] },
  'followUps.script': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'followUps.list': { wellFormed: () => ({}), wrong: [] },
  'followUps.ofIncident': {
    wellFormed: (s) => ({ incidentId: s.incident }),
    wrong: [(r, s) => [{ incidentId: s.missing(r) }, 'not-found']],
  },
  'followUps.schedule': {
    wellFormed: (s) => ({ incidentId: s.calmIncident, dueOn: '2027-01-04', reason: 'By hand.' }),
    wrong: [
      (r, s) => [
        { incidentId: s.missing(r), dueOn: '2027-01-04', reason: aLine(r, 2000) },
        'not-found',
      ],
      // Yesterday in London, a day not on the calendar, or more than a year ahead.
      (r, s) => [
        {
          incidentId: anIncident(r, s),
          dueOn: r.pick(['2026-11-20', '2026-02-30', '2027-11-23', '1970-01-01']),
          reason: aLine(r, 2000),
        },
        'bad-request',
      ],
    ],
  },
  'followUps.cancel': {
    wellFormed: (s) => ({ followUpId: s.followUpToCancel, reason: 'Victim moved away.' }),
    wrong: [
      (r, s) => [{ followUpId: s.missing(r), reason: aLine(r, 2000) }, 'not-found'],
      (r, s) => [{ followUpId: s.followUpCompleted, reason: aLine(r, 2000) }, 'bad-request'],
    ],
  },
  'followUps.answer': {
    wellFormed: (s) => ({
      followUpId: s.followUp,
      scriptVersion: '1',
      questionId: 'safety-can-talk',
      value: 'yes',
    }),
    wrong: [
      (r, s) => [
        { followUpId: s.missing(r), scriptVersion: '1', questionId: 'update-given', value: 'yes' },
        'not-found',
      ],
      (r, s) => [
        {
          followUpId: s.followUp,
          scriptVersion: r.pick(['1', '2']),
          questionId: r.pick(['update-given', 'dash-injury', 'nope', 'plan-notes']),
          value: r.pick(['maybe', 'x'.repeat(2000)]),
        },
        'bad-request',
      ],
      (r, s) => [
        {
          followUpId: s.followUpCompleted,
          scriptVersion: '1',
          questionId: 'update-given',
          value: 'yes',
        },
        'bad-request',
      ],
    ],
  },
  'followUps.recordCall': {
    wellFormed: (s) => ({
      followUpId: s.followUp,
      outcome: 'reached-supported',
      tryAgainOn: null,
      note: 'Doing better; wants the IDVA.',
    }),
    wrong: [
      (r, s) => [
        { followUpId: s.missing(r), outcome: 'wrong-number', tryAgainOn: null, note: null },
        'not-found',
      ],
      // A try-again outcome without its day, a day on a closing one, or a day in the past.
      (r, s) => [
        r.pick([
          {
            followUpId: s.followUp,
            outcome: r.pick(['not-reached', 'not-safe'] as const),
            tryAgainOn: null,
            note: null,
          },
          {
            followUpId: s.followUp,
            outcome: r.pick(['reached-supported', 'reached-declined', 'wrong-number'] as const),
            tryAgainOn: '2026-12-01',
            note: null,
          },
          {
            followUpId: s.followUp,
            outcome: 'not-reached' as const,
            tryAgainOn: r.pick(['2026-11-20', '2027-02-29', '2026-04-31']),
            note: null,
          },
          {
            followUpId: s.followUpCompleted,
            outcome: 'wrong-number' as const,
            tryAgainOn: null,
            note: null,
          },
        ]),
        'bad-request',
      ],
    ],
  },
  'supportCar.task': {
    wellFormed: (s) => ({
      incidentId: s.calmIncident,
      reason: 'Second response.',
      priority: 'routine',
    }),
    wrong: [
      (r, s) => [
        { incidentId: s.missing(r), reason: aLine(r, 500), priority: 'urgent' },
        'not-found',
      ],
      // Already on the car's list.
      (r, s) => [
        { incidentId: s.incident, reason: aLine(r, 500), priority: 'high' },
        'bad-request',
      ],
    ],
  },
  'supportCar.standDown': {
    wellFormed: (s) => ({ taskingId: s.taskingToStandDown, reason: 'Police made an arrest.' }),
    wrong: [
      (r, s) => [{ taskingId: s.missing(r), reason: aLine(r, 500) }, 'not-found'],
      (r, s) => [{ taskingId: s.taskingStoodDown, reason: aLine(r, 500) }, 'bad-request'],
    ],
  },
  'supportCar.list': { wellFormed: () => ({}), wrong: [] },
  'supportCar.recordVisit': {
    wellFormed: (s) => visitRequest(s),
    wrong: [
      (r, s) => [visitRequest(s, { taskingId: s.missing(r) }), 'not-found'],
      // A stood-down tasking, no one named as attending, or a time in the future or before the call.
      (r, s) => [
        r.pick([
          visitRequest(s, { taskingId: s.taskingStoodDown }),
          visitRequest(s, { officer: r.pick([null, '']), idva: r.pick([null, '']) }),
          visitRequest(s, {
            visitedAt: r.pick([
              '2026-11-22T18:00:00Z',
              '2026-11-21T17:39:59Z',
              '2025-01-01T00:00:00Z',
            ]),
          }),
        ]),
        'bad-request',
      ],
    ],
  },
  'supportCar.addCrew': {
    wellFormed: () => ({ name: 'Sam IDVA', role: 'idva' }),
    wrong: [(_r, s) => [{ name: s.crewOfficer, role: 'officer' }, 'bad-request']],
  },
  'feed.health': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'feed.quarantined': { wellFormed: () => ({}), wrong: [] },
  'settings.get': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'settings.update': {
    wellFormed: () => ({ theme: 'dark' }),
    wrong: [
      (r) => [
        {
          inboxDir: r.pick(['inbox', './feed', '..', 'C:relative', '~/feed', 'feeds\\DA']),
          ...(r.chance(0.5) ? { theme: 'dark' as const } : {}),
          ...(r.chance(0.5) ? { quickPhrases: ['Changed by a fuzzer.'] } : {}),
        },
        'bad-request',
      ],
    ],
  },
  'desk.status': { signedOut: true, wellFormed: () => ({}), wrong: [] },
  'backups.list': { wellFormed: () => ({}), wrong: [] },
  'backups.make': { wellFormed: () => ({}), wrong: [] },
  'backups.restore': {
    wellFormed: (s) => ({ file: s.backup }),
    // Named like a backup, but not one in the folder.
    wrong: [
      (r) => [
        {
          file: r.pick([
            'da-desk-2026-11-21T180000Z-daily.sqlite',
            'da-desk-2026-11-21T180000Z-manual-2.sqlite',
            'da-desk-1999-01-01T000000Z-before-restore.sqlite',
          ]),
        },
        'not-found',
      ],
    ],
  },
}

const CALL_NAMES = Object.keys(callRequests) as CallName[]

/** Every row of every table, the schema and the version: what "unchanged" means. */
function dumpDatabase(db: Db): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return JSON.stringify({
    userVersion: db.pragma('user_version', { simple: true }),
    schema: db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`).all(),
    rows: tables.map((table) => [
      table,
      db
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  })
}

/** Why a reply is not the typed error expected, or null when it is. */
function replyProblem(reply: unknown, expected: ErrorCode): string | null {
  if (typeof reply !== 'object' || reply === null) return `replied ${preview(reply)}`
  const { ok, error, ...rest } = reply as { ok?: unknown; error?: unknown }
  if (ok !== false || Object.keys(rest).length > 0) return `replied ${preview(reply)}`
  if (typeof error !== 'object' || error === null) return `replied ${preview(reply)}`
  const { code, message, issues, ...more } = error as Record<string, unknown>
  if (!ERROR_CODES.includes(code as ErrorCode)) return `gave the unknown code ${preview(code)}`
  if (typeof message !== 'string' || message.trim() === '') return 'gave no message'
  if (Object.keys(more).length > 0) return `gave an error with ${Object.keys(more).join(', ')}`
  if (issues !== undefined && !Array.isArray(issues)) return 'gave issues that are not a list'
  if (code !== expected) return `gave '${String(code)}' (${message}), not '${expected}'`
  return null
}

interface Run {
  sent: number
  failures: string[]
}

/**
 * Sends the phase's requests, checking each reply; the database is compared whenever SQLite
 * counts a change, so a failure names the request that made it.
 */
async function fuzz(s: Seeded, rng: Rng, signedIn: boolean): Promise<Run> {
  const db = s.desk.db
  const before = dumpDatabase(db)
  const eventsBefore = s.desk.events.length
  const totalChanges = db.prepare('SELECT total_changes()').pluck()
  const changesBefore = totalChanges.get()
  const run: Run = { sent: 0, failures: [] }
  const fail = (name: unknown, request: unknown, problem: string) => {
    if (run.failures.length < 20) {
      run.failures.push(`${preview(name)} with ${preview(request)}: ${problem}`)
    }
  }

  const send = async (name: unknown, request: unknown, expected: ErrorCode) => {
    run.sent++
    const logged: unknown[] = []
    try {
      const reply = await dispatch(s.desk.handlers, name, request, (e) => logged.push(e))
      const problem = replyProblem(reply, expected)
      if (problem) fail(name, request, problem)
    } catch (error) {
      fail(name, request, `threw ${String(error)}`)
    }
    if (logged.length > 0) fail(name, request, `logged ${String(logged[0])}`)
    if (totalChanges.get() !== changesBefore && dumpDatabase(db) !== before) {
      fail(name, request, 'changed the database')
      throw new Error(`Stopped: the database changed.\n${run.failures.join('\n')}`)
    }
  }

  for (const name of CALL_NAMES) {
    const entry = CALLS[name] as CallFuzz<CallName> | undefined
    if (!entry) throw new Error(`${name} has no entry in CALLS: add one`)
    const schema = callRequests[name]
    const wellFormed = entry.wellFormed(s)
    expect(schema.safeParse(wellFormed).success, `${name}: wellFormed`).toBe(true)
    const refused = !signedIn && !entry.signedOut
    for (let i = 0; i < MALFORMED_PER_CALL; i++) {
      await send(name, malformed(rng, schema, wellFormed as Record<string, unknown>), 'bad-request')
    }
    if (refused) await send(name, entry.wellFormed(s), 'not-signed-in')
    for (let i = 0; entry.wrong.length > 0 && i < WRONG_PER_CALL; i++) {
      const [request, code] = rng.pick(entry.wrong)(rng, s)
      if (!schema.safeParse(request).success) {
        throw new Error(`${name}: a wrong request does not pass the schema: ${preview(request)}`)
      }
      await send(name, request, refused ? 'not-signed-in' : code)
    }
  }
  for (let i = 0; i < UNKNOWN_NAMES; i++) {
    const request = rng.chance(0.5) ? {} : junk(rng)
    await send(unknownCallName(rng, CALL_NAMES), request, 'bad-request')
  }

  expect(run.failures, `seed ${SEED}`).toEqual([])
  expect(dumpDatabase(db) === before, `seed ${SEED}: the database changed`).toBe(true)
  expect(s.desk.events.length - eventsBefore, `seed ${SEED}: events pushed`).toBe(0)
  return run
}

describe('every IPC call, fed malformed and hostile requests', () => {
  beforeAll(() => {
    console.log(
      `IPC fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED} npx vitest run tests/unit/core/ipcFuzz.test.ts`,
    )
  })

  test('answers a signed-out caller with typed errors and changes nothing', async () => {
    const s = await seededDesk()
    await must(s.desk, 'session.signOut', {})
    const started = performance.now()
    const run = await fuzz(s, seededRng(SEED), false)
    console.log(`signed out: ${run.sent} requests in ${Math.round(performance.now() - started)} ms`)
  })

  test('answers a signed-in worker with typed errors and changes nothing', async () => {
    const s = await seededDesk()
    const started = performance.now()
    const run = await fuzz(s, seededRng(SEED ^ 0x5eed), true)
    console.log(`signed in: ${run.sent} requests in ${Math.round(performance.now() - started)} ms`)

    // The requests it broke are ones the desk carries out, so the refusals were the fuzzer's doing.
    const before = dumpDatabase(s.desk.db)
    // Handing over and restoring each sign the worker out, so each is followed by a sign-in.
    const last: CallName[] = [
      'shift.handOver',
      'session.signIn',
      'backups.restore',
      'session.signIn',
      'session.signOut',
    ]
    for (const name of [...CALL_NAMES.filter((n) => !last.includes(n)), ...last]) {
      const reply = await dispatch(s.desk.handlers, name, CALLS[name].wellFormed(s))
      expect(reply, name).toMatchObject({ ok: true })
    }
    expect(dumpDatabase(s.desk.db)).not.toBe(before)
  })
})

// Builds the handover record: every incident the shift's workers touched, with what was recorded
// on it up to the end of the shift (so an export made later says the same), the people and the
// location kept apart from the event (POLE), the figures and the outstanding actions. A
// statistics-only record leaves out names, numbers, addresses and every free-text field.
import type { ActionOwner, Grade, NoteTag, PoliceStatus, Progress } from '#shared/domain.ts'
import type { EscalationOutcome, EscalationReason } from '#shared/escalation.ts'
import type {
  ContactScript,
  ContactOutcome,
  ReferralDecision,
  ReferralService,
  ScriptAnswer,
} from '#shared/script.ts'
import { HANDOVER_SCHEMA_VERSION } from '#shared/handover.ts'
import { removedNotice } from '#shared/retention.ts'
import type { HandoverIncident, HandoverRecord, OutstandingAction } from '#shared/handover.ts'
import type { ContactResult } from '#shared/domain.ts'
import type { ClaresLawApplicant, ClaresLawRoute, ClaresLawStatus } from '#shared/claresLaw.ts'
import type { SupportAnswer } from '#shared/claresLaw.ts'
import type { FollowUpOutcome, FollowUpStatus } from '#shared/followUp.ts'
import type { RiskLevel } from '#shared/script.ts'
import type { TaskingPriority, TaskingState } from '#shared/supportCar.ts'
import type { HandoverQueries, ShiftSelection } from '../db/handoverQueries.ts'
import { riskSummary } from '../script/riskSummary.ts'
import { figuresFor, riskRule } from './figures.ts'

export interface RecordOptions {
  scope: 'shift' | 'period'
  selection: ShiftSelection
  /** The shift's or the period's bounds as the header shows them. */
  from: string
  to: string
  workers: string[]
  service: string
  force: string
  protectiveMarking: string
  exportedAt: string
  exportedBy: string
  appVersion: string
  statisticsOnly: boolean
}

const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 6_000) / 10)

/** Groups rows by incident id, keeping their order. */
function byIncident<T extends { incidentId: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const r of rows) {
    const list = map.get(r.incidentId)
    if (list) list.push(r)
    else map.set(r.incidentId, [r])
  }
  return map
}

/** A field's value at an instant: the "from" of the first change recorded after it, if any. */
function valueAt(
  current: string,
  changes: readonly { from: string | null; recordedAt: string }[],
  asAt: string,
): string {
  const later = changes.find((c) => c.recordedAt > asAt)
  return later?.from ?? current
}

/** The first and last time the workers touched each incident, by incident id, in order. */
export type Touches = Map<number, { firstAt: string; lastAt: string }>

export interface HandoverIncidents {
  incidents: HandoverIncident[]
  people: HandoverRecord['people']
  locations: HandoverRecord['locations']
}

/**
 * The incidents as they stood at `asAt`, in the order of `touches`; people and locations apart.
 * `before` is the instant earlier handovers are looked up before.
 */
export function handoverIncidents(
  queries: HandoverQueries,
  script: ContactScript,
  touchesByIncident: Touches,
  asAt: string,
  before: string,
  stats: boolean,
): HandoverIncidents {
  const hide = <T>(value: T): T | null => (stats ? null : value)
  const ids = [...touchesByIncident.keys()]
  const history = byIncident(queries.history(ids, asAt))
  const attempts = byIncident(queries.attempts(ids, asAt))
  const outcomes = byIncident(queries.outcomes(ids, asAt))
  const answers = byIncident(queries.answers(ids, asAt))
  const judgements = byIncident(queries.judgements(ids, asAt))
  const referrals = byIncident(queries.referrals(ids, asAt))
  const escalations = byIncident(queries.escalations(ids, asAt))
  const notes = byIncident(queries.notes(ids, asAt))
  const progress = byIncident(queries.progressChanges(ids, asAt))
  const applications = byIncident(queries.claresLawApplications(ids, asAt))
  const applicationChanges = byIncident(queries.claresLawChanges(ids, asAt))
  const followUps = byIncident(queries.followUps(ids, asAt))
  const followUpCalls = byIncident(queries.followUpCalls(ids, asAt))
  const taskings = byIncident(queries.supportCarTaskings(ids, asAt))
  const visits = byIncident(queries.supportCarVisits(ids, asAt))
  const handedOver = queries.lastHandedOver(ids, before)

  const people: HandoverRecord['people'] = []
  const locations: HandoverRecord['locations'] = []
  const incidents: HandoverIncident[] = []

  for (const r of queries.incidents(ids, asAt)) {
    const id = Number(r.id)
    const incidentId = `incident-${id}`
    const ref = String(r.incident_ref)
    const str = (k: string) => (r[k] === null ? null : String(r[k]))
    const touch = touchesByIncident.get(id)!
    const changes = history.get(id) ?? []
    const gradeChanges = changes.filter((c) => c.field === 'grade')
    const grade = Number(valueAt(String(r.grade), gradeChanges, asAt)) as Grade
    const regrades = gradeChanges
      .filter((c) => c.recordedAt <= asAt)
      .map((c) => ({ from: Number(c.from) as Grade, to: Number(c.to) as Grade, at: c.at }))
    const statusChanges = changes.filter((c) => c.field === 'status')
    const receivedAt = String(r.received_at)

    let victimId: string | null = null
    let suspectId: string | null = null
    let locationId: string | null = null
    if (!stats) {
      if (r.victim_name !== null || r.victim_phone !== null || r.victim_dob !== null) {
        victimId = `person-${id}-victim`
        people.push({
          id: victimId,
          incidentId,
          role: 'victim',
          name: str('victim_name'),
          phone: str('victim_phone'),
          dateOfBirth: str('victim_dob'),
          relationship: null,
        })
      }
      if (r.suspect_name !== null || r.suspect_relationship !== null) {
        suspectId = `person-${id}-suspect`
        people.push({
          id: suspectId,
          incidentId,
          role: 'suspect',
          name: str('suspect_name'),
          phone: null,
          dateOfBirth: null,
          relationship: str('suspect_relationship'),
        })
      }
      if (r.address !== null || r.postcode !== null) {
        locationId = `location-${id}`
        locations.push({
          id: locationId,
          incidentId,
          address: str('address'),
          postcode: str('postcode'),
        })
      }
    }

    const incidentAttempts = attempts.get(id) ?? []
    const firstContact = incidentAttempts.find((a) => a.result === 'spoke-to-victim')
    const incidentAnswers = (answers.get(id) ?? []) as ScriptAnswer[]
    const incidentJudgements = (judgements.get(id) ?? []).map((j) => ({
      ...j,
      high: j.high === 1,
    }))
    const incidentReferrals = (referrals.get(id) ?? []).map((f) => ({
      ...f,
      service: f.service as ReferralService,
      decision: f.decision as ReferralDecision,
    }))
    const risk = riskSummary(script, incidentAnswers, incidentJudgements, incidentReferrals)
    const progressChanges = progress.get(id) ?? []
    const lastChange = progressChanges.filter((p) => p.at <= asAt).at(-1)
    const progressAt = (lastChange?.to ??
      progressChanges.find((p) => p.at > asAt)?.from ??
      String(r.progress)) as Progress

    const incidentNotes = notes.get(id) ?? []
    const outstandingActions: OutstandingAction[] = incidentNotes
      .filter((n) => n.actionOwner !== null && n.doneAt === null)
      .map((n) => ({
        id: `note-${n.id}`,
        incidentId,
        incidentRef: ref,
        owner: n.actionOwner as ActionOwner,
        text: hide(n.text),
        at: n.at,
        by: hide(n.author),
      }))

    incidents.push({
      id: incidentId,
      incidentRef: ref,
      victimId,
      suspectId,
      locationId,
      // A purged incident says so where its summary was, rather than leaving a gap.
      summary: hide(r.purged_at ? removedNotice(String(r.purged_at)) : String(r.summary)),
      source: str('source'),
      callerRole: str('caller_role'),
      flags: JSON.parse(String(r.flags)) as string[],
      receivedAt,
      status: valueAt(String(r.status), statusChanges, asAt) as PoliceStatus,
      firstGrade: (gradeChanges.length ? Number(gradeChanges[0]!.from) : grade) as Grade,
      grade,
      regrades,
      firstTouchedAt: touch.firstAt,
      lastTouchedAt: touch.lastAt,
      progress: progressAt,
      attempts: incidentAttempts.map((a) => ({
        id: `attempt-${a.id}`,
        at: a.at,
        result: a.result as ContactResult,
        number: hide(a.number),
        callBackAt: a.callBackAt,
        note: hide(a.note),
        by: hide(a.by),
      })),
      firstContactAt: firstContact?.at ?? null,
      minutesToFirstContact: firstContact ? minutesBetween(receivedAt, firstContact.at) : null,
      outcomes: (outcomes.get(id) ?? []).map((o) => ({
        id: `outcome-${o.id}`,
        at: o.at,
        outcome: o.outcome as ContactOutcome,
        note: hide(o.note),
        by: hide(o.by),
      })),
      risk: {
        level: risk.level,
        yesCount: risk.yesCount,
        answered: risk.answered,
        total: risk.total,
        byJudgement: risk.byJudgement,
      },
      judgements: incidentJudgements.map((j) => ({
        id: `judgement-${j.id}`,
        at: j.at,
        high: j.high,
        reason: hide(j.reason),
        by: hide(j.by),
      })),
      escalations: (escalations.get(id) ?? []).map((e) => ({
        id: `escalation-${e.id}`,
        state: e.outcome !== null ? 'closed' : e.ackAt !== null ? 'acknowledged' : 'raised',
        raisedAt: e.raisedAt,
        raisedBy: hide(e.raisedBy),
        reasons: JSON.parse(e.reasons) as EscalationReason[],
        detail: hide(e.detail),
        currentGrade: e.currentGrade as Grade,
        recommendedGrade: e.recommendedGrade as Grade,
        minutesFromCall: minutesBetween(receivedAt, e.raisedAt),
        acknowledgement:
          e.ackAt === null
            ? null
            : { at: e.ackAt, controller: hide(e.ackController!), recordedBy: hide(e.ackBy!) },
        linkedRegrade:
          e.regradeAt === null
            ? null
            : { from: e.regradeFrom as Grade, to: e.regradeTo as Grade, at: e.regradeAt },
        outcome:
          e.outcome === null
            ? null
            : {
                outcome: e.outcome as EscalationOutcome,
                at: e.outcomeAt!,
                by: hide(e.outcomeBy!),
                grade: e.outcomeGrade as Grade | null,
                reason: hide(e.outcomeReason),
              },
      })),
      referrals: incidentReferrals.map((f) => ({
        id: `referral-${f.id}`,
        at: f.at,
        service: f.service,
        otherService: f.otherService,
        decision: f.decision,
        detail: hide(f.detail),
        by: hide(f.by),
      })),
      notes: stats
        ? []
        : incidentNotes.map((n) => ({
            id: `note-${n.id}`,
            at: n.at,
            author: n.author,
            text: n.text,
            tags: JSON.parse(n.tags) as NoteTag[],
            amends: n.amends === null ? null : `note-${n.amends}`,
            actionOwner: n.actionOwner as ActionOwner | null,
            actionDoneAt: n.doneAt,
            actionDoneBy: n.doneBy,
          })),
      outstandingActions,
      claresLawApplications: claresLawRecord(
        applications.get(id) ?? [],
        applicationChanges.get(id) ?? [],
        hide,
      ),
      followUps: followUpRecord(followUps.get(id) ?? [], followUpCalls.get(id) ?? [], hide),
      supportCar: supportCarRecord(taskings.get(id) ?? [], visits.get(id) ?? [], hide),
      previouslyHandedOverAt: handedOver.get(id) ?? null,
    })
  }
  // In the order the shift first touched them.
  const order = new Map(ids.map((id, i) => [`incident-${id}`, i]))
  incidents.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  return { incidents, people, locations }
}

type Hide = <T>(value: T) => T | null
type Rows<K extends keyof HandoverQueries> = ReturnType<HandoverQueries[K]>

/** The incident's Clare's Law applications, each with its status changes up to the record's end. */
function claresLawRecord(
  applications: Rows<'claresLawApplications'>,
  changes: Rows<'claresLawChanges'>,
  hide: Hide,
): HandoverIncident['claresLawApplications'] {
  return applications.map((a) => {
    const own = changes
      .filter((c) => c.applicationId === a.id)
      .map((c) => ({
        id: `clareslawstatus-${c.id}`,
        status: c.status as ClaresLawStatus,
        supportAccepted: c.supportAccepted as SupportAnswer | null,
        idvaPresent: c.idvaPresent === null ? null : c.idvaPresent === 1,
        note: hide(c.note),
        at: c.at,
        by: hide(c.by),
      }))
    const latest = <T>(pick: (c: (typeof own)[number]) => T | null) =>
      own.reduce<T | null>((last, c) => pick(c) ?? last, null)
    return {
      id: `clareslaw-${a.id}`,
      route: a.route as ClaresLawRoute,
      raisedBy: a.raisedBy as ClaresLawApplicant,
      raisedOn: a.raisedOn,
      recordedAt: a.recordedAt,
      recordedBy: hide(a.by),
      // Raising an application records its first status in the same transaction.
      status: own.at(-1)?.status ?? 'raised',
      supportAccepted: latest((c) => c.supportAccepted),
      idvaPresent: latest((c) => c.idvaPresent),
      changes: own,
    }
  })
}

/** The incident's follow-ups with their calls, up to the record's end. */
function followUpRecord(
  followUps: Rows<'followUps'>,
  calls: Rows<'followUpCalls'>,
  hide: Hide,
): HandoverIncident['followUps'] {
  return followUps.map((f) => {
    const own = calls.filter((c) => c.followUpId === f.id)
    return {
      id: `followup-${f.id}`,
      scheduledFor: f.scheduledFor,
      dueOn: own.filter((c) => c.tryAgainOn !== null).at(-1)?.tryAgainOn ?? f.scheduledFor,
      riskLevel: f.riskLevel as RiskLevel,
      reason: hide(f.reason),
      replaces: f.replaces === null ? null : `followup-${f.replaces}`,
      scheduledAt: f.scheduledAt,
      scheduledBy: hide(f.scheduledBy),
      status: (f.closedKind ?? 'open') as FollowUpStatus,
      closedAt: f.closedAt,
      closedReason: hide(f.closedReason),
      calls: own.map((c) => ({
        id: `followupcall-${c.id}`,
        at: c.at,
        outcome: c.outcome as FollowUpOutcome,
        tryAgainOn: c.tryAgainOn,
        note: hide(c.note),
        by: hide(c.by),
      })),
    }
  })
}

/** The incident's support car taskings, each with its visits, up to the record's end. */
function supportCarRecord(
  taskings: Rows<'supportCarTaskings'>,
  visits: Rows<'supportCarVisits'>,
  hide: Hide,
): HandoverIncident['supportCar'] {
  return {
    taskings: taskings.map((t) => ({
      id: `tasking-${t.id}`,
      reason: hide(t.reason),
      priority: t.priority as TaskingPriority,
      taskedAt: t.taskedAt,
      taskedBy: hide(t.taskedBy),
      state: (t.closedKind ?? 'open') as TaskingState,
      closedAt: t.closedAt,
      closedBy: hide(t.closedBy),
      standDownReason: t.closedKind === 'stood-down' ? hide(t.closedReason) : null,
      visits: visits
        .filter((v) => v.taskingId === t.id)
        .map((v) => ({
          id: `visit-${v.id}`,
          visitedAt: v.visitedAt,
          recordedAt: v.recordedAt,
          recordedBy: hide(v.recordedBy),
          officer: hide(v.officer),
          idva: hide(v.idva),
          victimEngaged: v.victimEngaged === 1,
          safetyPlanAgreed: v.safetyPlanAgreed === 1,
          movedToSafety: v.movedToSafety === 1,
          disclosureGiven: v.disclosureGiven === 1,
          referralIds: (JSON.parse(v.referralIds) as number[]).map((r) => `referral-${r}`),
          notes: hide(v.notes),
        })),
    })),
  }
}

export function handoverRecord(
  queries: HandoverQueries,
  script: ContactScript,
  options: RecordOptions,
): HandoverRecord {
  const { selection, statisticsOnly: stats } = options
  const touches: Touches = new Map()
  for (const t of queries.touches(selection)) {
    const seen = touches.get(t.incidentId)
    touches.set(t.incidentId, {
      firstAt: seen && seen.firstAt < t.firstAt ? seen.firstAt : t.firstAt,
      lastAt: seen && seen.lastAt > t.lastAt ? seen.lastAt : t.lastAt,
    })
  }
  const { incidents, people, locations } = handoverIncidents(
    queries,
    script,
    touches,
    selection.asAt,
    options.exportedAt,
    stats,
  )
  return {
    schema: 'da-desk.handover',
    schemaVersion: HANDOVER_SCHEMA_VERSION,
    header: {
      service: options.service,
      force: options.force,
      scope: options.scope,
      shiftId: selection.shiftId,
      from: options.from,
      to: options.to,
      workers: stats ? [] : options.workers,
      workerCount: options.workers.length,
      exportedAt: options.exportedAt,
      exportedBy: stats ? null : options.exportedBy,
      appVersion: options.appVersion,
      protectiveMarking: options.protectiveMarking,
      statisticsOnly: stats,
      asAt: selection.asAt,
    },
    figures: figuresFor(queries, selection, riskRule(script)),
    supportCarFigures: queries.supportCarFigures(options.from, options.to),
    people,
    locations,
    incidents,
    // Every action still outstanding, also those carried on incidents this shift did not touch.
    outstandingActions: queries.outstandingActions(selection.asAt).map((a) => ({
      id: `note-${a.id}`,
      incidentId: `incident-${a.incidentId}`,
      incidentRef: a.incidentRef,
      owner: a.owner as ActionOwner,
      text: stats ? null : a.text,
      at: a.at,
      by: stats ? null : a.by,
    })),
  }
}

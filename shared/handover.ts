// The shift handover and the scheme's figures: shifts (a start, an end and the workers who signed
// in to them), the figures a shift or any period adds up to, the handover record that goes to the
// police and the next shift, and what an export wrote. The record is defined once, in zod, so the
// JSON export's published schema (docs/handover.schema.json) is generated from it.
// No Node or DOM imports here.
import { z } from 'zod'
import type { HandoverBackup } from './backup.ts'
import { ACTION_OWNERS, CONTACT_RESULTS, GRADES, NOTE_TAGS, PROGRESS } from './domain.ts'
import { ESCALATION_OUTCOMES, ESCALATION_REASONS } from './escalation.ts'
import { CONTACT_OUTCOMES, REFERRAL_DECISIONS, REFERRAL_SERVICES, RISK_LEVELS } from './script.ts'
import {
  CLARES_LAW_APPLICANTS,
  CLARES_LAW_ROUTES,
  CLARES_LAW_STATUSES,
  SUPPORT_ANSWERS,
} from './claresLaw.ts'
import { FOLLOW_UP_OUTCOMES } from './followUp.ts'
import { TASKING_PRIORITIES } from './supportCar.ts'
import type { SupportCarFigures } from './supportCar.ts'

/** A shift: one or more workers' sessions between its start and the hand over that ended it. */
export interface Shift {
  id: number
  /** ISO UTC; shown and bounded in Europe/London wall-clock time. */
  startedAt: string
  /** Null while the shift is open. */
  endedAt: string | null
  /** The workers who signed in to it, as "Name (Organisation)", in the order they joined. */
  workers: string[]
  /** Who handed it over (the worker signed in when it ended); null while open. */
  handedOverBy: string | null
}

export const EXPORT_FORMATS = ['pdf', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF — for people',
  csv: 'CSV — for the performance team',
  json: 'JSON — for systems',
}

/** The marking exported records carry unless the service sets another in Settings. */
export const DEFAULT_PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE'

/** The version of the handover record's JSON schema; a change to its shape is a new version. */
export const HANDOVER_SCHEMA_VERSION = 2

const iso = z.iso.datetime().meta({ id: 'Instant', description: 'ISO 8601, UTC (Z)' })
const grade = z
  .union(GRADES.map((g) => z.literal(g)))
  .meta({ id: 'Grade', description: '1 immediate … 4 resolution' })
/** Stable identifiers: the kind and the record's id, e.g. "incident-12", "person-12-victim". */
const ref = z
  .string()
  .regex(/^[a-z]+-\d+(-[a-z]+)?$/)
  .meta({ id: 'Id', description: 'A stable identifier: kind-number, e.g. incident-12' })

/**
 * The scheme's figures for a shift or a period. docs/handover.md defines each one. Counts are
 * additive: a period's counts are the sum of its shifts'. The medians are not, so they are
 * worked out over the events of the shift or period itself; nor are the follow-ups open at the
 * end, which are a snapshot at the shift's or period's end (NOT_ADDED_UP lists them all).
 */
export const shiftFiguresSchema = z
  .strictObject({
    /** Incidents touched by the shift's workers, once per shift. */
    incidentsReviewed: z.number().int().min(0),
    /** Incidents with an attempt that spoke to the victim, once per shift. */
    victimsContacted: z.number().int().min(0),
    contactAttempts: z.number().int().min(0),
    /** Incidents reviewed whose risk was high at the end of the shift. */
    highRiskVictims: z.number().int().min(0),
    maracReferrals: z.number().int().min(0),
    daServiceReferrals: z.number().int().min(0),
    otherServiceReferrals: z.number().int().min(0),
    movedToSafety: z.number().int().min(0),
    /** Applications recorded in the Clare's Law record (migration 10) in the shift. */
    claresLawApplications: z.number().int().min(0),
    /** Incidents with a consented Clare's Law referral in the script, once per shift. */
    claresLawReferrals: z.number().int().min(0),
    /** Applications whose first "disclosure given" was recorded in the shift. */
    claresLawDisclosures: z.number().int().min(0),
    /** Disclosures whose first "IDVA present" was recorded in the shift. */
    claresLawDisclosuresWithIdva: z.number().int().min(0),
    /** Disclosures whose first "accepted support" was recorded in the shift. */
    claresLawSupportAccepted: z.number().int().min(0),
    /** Disclosures that first had both an IDVA present and support accepted in the shift. */
    claresLawSupportAcceptedWithIdva: z.number().int().min(0),
    /** Follow-ups scheduled in the shift (a reschedule moves one; it is not a new one). */
    followUpsScheduled: z.number().int().min(0),
    followUpCalls: z.number().int().min(0),
    /** Follow-ups with a call in the shift that spoke to the survivor, once per shift. */
    followUpsReached: z.number().int().min(0),
    escalationsRaised: z.number().int().min(0),
    escalationsAcknowledged: z.number().int().min(0),
    escalationsUpgraded: z.number().int().min(0),
    /** Call received to the first attempt that spoke to the victim, over the victims first spoken to. */
    medianMinutesToFirstContact: z.number().min(0).nullable(),
    /** How many first contacts that median is over. */
    firstContacts: z.number().int().min(0),
    /** Call received to each escalation raised. */
    medianMinutesToEscalation: z.number().min(0).nullable(),
    /** Snapshots at the end of the shift or period, so not added up: follow-ups still open… */
    followUpsOpenAtEnd: z.number().int().min(0),
    /** …and of those, due before the day the shift or period ends on. */
    followUpsOverdueAtEnd: z.number().int().min(0),
  })
  .meta({ id: 'Figures' })
export type ShiftFigures = z.infer<typeof shiftFiguresSchema>

/** The figures' names for people, in the order the record, the page and the CSV give them. */
export const FIGURE_LABELS: Record<keyof ShiftFigures, string> = {
  incidentsReviewed: 'Incidents reviewed',
  victimsContacted: 'Victims contacted (spoke to)',
  contactAttempts: 'Contact attempts',
  highRiskVictims: 'High-risk (DASH) victims',
  maracReferrals: 'MARAC referrals',
  daServiceReferrals: 'Referrals to DA services',
  otherServiceReferrals: 'Referrals to other services',
  movedToSafety: 'Moved to safety',
  claresLawApplications: "Clare's Law applications raised",
  claresLawReferrals: "Clare's Law referrals in the script",
  claresLawDisclosures: "Clare's Law disclosures given",
  claresLawDisclosuresWithIdva: 'Disclosures with an IDVA present',
  claresLawSupportAccepted: 'Disclosure recipients who accepted support',
  claresLawSupportAcceptedWithIdva: 'Accepted support, with an IDVA present',
  followUpsScheduled: 'Follow-up calls scheduled',
  followUpCalls: 'Follow-up calls made',
  followUpsReached: 'Follow-ups that spoke to the survivor',
  escalationsRaised: 'Escalations raised',
  escalationsAcknowledged: 'Escalations acknowledged',
  escalationsUpgraded: 'Escalations upgraded',
  medianMinutesToFirstContact: 'Median minutes from call to first contact',
  firstContacts: 'First contacts (the median is over these)',
  medianMinutesToEscalation: 'Median minutes from call to escalation',
  followUpsOpenAtEnd: 'Follow-ups open at the end',
  followUpsOverdueAtEnd: 'Follow-ups overdue at the end',
}

/** The figures that are not the sum of the shifts': medians and end-of-period snapshots. */
export const NOT_ADDED_UP = [
  'medianMinutesToFirstContact',
  'medianMinutesToEscalation',
  'followUpsOpenAtEnd',
  'followUpsOverdueAtEnd',
] as const satisfies readonly (keyof ShiftFigures)[]

/**
 * A median of minutes as people read it: "4.5 min" and "12 min" under an hour, then "2 h 28 min",
 * and past a day "6 d 3 h". The page, the PDF and the weekly table all show it so.
 */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes.toLocaleString('en-GB', { maximumFractionDigits: 1 })} min`
  const whole = Math.round(minutes)
  const hours = Math.floor(whole / 60)
  return hours < 24
    ? `${hours} h ${String(whole % 60).padStart(2, '0')} min`
    : `${Math.floor(hours / 24)} d ${hours % 24} h`
}

/** How long a shift lasted (or has lasted), e.g. "7 h 30 min". */
export function shiftLength(from: string, to: string): string {
  const minutes = Math.round((Date.parse(to) - Date.parse(from)) / 60_000)
  const h = Math.floor(minutes / 60)
  return h === 0 ? `${minutes} min` : `${h} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** One week of a period's figures: the shifts that started from Monday 00:00 (London). */
export interface WeeklyFigures {
  /** The Monday that starts the week, as dd/MM/yyyy. */
  weekOf: string
  /** The week's bounds within the period (the first and last may be part weeks). */
  from: string
  to: string
  shifts: number
  figures: ShiftFigures
}

/** The figures for any period: the shifts that started in [from, to), and week by week. */
export interface FiguresPeriod {
  from: string
  to: string
  shifts: number
  figures: ShiftFigures
  weeks: WeeklyFigures[]
}

const person = z
  .strictObject({
    id: ref,
    incidentId: ref,
    role: z.enum(['victim', 'suspect']),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    dateOfBirth: z.string().nullable(),
    /** For a suspect: the relationship to the victim, as the call gave it. */
    relationship: z.string().nullable(),
  })
  .meta({ id: 'Person' })

const location = z
  .strictObject({
    id: ref,
    incidentId: ref,
    address: z.string().nullable(),
    postcode: z.string().nullable(),
  })
  .meta({ id: 'Location' })

const attempt = z
  .strictObject({
    id: ref,
    at: iso,
    result: z.enum(CONTACT_RESULTS),
    /** The number dialled; null in a statistics-only export. */
    number: z.string().nullable(),
    callBackAt: iso.nullable(),
    note: z.string().nullable(),
    by: z.string().nullable(),
  })
  .meta({ id: 'ContactAttempt' })

const outcome = z
  .strictObject({
    id: ref,
    at: iso,
    outcome: z.enum(CONTACT_OUTCOMES),
    note: z.string().nullable(),
    by: z.string().nullable(),
  })
  .meta({ id: 'ContactOutcome' })

const judgement = z
  .strictObject({
    id: ref,
    at: iso,
    high: z.boolean(),
    reason: z.string().nullable(),
    by: z.string().nullable(),
  })
  .meta({ id: 'RiskJudgement' })

const referral = z
  .strictObject({
    id: ref,
    at: iso,
    service: z.enum(REFERRAL_SERVICES),
    otherService: z.string().nullable(),
    /** Consent: referred with consent, no consent, already supported, or declined. */
    decision: z.enum(REFERRAL_DECISIONS),
    detail: z.string().nullable(),
    by: z.string().nullable(),
  })
  .meta({ id: 'Referral' })

const escalation = z
  .strictObject({
    id: ref,
    state: z.enum(['raised', 'acknowledged', 'closed']),
    raisedAt: iso,
    raisedBy: z.string().nullable(),
    reasons: z.array(z.enum(ESCALATION_REASONS)),
    detail: z.string().nullable(),
    currentGrade: grade,
    recommendedGrade: grade,
    minutesFromCall: z.number().min(0),
    acknowledgement: z
      .strictObject({
        at: iso,
        controller: z.string().nullable(),
        recordedBy: z.string().nullable(),
      })
      .nullable(),
    linkedRegrade: z.strictObject({ from: grade, to: grade, at: iso }).nullable(),
    outcome: z
      .strictObject({
        outcome: z.enum(ESCALATION_OUTCOMES),
        at: iso,
        by: z.string().nullable(),
        grade: grade.nullable(),
        reason: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'Escalation' })

const note = z
  .strictObject({
    id: ref,
    at: iso,
    author: z.string(),
    text: z.string(),
    tags: z.array(z.enum(NOTE_TAGS)),
    /** The note this one corrects (notes are never changed; a correction is a new note). */
    amends: ref.nullable(),
    actionOwner: z.enum(ACTION_OWNERS).nullable(),
    actionDoneAt: iso.nullable(),
    actionDoneBy: z.string().nullable(),
  })
  .meta({ id: 'Note' })

const calendarDay = z.iso
  .date()
  .meta({ id: 'Date', description: 'A London calendar day, yyyy-MM-dd' })

/** One status change of a Clare's Law application (never changed; the latest is the status). */
const claresLawStatusChange = z
  .strictObject({
    id: ref,
    status: z.enum(CLARES_LAW_STATUSES),
    supportAccepted: z.enum(SUPPORT_ANSWERS).nullable(),
    idvaPresent: z.boolean().nullable(),
    /** Null in a statistics-only export. */
    note: z.string().nullable(),
    at: iso,
    by: z.string().nullable(),
  })
  .meta({ id: 'ClaresLawStatusChange' })

/** A Clare's Law application raised from the incident, as it stood at the record's instant. */
const claresLawApplication = z
  .strictObject({
    id: ref,
    route: z.enum(CLARES_LAW_ROUTES),
    /** Who made it: the victim, a relative or friend, police or a partner agency. */
    raisedBy: z.enum(CLARES_LAW_APPLICANTS),
    raisedOn: calendarDay,
    recordedAt: iso,
    recordedBy: z.string().nullable(),
    status: z.enum(CLARES_LAW_STATUSES),
    /** The latest answers given, null when none has been. */
    supportAccepted: z.enum(SUPPORT_ANSWERS).nullable(),
    idvaPresent: z.boolean().nullable(),
    changes: z.array(claresLawStatusChange),
  })
  .meta({ id: 'ClaresLawApplication' })

const followUpCall = z
  .strictObject({
    id: ref,
    at: iso,
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    /** For not reached or not safe to talk: the day to try again. */
    tryAgainOn: calendarDay.nullable(),
    note: z.string().nullable(),
    by: z.string().nullable(),
  })
  .meta({ id: 'FollowUpCall' })

/** A six-week follow-up call, as it stood at the record's instant. */
const followUp = z
  .strictObject({
    id: ref,
    scheduledFor: calendarDay,
    /** The latest try-again day a call gave, or else the day it was scheduled for. */
    dueOn: calendarDay,
    /** The risk level it was scheduled for. */
    riskLevel: z.enum(RISK_LEVELS),
    /** Why it was scheduled by hand; null when the app scheduled it (and in statistics only). */
    reason: z.string().nullable(),
    /** The follow-up it was moved from. */
    replaces: ref.nullable(),
    scheduledAt: iso,
    scheduledBy: z.string().nullable(),
    status: z.enum(['open', 'completed', 'cancelled', 'rescheduled']),
    closedAt: iso.nullable(),
    /** Why it was cancelled or moved; null in a statistics-only export. */
    closedReason: z.string().nullable(),
    calls: z.array(followUpCall),
  })
  .meta({ id: 'FollowUp' })

/** One support car visit, as recorded (visits are never changed). */
const supportCarVisit = z
  .strictObject({
    id: ref,
    /** When the crew attended; they may record it later. */
    visitedAt: iso,
    recordedAt: iso,
    recordedBy: z.string().nullable(),
    /** The crew who attended; null in a statistics-only export. */
    officer: z.string().nullable(),
    idva: z.string().nullable(),
    victimEngaged: z.boolean(),
    safetyPlanAgreed: z.boolean(),
    movedToSafety: z.boolean(),
    /** A Clare's Law disclosure was given at the visit. */
    disclosureGiven: z.boolean(),
    /** The incident's referrals the visit made (each is in the incident's referrals). */
    referralIds: z.array(ref),
    /** Null in a statistics-only export. */
    notes: z.string().nullable(),
  })
  .meta({ id: 'SupportCarVisit' })

/** A tasking of the support car to the incident, as it stood at the record's instant. */
const supportCarTasking = z
  .strictObject({
    id: ref,
    /** Why the desk tasked the car; null in a statistics-only export. */
    reason: z.string().nullable(),
    priority: z.enum(TASKING_PRIORITIES),
    taskedAt: iso,
    taskedBy: z.string().nullable(),
    state: z.enum(['open', 'stood-down', 'completed']),
    closedAt: iso.nullable(),
    closedBy: z.string().nullable(),
    /** Why it was stood down; null otherwise and in a statistics-only export. */
    standDownReason: z.string().nullable(),
    /** Oldest first. */
    visits: z.array(supportCarVisit),
  })
  .meta({ id: 'SupportCarTasking' })

const byRoute = z
  .strictObject({
    byPhone: z.number().int().min(0),
    byVisit: z.number().int().min(0),
    /** Victims counted by either, once each. */
    total: z.number().int().min(0),
  })
  .meta({ id: 'ByRoute' })

/** The support car's figures beside the desk's, counted by incident (docs/handover.md). */
const supportCarFiguresSchema = z
  .strictObject({
    taskings: z.number().int().min(0),
    visits: z.number().int().min(0),
    engaged: byRoute,
    referredToDaServices: byRoute,
    referredToOtherServices: byRoute,
    movedToSafety: byRoute,
    disclosuresAtVisits: z.number().int().min(0),
  })
  .meta({ id: 'SupportCarFigures' }) satisfies z.ZodType<SupportCarFigures>

/** An action note not marked done: it stays on the queue, shift after shift, until it is. */
export const outstandingActionSchema = z
  .strictObject({
    id: ref,
    incidentId: ref,
    incidentRef: z.string(),
    owner: z.enum(ACTION_OWNERS),
    /** The action in the worker's words; null in a statistics-only export. */
    text: z.string().nullable(),
    at: iso,
    by: z.string().nullable(),
  })
  .meta({ id: 'OutstandingAction' })
export type OutstandingAction = z.infer<typeof outstandingActionSchema>

/**
 * One incident in a handover (a POLE event): the police call and everything the workers recorded
 * on it up to the end of the shift. People and the location are kept apart and referred to by id.
 */
export const handoverIncidentSchema = z
  .strictObject({
    id: ref,
    incidentRef: z.string(),
    victimId: ref.nullable(),
    suspectId: ref.nullable(),
    locationId: ref.nullable(),
    /** The call handler's summary; null in a statistics-only export (it names people). */
    summary: z.string().nullable(),
    source: z.string().nullable(),
    callerRole: z.string().nullable(),
    flags: z.array(z.string()),
    receivedAt: iso,
    status: z.enum(['open', 'assigned', 'attended', 'closed']),
    firstGrade: grade,
    grade,
    regrades: z.array(z.strictObject({ from: grade, to: grade, at: iso })),
    /** The first and last record the shift's workers made on it within the shift. */
    firstTouchedAt: iso,
    lastTouchedAt: iso,
    progress: z.enum(PROGRESS),
    attempts: z.array(attempt),
    /** The first attempt ever that spoke to the victim, and minutes from the call to it. */
    firstContactAt: iso.nullable(),
    minutesToFirstContact: z.number().min(0).nullable(),
    outcomes: z.array(outcome),
    risk: z.strictObject({
      level: z.enum(RISK_LEVELS),
      yesCount: z.number().int().min(0),
      answered: z.number().int().min(0),
      total: z.number().int().min(0),
      byJudgement: z.boolean(),
    }),
    judgements: z.array(judgement),
    escalations: z.array(escalation),
    referrals: z.array(referral),
    /** Empty in a statistics-only export. */
    notes: z.array(note),
    outstandingActions: z.array(outstandingActionSchema),
    claresLawApplications: z.array(claresLawApplication),
    followUps: z.array(followUp),
    supportCar: z.strictObject({ taskings: z.array(supportCarTasking) }),
    /** When an earlier handover included it. */
    previouslyHandedOverAt: iso.nullable(),
  })
  .meta({ id: 'Incident' })
export type HandoverIncident = z.infer<typeof handoverIncidentSchema>

/** The handover record: what the PDF shows and the JSON export holds. */
export const handoverRecordSchema = z
  .strictObject({
    schema: z.literal('da-desk.handover'),
    schemaVersion: z.literal(HANDOVER_SCHEMA_VERSION),
    header: z.strictObject({
      service: z.string(),
      force: z.string(),
      /** A shift's handover, or the records of every shift that started in a period. */
      scope: z.enum(['shift', 'period']),
      shiftId: z.number().int().positive().nullable(),
      from: iso,
      to: iso,
      /** As "Name (Organisation)"; empty in a statistics-only export. */
      workers: z.array(z.string()),
      workerCount: z.number().int().min(0),
      exportedAt: iso,
      /** Null in a statistics-only export. */
      exportedBy: z.string().nullable(),
      appVersion: z.string(),
      protectiveMarking: z.string(),
      statisticsOnly: z.boolean(),
      /** The records are as they stood at this instant (the end of the shift or period). */
      asAt: iso,
    }),
    figures: shiftFiguresSchema,
    /** By phone and by support car visit, for the records made in [from, to). */
    supportCarFigures: supportCarFiguresSchema,
    people: z.array(person),
    locations: z.array(location),
    incidents: z.array(handoverIncidentSchema),
    outstandingActions: z.array(outstandingActionSchema),
  })
  .meta({
    title: 'DA Desk handover record',
    description:
      'A shift handover (or the records of a period) exported by DA Desk. POLE: people and ' +
      'locations are kept apart from the incidents (events) and referred to by stable ids. ' +
      'Statistics-only exports leave personal fields null and people, locations and notes empty.',
  })
export type HandoverRecord = z.infer<typeof handoverRecordSchema>

/** One file an export wrote. */
export interface ExportedFile {
  format: ExportFormat | 'manifest'
  name: string
  path: string
  bytes: number
  sha256: string
}

/** The manifest written beside every export: each file's name, size and SHA-256. */
export interface ExportManifest {
  schema: 'da-desk.manifest'
  schemaVersion: 1
  exportedAt: string
  /** Null in a statistics-only export. */
  exportedBy: string | null
  scope: 'shift' | 'period'
  shiftId: number | null
  from: string
  to: string
  statisticsOnly: boolean
  protectiveMarking: string
  incidents: number
  files: { name: string; format: ExportFormat; bytes: number; sha256: string }[]
}

/** What an export did: the folder, every file (the manifest last) and the manifest itself. */
export interface ExportResult {
  exportId: number
  folder: string
  files: ExportedFile[]
  manifest: ExportManifest
  /** For a hand over: the shift it ended. */
  shift: Shift | null
  /** Incidents now marked handed over (none for a figures export). */
  handedOver: number
  /** For a hand over: the backup made after it, or why it failed (the hand over stands). */
  backup: HandoverBackup | null
}

// The whole API between the page and the Node side: every call's name, its request schema and
// its result type, and every pushed event. Electron main, the Chromium host and the tests all
// serve this one table; the page sees it as window.daDesk.
import { z } from 'zod'
import type {
  AuditStatus,
  FeedHealth,
  IncidentDetail,
  QuarantinedFile,
  QueueRow,
  Rejection,
  SessionState,
  Settings,
} from './domain.ts'
import {
  ACTION_OWNERS,
  CONTACT_RESULTS,
  LOCK_AFTER_MINUTES_MAX,
  LOCK_REASONS,
  NOTE_MAX_CHARS,
  NOTE_TAGS,
  PIN_RULE,
  PROGRESS,
} from './domain.ts'
import type { ContactAttempt, Note, Session } from './domain.ts'
import { CONTACT_OUTCOMES, REFERRAL_DECISIONS, REFERRAL_SERVICES } from './script.ts'
import { ESCALATION_OUTCOMES, ESCALATION_REASONS } from './escalation.ts'
import type { Escalation, SuggestionDismissal } from './escalation.ts'
import { EXPORT_FORMATS } from './handover.ts'
import {
  CALENDAR_DATE,
  FOLLOW_UP_OUTCOMES,
  MAX_FOLLOW_UP_DAYS,
  MIN_FOLLOW_UP_DAYS,
} from './followUp.ts'
import type { FollowUp, FollowUpAnswer, FollowUpCall } from './followUp.ts'
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from './retention.ts'
import type { RetentionPreview, RetentionResult } from './retention.ts'
import { BACKUP_FILE_NAME, BACKUPS_KEPT_MAX, BACKUPS_KEPT_MIN } from './backup.ts'
import type { BackupList, DeskStatus, RestoreResult, Backup } from './backup.ts'
import { REPEAT_KINDS } from './repeats.ts'
import type { RepeatDismissal } from './repeats.ts'
import {
  CLARES_LAW_APPLICANTS,
  CLARES_LAW_ROUTES,
  CLARES_LAW_STATUSES,
  SUPPORT_ANSWERS,
} from './claresLaw.ts'
import type { ClaresLawApplication } from './claresLaw.ts'
import { CREW_ROLES, TASKING_PRIORITIES, VISIT_REFERRAL_SERVICES } from './supportCar.ts'
import type {
  CrewMember,
  SupportCarFigures,
  SupportCarList,
  SupportCarTasking,
} from './supportCar.ts'
import type { ExportResult, FiguresPeriod, HandoverRecord, Shift } from './handover.ts'
import type {
  ContactScript,
  OutcomeRecord,
  Referral,
  RiskJudgement,
  ScriptAnswer,
} from './script.ts'

const none = z.strictObject({})
const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
const ruleId = z.string().trim().min(1).max(80)
const id = z.number().int().positive()
const text = (max: number) => z.string().trim().min(1).max(max)
/** An instant as ISO 8601 with Z or an offset. */
const instant = z.iso.datetime({ offset: true })
/** A folder to export to: a full path, or null for the export folder in Settings. */
const exportFolder = z.string().trim().min(1).max(1000).nullable()
/** One or more formats, each once. */
const exportFormats = z
  .array(z.enum(EXPORT_FORMATS))
  .min(1, 'Choose at least one format.')
  .max(EXPORT_FORMATS.length)
  .refine((f) => new Set(f).size === f.length, 'Each format only once.')
/** The longest period the figures cover in one go: ten years. */
const MAX_PERIOD_MS = 3653 * 24 * 60 * 60_000
/** A period: its end after its start, and at most ten years long. */
const periodRules = <T extends { from: string; to: string }>(schema: z.ZodType<T>) =>
  schema
    .refine(
      ({ from, to }) => Date.parse(to) > Date.parse(from),
      'The end of the period must be after its start.',
    )
    .refine(
      ({ from, to }) => Date.parse(to) - Date.parse(from) <= MAX_PERIOD_MS,
      'A period can be at most ten years.',
    )
const period = periodRules(z.strictObject({ from: instant, to: instant }))
const retentionMonths = z.number().int().min(MIN_RETENTION_MONTHS).max(MAX_RETENTION_MONTHS)
/** The worker's own PIN: digits only, 4 to 8 of them. */
const pin = z.string().regex(/^\d{4,8}$/, PIN_RULE)
/** A day in London, yyyy-MM-dd. */
const calendarDate = z.string().regex(CALENDAR_DATE, 'A day as yyyy-MM-dd.')
const noteFields = {
  incidentId: id,
  tags: z.array(z.enum(NOTE_TAGS)).max(NOTE_TAGS.length),
  actionOwner: z.enum(ACTION_OWNERS).nullable(),
  amends: id.nullable(),
}

export const callRequests = {
  'session.current': none,
  /** `pin` unlocks the screen later; the Node side keeps only a salted hash, in memory. */
  'session.signIn': z.strictObject({ workerName: text(100), organisation: text(100), pin }),
  'session.signOut': none,
  /** Locks the screen: until the PIN is given, every call with personal data is refused. */
  'session.lock': z.strictObject({ reason: z.enum(LOCK_REASONS) }),
  /** A wrong PIN says how many tries are left; the last wrong one signs the worker out. */
  'session.unlock': z.strictObject({ pin }),
  'incidents.list': none,
  'incidents.get': z.strictObject({ id }),
  'incidents.setProgress': z.strictObject({ id, progress: z.enum(PROGRESS) }),
  /** A hand-typed incident: the same shape and validation as one feed record. */
  'incidents.addManual': z.strictObject({ record: z.record(z.string(), z.unknown()) }),
  'contact.logAttempt': z.strictObject({
    incidentId: id,
    number: text(40),
    result: z.enum(CONTACT_RESULTS),
    callBackAt: instant.nullable(),
    note: z.string().trim().max(2000).nullable(),
  }),
  'notes.add': z.strictObject({
    ...noteFields,
    text: z
      .string()
      .trim()
      .min(1)
      .max(
        NOTE_MAX_CHARS,
        `A note can be at most ${NOTE_MAX_CHARS.toLocaleString('en-GB')} characters.`,
      ),
  }),
  /** Saves the note being typed; empty text with no tags removes the draft. */
  'notes.saveDraft': z.strictObject({
    ...noteFields,
    text: z
      .string()
      .max(
        NOTE_MAX_CHARS,
        `A note can be at most ${NOTE_MAX_CHARS.toLocaleString('en-GB')} characters.`,
      ),
  }),
  'notes.markActionDone': z.strictObject({ noteId: id }),
  /** The safe-contact script in force (the data file a service can adapt). */
  'script.get': none,
  /** Records one answer; it must be a question of that script version, with a valid value. */
  'script.answer': z.strictObject({
    incidentId: id,
    scriptVersion: text(40),
    questionId: text(80),
    value: z.string().trim().max(2000),
  }),
  /** Where the worker is in the script, so an interrupted call resumes there. */
  'script.setStep': z.strictObject({ incidentId: id, stepId: text(80) }),
  'risk.judge': z.strictObject({ incidentId: id, high: z.boolean(), reason: text(2000) }),
  'referrals.add': z.strictObject({
    incidentId: id,
    service: z.enum(REFERRAL_SERVICES),
    otherService: z.string().trim().max(200).nullable(),
    decision: z.enum(REFERRAL_DECISIONS),
    detail: z.string().trim().max(2000).nullable(),
  }),
  'contact.recordOutcome': z.strictObject({
    incidentId: id,
    outcome: z.enum(CONTACT_OUTCOMES),
    note: z.string().trim().max(2000).nullable(),
  }),
  /**
   * Raises an escalation; refused while another is open on the incident, and when the
   * recommended grade is not above the current one. `fromSuggestion` names the rules the
   * worker escalated from (empty when raised by hand).
   */
  'escalations.raise': z.strictObject({
    incidentId: id,
    reasons: z.array(z.enum(ESCALATION_REASONS)).min(1).max(ESCALATION_REASONS.length),
    detail: z.string().trim().max(2000).nullable(),
    recommendedGrade: grade,
    fromSuggestion: z.array(ruleId).max(30),
  }),
  /** The controller acknowledged it: their name or collar number. */
  'escalations.acknowledge': z.strictObject({ escalationId: id, controller: text(100) }),
  /**
   * Closes it: `grade` for upgraded, `reason` for not-upgraded and withdrawn. Only a withdrawal
   * may come before the acknowledgement.
   */
  'escalations.recordOutcome': z.strictObject({
    escalationId: id,
    outcome: z.enum(ESCALATION_OUTCOMES),
    grade: grade.nullable(),
    reason: z.string().trim().max(2000).nullable(),
  }),
  /** Sets the app's suggestion aside, with why; those rules stay quiet on this incident. */
  'escalations.dismissSuggestion': z.strictObject({
    incidentId: id,
    ruleIds: z.array(ruleId).min(1).max(30),
    reason: text(500),
  }),
  /**
   * Marks an earlier incident that matched as not the same place (`address`) or not the same
   * person (`victim`), with why: final, and no longer counted by the repeat-call rules.
   */
  'repeats.dismiss': z.strictObject({
    incidentId: id,
    earlierId: id,
    kind: z.enum(REPEAT_KINDS),
    reason: text(500),
  }),
  /** A Clare's Law application raised from the incident; `raisedOn` is the date it was made. */
  'claresLaw.raise': z.strictObject({
    incidentId: id,
    route: z.enum(CLARES_LAW_ROUTES),
    raisedBy: z.enum(CLARES_LAW_APPLICANTS),
    raisedOn: z.iso.date(),
    note: z.string().trim().max(2000).nullable(),
  }),
  /**
   * Moves the application on (raised → under review → disclosure given or no disclosure;
   * withdrawn before a decision); support accepted with or after the decision, an IDVA present
   * with or after a disclosure.
   */
  'claresLaw.updateStatus': z.strictObject({
    applicationId: id,
    status: z.enum(CLARES_LAW_STATUSES),
    supportAccepted: z.enum(SUPPORT_ANSWERS).nullable(),
    idvaPresent: z.boolean().nullable(),
    note: z.string().trim().max(2000).nullable(),
  }),
  /** Whether the audit log's hash chain was intact when DA Desk started. */
  'audit.status': none,
  /**
   * The shift a worker signing in now joins (answered before sign-in too); null when signing in
   * starts a new one. Signing in starts a shift or joins the open one.
   */
  'shift.current': none,
  /** Shifts that started in the period, oldest first. */
  'shift.list': period,
  /** The current shift's handover record as it stands now, for the Hand over dialog. */
  'handover.preview': none,
  /**
   * Ends the current shift: writes its handover record in each format (and a manifest) to the
   * folder, all or nothing, marks its incidents handed over and signs the worker out. Nothing is
   * ended when a file cannot be written.
   */
  'shift.handOver': z.strictObject({
    formats: exportFormats,
    statsOnly: z.boolean(),
    outDir: exportFolder,
  }),
  /** The figures for a period and week by week; a shift counts in the period it started in. */
  'figures.get': period,
  /** The statistics-only export of a period: figures and per-incident rows, no personal data. */
  'figures.export': periodRules(
    z.strictObject({ from: instant, to: instant, formats: exportFormats, outDir: exportFolder }),
  ),
  /** The text to paste into the police incident log for one incident. */
  'handover.ccLogUpdate': z.strictObject({ incidentId: id }),
  /**
   * What a purge would do now under a period (the saved one unless `months` is given): the
   * cut-off, the incidents due and those kept, and why. Audited.
   */
  'retention.preview': z.strictObject({ months: retentionMonths.optional() }),
  /** Removes personal details from the incidents due under the saved period, now. */
  'retention.run': none,
  /** The follow-up call's script (the data file a service can adapt). */
  'followUps.script': none,
  /** Every open follow-up, soonest due first. */
  'followUps.list': none,
  /** An incident's follow-ups, open and closed, oldest first. */
  'followUps.ofIncident': z.strictObject({ incidentId: id }),
  /**
   * Schedules a follow-up by hand, or moves the incident's open one to another day (the old one
   * is closed as rescheduled, with the reason).
   */
  'followUps.schedule': z.strictObject({ incidentId: id, dueOn: calendarDate, reason: text(2000) }),
  'followUps.cancel': z.strictObject({ followUpId: id, reason: text(2000) }),
  /** One answer to the follow-up script, stored against the follow-up. */
  'followUps.answer': z.strictObject({
    followUpId: id,
    scriptVersion: text(40),
    questionId: text(80),
    value: z.string().trim().max(2000),
  }),
  /**
   * One call to the follow-up and how it went; not reached and not safe need the day to try
   * again and leave it open, every other outcome completes it.
   */
  'followUps.recordCall': z.strictObject({
    followUpId: id,
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    tryAgainOn: calendarDate.nullable(),
    note: z.string().trim().max(2000).nullable(),
  }),
  /** Puts the incident on the support car's list; refused while it is on it already. */
  'supportCar.task': z.strictObject({
    incidentId: id,
    reason: text(500),
    priority: z.enum(TASKING_PRIORITIES),
  }),
  /** Takes a tasking off the car's list, with why. */
  'supportCar.standDown': z.strictObject({ taskingId: id, reason: text(500) }),
  /** The open taskings in the order the car should visit, and the crew on the current shift. */
  'supportCar.list': none,
  /**
   * A visit the crew made on an open tasking: who attended (the officer, the IDVA or both), what
   * happened, the referrals it made (stored as the incident's referrals, with consent), and
   * whether it completes the tasking.
   */
  'supportCar.recordVisit': z.strictObject({
    taskingId: id,
    visitedAt: instant,
    officer: z.string().trim().max(100).nullable(),
    idva: z.string().trim().max(100).nullable(),
    victimEngaged: z.boolean(),
    safetyPlanAgreed: z.boolean(),
    movedToSafety: z.boolean(),
    disclosureGiven: z.boolean(),
    referrals: z
      .array(z.enum(VISIT_REFERRAL_SERVICES))
      .max(VISIT_REFERRAL_SERVICES.length)
      .refine((r) => new Set(r).size === r.length, 'Each referral service only once.'),
    notes: z.string().trim().max(4000).nullable(),
    completesTasking: z.boolean(),
  }),
  /** Adds the car's officer or IDVA to the current shift's workers, so its handover lists them. */
  'supportCar.addCrew': z.strictObject({ name: text(100), role: z.enum(CREW_ROLES) }),
  'feed.health': none,
  'feed.quarantined': none,
  'settings.get': none,
  'settings.update': z.strictObject({
    inboxDir: z.string().trim().min(1).max(1000).optional(),
    theme: z.enum(['dark', 'light']).optional(),
    quickPhrases: z.array(text(200)).max(30).optional(),
    gradeTargets: z
      .strictObject({
        1: z.number().int().min(1).max(10_080).nullable(),
        2: z.number().int().min(1).max(10_080).nullable(),
        3: z.number().int().min(1).max(10_080).nullable(),
        4: z.number().int().min(1).max(10_080).nullable(),
      })
      .optional(),
    escalationReminderMinutes: z.number().int().min(1).max(60).optional(),
    escalationReminderSound: z.boolean().optional(),
    lockAfterMinutes: z.number().int().min(1).max(LOCK_AFTER_MINUTES_MAX).optional(),
    serviceName: z.string().trim().max(120).optional(),
    forceName: z.string().trim().max(120).optional(),
    protectiveMarking: text(60).optional(),
    exportDir: z.string().trim().min(1).max(1000).optional(),
    /** Saving a new period purges at once what it makes due. */
    retentionMonths: retentionMonths.optional(),
    followUpDays: z.number().int().min(MIN_FOLLOW_UP_DAYS).max(MAX_FOLLOW_UP_DAYS).optional(),
    backupsKept: z.number().int().min(BACKUPS_KEPT_MIN).max(BACKUPS_KEPT_MAX).optional(),
  }),
  /** Whether the database opened, or was found damaged at start-up (answered in any state). */
  'desk.status': none,
  /** The backups in the backups folder, newest first, each checked with the key. */
  'backups.list': none,
  /** Backs the database up now (from Settings). */
  'backups.make': none,
  /**
   * Replaces the database with one of the listed backups, named by its file name only. Signs the
   * worker out; the replaced (or damaged) database is moved aside, never deleted.
   */
  'backups.restore': z.strictObject({
    file: z.string().max(80).regex(BACKUP_FILE_NAME, 'Not the name of a DA Desk backup.'),
  }),
} as const

export interface CallResults {
  'session.current': SessionState | null
  'session.signIn': Session
  'session.signOut': null
  'session.lock': null
  'session.unlock': null
  'incidents.list': QueueRow[]
  'incidents.get': IncidentDetail
  'incidents.setProgress': QueueRow
  'incidents.addManual': QueueRow
  'contact.logAttempt': ContactAttempt
  'notes.add': Note
  'notes.saveDraft': { savedAt: string | null }
  'notes.markActionDone': Note
  'script.get': ContactScript
  'script.answer': ScriptAnswer
  'script.setStep': { stepId: string }
  'risk.judge': RiskJudgement
  'referrals.add': Referral
  'contact.recordOutcome': OutcomeRecord
  'escalations.raise': Escalation
  'escalations.acknowledge': Escalation
  'escalations.recordOutcome': Escalation
  'escalations.dismissSuggestion': SuggestionDismissal
  'repeats.dismiss': RepeatDismissal
  'claresLaw.raise': ClaresLawApplication
  'claresLaw.updateStatus': ClaresLawApplication
  'audit.status': AuditStatus
  'shift.current': Shift | null
  'shift.list': Shift[]
  'handover.preview': HandoverRecord
  'shift.handOver': ExportResult
  /** The follow-up calls' figures beside the shifts' (counted by electron/core/followUps). */
  'figures.get': FiguresPeriod & { supportCar: SupportCarFigures }
  'figures.export': ExportResult
  'handover.ccLogUpdate': { text: string }
  'retention.preview': RetentionPreview
  'retention.run': RetentionResult
  'followUps.script': ContactScript
  'followUps.list': FollowUp[]
  'followUps.ofIncident': FollowUp[]
  'followUps.schedule': FollowUp
  'followUps.cancel': FollowUp
  'followUps.answer': FollowUpAnswer
  'followUps.recordCall': FollowUpCall
  'supportCar.task': SupportCarTasking
  'supportCar.standDown': SupportCarTasking
  'supportCar.list': SupportCarList
  'supportCar.recordVisit': SupportCarTasking
  'supportCar.addCrew': CrewMember[]
  'feed.health': FeedHealth
  'feed.quarantined': QuarantinedFile[]
  'settings.get': Settings
  'settings.update': Settings
  'desk.status': DeskStatus
  'backups.list': BackupList
  'backups.make': Backup
  'backups.restore': RestoreResult
}

export type CallName = keyof typeof callRequests
export type CallRequest<N extends CallName> = z.input<(typeof callRequests)[N]>
export type ParsedRequest<N extends CallName> = z.output<(typeof callRequests)[N]>

export interface EventPayloads {
  /** Rows that were added or changed; `flashIds` are the ones to highlight briefly. */
  'incidents.changed': { rows: QueueRow[]; flashIds: number[] }
  /** A note or attempt was added to an incident (by this or another window). */
  'incident.recordAdded': { incidentId: number }
  'feed.health': FeedHealth
}
export type EventName = keyof EventPayloads

/** The closed set of error codes a call can return. */
export const ERROR_CODES = [
  'bad-request',
  'invalid-record',
  'not-found',
  'not-signed-in',
  /** The screen is locked: the worker's PIN is needed first. */
  'locked',
  /** The PIN given to unlock was not the worker's. */
  'wrong-pin',
  'io',
  /** A hand over or figures export is already being written: try again once it has finished. */
  'busy',
  /** The database was found damaged at start-up: only desk.status and the backups answer. */
  'database-damaged',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Field-level problems, for forms (same shape as feed rejections). */
  issues?: Rejection[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** The one object the preload (or the Chromium host) puts on window.daDesk. */
export interface DaDeskApi {
  call<N extends CallName>(name: N, request: CallRequest<N>): Promise<Result<CallResults[N]>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(callRequests, name)
}

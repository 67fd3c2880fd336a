// Domain vocabulary shared by the Node side and the page: grades, statuses, flags, progress and
// the shapes of an incident as the app stores and shows it. No Node or DOM imports here.
import type { EscalationRecord, GradeTargets, OpenEscalationMark } from './escalation.ts'
import type { ScriptRecord } from './script.ts'
import type { RepeatCounts, RepeatRecord } from './repeats.ts'
import type { ClaresLawApplication } from './claresLaw.ts'
import type { FollowUp } from './followUp.ts'
import type { SupportCarTasking } from './supportCar.ts'

export const GRADES = [1, 2, 3, 4] as const
export type Grade = (typeof GRADES)[number]

/** Default grade names; forces name them differently, so the UI labels come from here only. */
export const GRADE_NAMES: Record<Grade, string> = {
  1: 'Immediate',
  2: 'Priority',
  3: 'Scheduled',
  4: 'Resolution',
}

export const POLICE_STATUSES = ['open', 'assigned', 'attended', 'closed'] as const
export type PoliceStatus = (typeof POLICE_STATUSES)[number]

export const SOURCES = ['999', '101', 'online', 'other'] as const
export type Source = (typeof SOURCES)[number]

export const CALLER_ROLES = ['victim', 'third-party', 'child', 'other'] as const
export type CallerRole = (typeof CALLER_ROLES)[number]

/** Risk markers the feed format names; unknown markers are kept and shown as they came. */
export const KNOWN_FLAGS = [
  'children-present',
  'weapon',
  'injury',
  'strangulation',
  'pregnancy',
  'repeat-victim',
  'threats-to-kill',
  'suspect-on-scene',
  'alcohol-drugs',
] as const
export type KnownFlag = (typeof KNOWN_FLAGS)[number]

export const FLAG_LABELS: Record<KnownFlag, string> = {
  'children-present': 'Children present',
  weapon: 'Weapon',
  injury: 'Injury',
  strangulation: 'Strangulation',
  pregnancy: 'Pregnancy',
  'repeat-victim': 'Repeat victim',
  'threats-to-kill': 'Threats to kill',
  'suspect-on-scene': 'Suspect on scene',
  'alcohol-drugs': 'Alcohol / drugs',
}

/** The support worker's own progress on an incident, separate from the police status. */
export const PROGRESS = ['new', 'reviewing', 'contacted', 'done'] as const
export type Progress = (typeof PROGRESS)[number]

export const PROGRESS_LABELS: Record<Progress, string> = {
  new: 'New',
  reviewing: 'Reviewing',
  contacted: 'Contacted',
  done: 'Done',
}

/** Where a stored incident's current version came from. */
export type Origin = 'feed' | 'manual'

/** One incident as the feed format defines it, normalised: grade 1–4, times ISO 8601 UTC. */
export interface IncidentFields {
  incidentRef: string
  /** ISO 8601 UTC, e.g. 2026-11-21T15:04:12.000Z */
  receivedAt: string
  updatedAt: string
  grade: Grade
  status: PoliceStatus
  source: Source | null
  summary: string
  location: { address: string | null; postcode: string | null }
  callerRole: CallerRole | null
  victim: { name: string | null; phone: string | null; dateOfBirth: string | null }
  suspect: { name: string | null; relationship: string | null }
  flags: string[]
  /** Fields outside the format, kept as they arrived; nested unknowns as dotted paths. */
  extra: Record<string, unknown>
}

/** A record rejected by validation: where it was, which field, and why. */
export interface Rejection {
  /** e.g. "index 2", "line 3", "row 4" */
  at: string
  field: string
  reason: string
}

/** What happened to one feed file: the CLI's per-file JSON and the quarantine report. */
export interface FileReport {
  file: string
  accepted: number
  updated: number
  unchanged: number
  rejected: Rejection[]
  /** Set when the whole file was rejected (unparseable, empty, wrong type, unsupported). */
  error: string | null
}

export interface Regrade {
  from: Grade
  to: Grade
  at: string
}

/** What the worker learned from one call attempt. */
export const CONTACT_RESULTS = [
  'spoke-to-victim',
  'no-answer',
  'engaged',
  'wrong-number',
  'call-dropped',
  'unsafe-to-talk',
  'declined',
  'spoke-to-third-party',
] as const
export type ContactResult = (typeof CONTACT_RESULTS)[number]

export const CONTACT_RESULT_LABELS: Record<ContactResult, string> = {
  'spoke-to-victim': 'Spoke to victim',
  'no-answer': 'No answer',
  engaged: 'Engaged',
  'wrong-number': 'Wrong number',
  'call-dropped': 'Call dropped',
  'unsafe-to-talk': 'Unsafe to talk',
  declined: 'Declined contact',
  'spoke-to-third-party': 'Spoke to third party',
}

/** One phone call attempt: append-only, like every record of the worker's work. */
export interface ContactAttempt {
  id: number
  incidentId: number
  at: string
  /** The number dialled. */
  number: string
  result: ContactResult
  /** A call-back the victim agreed (e.g. when unsafe to talk), ISO UTC. */
  callBackAt: string | null
  note: string | null
  /** The worker, as "Name (Organisation)". */
  by: string
}

export const NOTE_TAGS = ['rapport', 'safeguarding', 'risk', 'action'] as const
export type NoteTag = (typeof NOTE_TAGS)[number]

export const NOTE_TAG_LABELS: Record<NoteTag, string> = {
  rapport: 'Rapport',
  safeguarding: 'Safeguarding',
  risk: 'Risk',
  action: 'Action',
}

export const ACTION_OWNERS = ['police', 'support-service', 'next-shift'] as const
export type ActionOwner = (typeof ACTION_OWNERS)[number]

export const ACTION_OWNER_LABELS: Record<ActionOwner, string> = {
  police: 'Police',
  'support-service': 'Support service',
  'next-shift': 'Next shift',
}

export const NOTE_MAX_CHARS = 20_000

/** A rapport note. Never edited or deleted: a correction is a new note that `amends` it. */
export interface Note {
  id: number
  incidentId: number
  at: string
  author: string
  text: string
  tags: NoteTag[]
  /** For an action note: who owns it. */
  actionOwner: ActionOwner | null
  /** The id of the note this one corrects. */
  amends: number | null
  /** When an action note was marked done, and by whom (recorded apart from the note). */
  actionDoneAt: string | null
  actionDoneBy: string | null
}

/** The note being typed, saved as it is typed so nothing is lost if the app is killed. */
export interface NoteDraft {
  incidentId: number
  text: string
  tags: NoteTag[]
  actionOwner: ActionOwner | null
  amends: number | null
  savedAt: string
}

/** What the queue needs for one row (and for searching it). */
export interface QueueRow {
  id: number
  incidentRef: string
  receivedAt: string
  updatedAt: string
  grade: Grade
  status: PoliceStatus
  source: Source | null
  summary: string
  flags: string[]
  victimName: string | null
  victimPhone: string | null
  address: string | null
  postcode: string | null
  progress: Progress
  origin: Origin
  lastRegrade: Regrade | null
  /** Contact attempts made, and when the last one was. */
  attempts: number
  lastAttemptAt: string | null
  /** The call-back agreed in the latest attempt, if any; due ones go to the top of the queue. */
  callBackAt: string | null
  /** The escalation still open on this incident; the queue pins these at the top. */
  openEscalation: OpenEscalationMark | null
  /** When the latest handover that included this incident was exported. */
  handedOverAt: string | null
  /** A worker's record was added to it after that handover. */
  changedSinceHandover: boolean
  /** Action notes not marked done: they stay on the row, shift after shift, until they are. */
  outstandingActions: number
  /** When the retention policy removed its personal details; null while they are kept. */
  purgedAt: string | null
  /** Earlier incidents at its address and for its victim in the twelve months before its call,
   * less those the worker dismissed as false matches; null once the worker's progress is done
   * (the mark is for triage; the incident itself still lists them). */
  repeats: RepeatCounts | null
}

export type HistoryKind = 'arrival' | 'regrade' | 'status' | 'change'

/** One accepted change to an incident's feed record. */
export interface HistoryEntry {
  id: number
  kind: HistoryKind
  /** When the change happened at source (the record's updatedAt; receivedAt for arrival). */
  at: string
  /** When DA Desk recorded it. */
  recordedAt: string
  field: string
  from: string | null
  to: string | null
  origin: Origin
  /** Feed file name, or the worker who typed a manual entry. */
  via: string | null
}

export interface IncidentDetail {
  row: QueueRow
  fields: IncidentFields
  history: HistoryEntry[]
  attempts: ContactAttempt[]
  notes: Note[]
  /** The current worker's unfiled note for this incident, if any. */
  draft: NoteDraft | null
  /** The safe-contact script's answers, risk, referrals and outcomes. */
  script: ScriptRecord
  /** Escalations with their lifecycle, what the suggestion rules look at, and dismissals. */
  escalation: EscalationRecord
  /** Earlier incidents at the same address or for the same victim, and the counts. */
  repeats: RepeatRecord
  /** Clare's Law applications raised from it, oldest first. */
  claresLaw: ClaresLawApplication[]
  /** Its follow-ups, open and closed, oldest first, each with its calls (for the timeline). */
  followUps: FollowUp[]
  /** Its support car taskings with their visits, oldest first. */
  supportCar: SupportCarTasking[]
}

export interface Session {
  id: number
  workerName: string
  organisation: string
  signedInAt: string
}

/** The signed-in session as the page finds it, after a reload too: locked or not. */
export interface SessionState extends Session {
  locked: boolean
}

/** What locked the screen: no activity for the set time, Ctrl+L, or the Lock button. */
export const LOCK_REASONS = ['idle', 'shortcut', 'button'] as const
export type LockReason = (typeof LOCK_REASONS)[number]

/** The rule for a PIN, as the sign-in screen says it and the Node side checks it. */
export const PIN_RULE = 'A PIN is 4 to 8 digits (0–9), nothing else.'

/** Wrong PINs in a row that sign the worker out of a locked screen. */
export const MAX_WRONG_PINS = 5

export const DEFAULT_LOCK_AFTER_MINUTES = 5
export const LOCK_AFTER_MINUTES_MAX = 60

export interface FeedHealth {
  inbox: string
  watching: boolean
  /** What is wrong with the inbox right now, in words for the worker; null when all is well. */
  problem: string | null
  lastFileAt: string | null
  lastFileName: string | null
  quarantinedCount: number
  /** Files in the inbox that DA Desk does not read (left there, not deleted). */
  unsupported: string[]
}

export interface QuarantinedFile {
  id: number
  fileName: string
  /** Where the file now is. */
  path: string
  at: string
  report: FileReport
}

export type Theme = 'dark' | 'light'

export interface Settings {
  inboxDir: string
  theme: Theme
  /** Short phrases the worker can insert into a note with one click. */
  quickPhrases: string[]
  /** The force's attendance target per grade, in minutes (the escalation rules use them). */
  gradeTargets: GradeTargets
  /** How often an unacknowledged escalation is brought back to the worker's attention. */
  escalationReminderMinutes: number
  /** Whether that reminder also sounds. */
  escalationReminderSound: boolean
  /** Minutes without a key press or pointer movement after which the screen locks. */
  lockAfterMinutes: number
  /** The support service and the police force, for the handover record's header. */
  serviceName: string
  forceName: string
  /** The protective marking on every exported page and file (OFFICIAL-SENSITIVE by default). */
  protectiveMarking: string
  /** Where handovers and figures are exported unless the worker picks another folder. */
  exportDir: string
  /** Months after an incident's last activity that its personal details are kept. */
  retentionMonths: number
  /** How many backups the backups folder keeps (the newest). */
  backupsKept: number
  /** Days after a medium-risk contact that its follow-up call is due. */
  followUpDays: number
}

/** The audit log's hash chain as checked at start-up (and by `da-desk audit verify`). */
export interface AuditStatus {
  intact: boolean
  entries: number
  /** The first entry that is missing, changed or out of place; null when the chain is intact. */
  firstBad: {
    id: number
    /** When the entry was written; null when the entry is missing and its time is not known. */
    at: string | null
    problem: string
  } | null
}

// Escalation: the worker tells the controller that an incident needs a quicker police response
// than its grade gives. An escalation is a record with a lifecycle (raised → acknowledged by the
// controller → outcome), and the app suggests one when the risk it has seen is above the grade.
// No Node or DOM imports here.
import type { Grade, PoliceStatus } from './domain.ts'
import { GRADE_NAMES } from './domain.ts'
import type { RiskLevel } from './script.ts'
import { formatDateTime } from './time.ts'

export const ESCALATION_REASONS = [
  'weapon',
  'strangulation',
  'injury',
  'threats-to-kill',
  'suspect-present',
  'children-at-risk',
  'unable-to-talk',
  'vulnerability',
  'repeat-incidents',
  'response-overdue',
  'other',
] as const
export type EscalationReason = (typeof ESCALATION_REASONS)[number]

export const ESCALATION_REASON_LABELS: Record<EscalationReason, string> = {
  weapon: 'Weapon',
  strangulation: 'Strangulation or choking',
  injury: 'Injury',
  'threats-to-kill': 'Threats to kill',
  'suspect-present': 'Suspect present or returning',
  'children-at-risk': 'Children at risk',
  'unable-to-talk': 'Victim unable to talk / line dropped',
  vulnerability: 'Vulnerability',
  'repeat-incidents': 'Repeat incidents',
  'response-overdue': 'Response overdue for its grade',
  other: 'Other',
}

export const ESCALATION_OUTCOMES = [
  'upgraded',
  'not-upgraded',
  'already-attended',
  'withdrawn',
] as const
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number]

export const ESCALATION_OUTCOME_LABELS: Record<EscalationOutcome, string> = {
  upgraded: 'Upgraded',
  'not-upgraded': 'Not upgraded',
  'already-attended': 'Already attended',
  withdrawn: 'Withdrawn by the worker',
}

/** Where an escalation is in its lifecycle. */
export type EscalationState = 'raised' | 'acknowledged' | 'closed'

/** A later feed regrade of the incident to a higher grade while the escalation was open. */
export interface LinkedRegrade {
  from: Grade
  to: Grade
  /** When the regrade happened at source. */
  at: string
}

/** One escalation with its whole lifecycle. Each step is a record; none is ever changed. */
export interface Escalation {
  id: number
  incidentId: number
  incidentRef: string
  /** When the incident's call came in (for time from call to escalation). */
  callReceivedAt: string
  state: EscalationState
  raisedAt: string
  raisedBy: string
  reasons: EscalationReason[]
  /** The worker's free text: what they learned. */
  detail: string | null
  /** The incident's grade when raised, and the grade the worker recommends (always higher). */
  currentGrade: Grade
  recommendedGrade: Grade
  /** The rule ids of the app's suggestion the worker escalated from; empty when by hand. */
  fromSuggestion: string[]
  acknowledgement: {
    at: string
    /** The controller's name or collar number. */
    controller: string
    /** The worker who recorded it. */
    recordedBy: string
  } | null
  linkedRegrade: LinkedRegrade | null
  outcome: {
    outcome: EscalationOutcome
    at: string
    by: string
    /** For upgraded: the grade the response was upgraded to. */
    grade: Grade | null
    /** For not-upgraded and withdrawn: why. */
    reason: string | null
  } | null
}

/** What the queue needs to pin an incident with an open escalation. */
export interface OpenEscalationMark {
  id: number
  raisedAt: string
  acknowledgedAt: string | null
  /** Who acknowledged it (name or collar number), for the row's banner: "Acknowledged by PC 4521". */
  controller: string | null
  recommendedGrade: Grade
  reasons: EscalationReason[]
  /** A feed regrade arrived while it was open: the worker can record "upgraded". */
  regradeLinked: boolean
}

/** Everything the rules look at for one incident; the core gathers it, the rules judge it. */
export interface EscalationFacts {
  grade: Grade
  status: PoliceStatus
  receivedAt: string
  flags: string[]
  /** The latest answer to each script question, by question id. */
  answers: Record<string, string>
  riskLevel: RiskLevel
  /** The result of the latest contact attempt, if any. */
  lastAttemptResult: string | null
  /** Earlier incidents in the 12 months before this one's call. */
  earlierAtAddress: number
  earlierForVictim: number
}

/** The force's attendance target per grade in minutes; null where the grade has none. */
export type GradeTargets = Record<`${Grade}`, number | null>

/** One rule that fired: the reason in words, and the grade the risk it saw warrants. */
export interface EscalationSuggestion {
  ruleId: string
  reason: EscalationReason
  /** e.g. "strangulation disclosed" */
  text: string
  warrants: Grade
}

/**
 * What the rules advise for one incident (shared/escalationRules.ts `suggestEscalation`): the
 * rules that fired above the grade, the highest grade they warrant, their reasons, and a summary
 * for the button ("strangulation disclosed; grade 3").
 */
export interface EscalationAdvice {
  suggestions: EscalationSuggestion[]
  recommendedGrade: Grade
  reasons: EscalationReason[]
  summary: string
}

/** A suggestion the worker set aside, with why. Rules named here stay quiet on this incident. */
export interface SuggestionDismissal {
  id: number
  incidentId: number
  ruleIds: string[]
  reason: string
  at: string
  by: string
}

/** The escalation part of an incident's detail. */
export interface EscalationRecord {
  escalations: Escalation[]
  facts: EscalationFacts
  dismissals: SuggestionDismissal[]
}

export const DEFAULT_GRADE_TARGETS: GradeTargets = { 1: 15, 2: 60, 3: null, 4: null }
export const DEFAULT_REMINDER_MINUTES = 2

/** The open escalation (raised or acknowledged) among an incident's, if there is one. */
export function openEscalation(escalations: readonly Escalation[]): Escalation | undefined {
  return escalations.find((e) => e.state !== 'closed')
}

/**
 * When an unacknowledged escalation next wants a reminder: every `intervalMinutes` after it was
 * raised, counting from the last reminder shown. Null once acknowledged or closed.
 */
export function nextReminderAt(
  escalation: Pick<Escalation, 'state' | 'raisedAt'>,
  intervalMinutes: number,
  lastRemindedAt: number | null,
): number | null {
  if (escalation.state !== 'raised') return null
  const interval = intervalMinutes * 60_000
  return (lastRemindedAt ?? Date.parse(escalation.raisedAt)) + interval
}

const gradeText = (g: Grade) => `grade ${g} (${GRADE_NAMES[g]})`

/** The text a worker pastes into the police incident log: reference, time, reasons, advice. */
export function ccLogText(e: Escalation): string {
  const reasons = e.reasons.map((r) => ESCALATION_REASON_LABELS[r]).join('; ')
  const lines = [
    `DA SUPPORT ESCALATION — ${e.incidentRef}`,
    `Raised ${formatDateTime(e.raisedAt)} by ${e.raisedBy} (DA support worker).`,
    `Reasons: ${reasons}.`,
    ...(e.detail ? [`Detail: ${e.detail}`] : []),
    `Current ${gradeText(e.currentGrade)}; recommended ${gradeText(e.recommendedGrade)}.`,
  ]
  if (e.acknowledgement) {
    lines.push(
      `Acknowledged by ${e.acknowledgement.controller} at ${formatDateTime(e.acknowledgement.at)}.`,
    )
  }
  if (e.outcome) {
    const o = e.outcome
    const what =
      o.outcome === 'upgraded' && o.grade !== null
        ? `upgraded to ${gradeText(o.grade)}`
        : ESCALATION_OUTCOME_LABELS[o.outcome].toLowerCase()
    lines.push(`Outcome: ${what} at ${formatDateTime(o.at)}${o.reason ? ` — ${o.reason}` : ''}.`)
  }
  return lines.join('\n')
}

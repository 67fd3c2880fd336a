// Six-week follow-up calls: a medium-risk victim is phoned again about six weeks after the
// contact, with a short script of its own. A follow-up is scheduled (by the app or by hand),
// each call to it is a record with its outcome, and answers to its script are kept apart from
// the first contact's. No Node or DOM imports here.
import type { RiskLevel } from './script.ts'

export const DEFAULT_FOLLOW_UP_DAYS = 42
export const MIN_FOLLOW_UP_DAYS = 7
export const MAX_FOLLOW_UP_DAYS = 120

export const FOLLOW_UP_OUTCOMES = [
  'reached-supported',
  'reached-declined',
  'not-reached',
  'not-safe',
  'wrong-number',
] as const
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number]

export const FOLLOW_UP_OUTCOME_LABELS: Record<FollowUpOutcome, string> = {
  'reached-supported': 'Reached and supported',
  'reached-declined': 'Reached, declined support',
  'not-reached': 'Not reached — try again',
  'not-safe': 'Not safe to talk — call back',
  'wrong-number': 'Wrong number',
}

/** Outcomes of a call that spoke to the survivor. */
export const REACHED_OUTCOMES: readonly FollowUpOutcome[] = [
  'reached-supported',
  'reached-declined',
]

/** Outcomes that leave the follow-up open, due again on the date the worker gives. */
export const TRY_AGAIN_OUTCOMES: readonly FollowUpOutcome[] = ['not-reached', 'not-safe']

/** A calendar date in London, yyyy-MM-dd (the day a follow-up is due). */
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export type FollowUpStatus = 'open' | 'completed' | 'cancelled' | 'rescheduled'

/** One call to a follow-up: an attempt and how it went. */
export interface FollowUpCall {
  id: number
  followUpId: number
  outcome: FollowUpOutcome
  /** For not reached or not safe: the day to try again. */
  tryAgainOn: string | null
  note: string | null
  at: string
  by: string
}

export interface FollowUpAnswer {
  id: number
  followUpId: number
  scriptId: string
  scriptVersion: string
  questionId: string
  value: string
  at: string
  by: string
}

export interface FollowUp {
  id: number
  incidentId: number
  incidentRef: string
  /** The day it was scheduled for. */
  scheduledFor: string
  /** When it is (or was last) due: the latest try-again day given, or the day it was scheduled for. */
  dueOn: string
  /** Why it was scheduled: the risk level when the contact ended (or when scheduled by hand). */
  riskLevel: RiskLevel
  /** Null when the app scheduled it after a medium-risk contact. */
  reason: string | null
  /** The follow-up this one replaced, when rescheduled. */
  replaces: number | null
  scheduledAt: string
  scheduledBy: string
  status: FollowUpStatus
  /** When cancelled or rescheduled: why. */
  closedReason: string | null
  calls: FollowUpCall[]
  answers: FollowUpAnswer[]
}

// The safe-contact script and what the worker records with it: the script is data (a versioned
// file in resources/scripts/ that a service can adapt), answers record the version they belong
// to, risk is counted from the DASH answers, and referrals and outcomes are records of their own.
// No Node or DOM imports here.

/** How a question is answered. */
export type QuestionKind = 'yes-no' | 'dash' | 'choice' | 'text' | 'datetime'

/** A DASH question's answer; the other kinds use their own values. */
export const DASH_ANSWERS = ['yes', 'no', 'not-known', 'not-asked'] as const
export type DashAnswer = (typeof DASH_ANSWERS)[number]

export interface ScriptChoice {
  value: string
  label: string
}

export interface ScriptQuestion {
  id: string
  /** Paraphrased wording (a service may load its licensed wording in its own version). */
  text: string
  kind: QuestionKind
  /** For 'choice'. */
  choices?: ScriptChoice[]
  /** Answer value → step id to go to next (e.g. not safe to talk → the end-the-call step). */
  branches?: Record<string, string>
  /** Shown under the question to help the worker ask it. */
  hint?: string
}

export interface ScriptStep {
  id: string
  title: string
  /** What to say or check, shown above the questions. */
  guidance: string[]
  questions: ScriptQuestion[]
  /** The step after this one when no branch applies; none for a last step. */
  next?: string
  /** 'risk' steps are the DASH checklist; 'referrals' offers referrals; 'close' records the outcome. */
  role?: 'risk' | 'referrals' | 'close' | 'end-unsafe'
}

export interface RiskBand {
  level: RiskLevel
  /** Lowest number of yes answers in this band. */
  minYes: number
}

export interface ContactScript {
  id: string
  version: string
  title: string
  /** Where a service's licensed wording goes, and whose wording this is. */
  wordingNote: string
  /** Yes answers at or above which the victim is high risk (DASH: 14). */
  highRiskYes: number
  bands: RiskBand[]
  firstStep: string
  steps: ScriptStep[]
}

export const RISK_LEVELS = ['standard', 'medium', 'high'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]

/** One answer, as given. A changed answer is a new record; the latest one counts. */
export interface ScriptAnswer {
  id: number
  incidentId: number
  scriptId: string
  scriptVersion: string
  questionId: string
  value: string
  at: string
  by: string
}

/** The worker's professional judgement on risk, with the reason (it can make a case high risk). */
export interface RiskJudgement {
  id: number
  incidentId: number
  high: boolean
  reason: string
  at: string
  by: string
}

export interface RiskSummary {
  /** DASH questions answered yes, by the latest answers. */
  yesCount: number
  /** DASH questions with any answer other than not-asked. */
  answered: number
  total: number
  /** From the count and the bands; high also when the latest judgement says so. */
  level: RiskLevel
  byJudgement: boolean
  /** High risk prompts a MARAC referral. */
  maracPrompt: boolean
}

export const REFERRAL_SERVICES = [
  'da-service',
  'idva',
  'marac',
  'refuge',
  'housing',
  'childrens-services',
  'clares-law-ask',
  'clares-law-know',
  'other',
] as const
export type ReferralService = (typeof REFERRAL_SERVICES)[number]

export const REFERRAL_SERVICE_LABELS: Record<ReferralService, string> = {
  'da-service': 'DA specialist service',
  idva: 'IDVA',
  marac: 'MARAC',
  refuge: 'Refuge',
  housing: 'Housing',
  'childrens-services': "Children's services",
  'clares-law-ask': "Clare's Law — right to ask",
  'clares-law-know': "Clare's Law — right to know",
  other: 'Other',
}

export const REFERRAL_DECISIONS = [
  'consented',
  'not-consented',
  'already-supported',
  'declined',
] as const
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number]

export const REFERRAL_DECISION_LABELS: Record<ReferralDecision, string> = {
  consented: 'Referred, with consent',
  'not-consented': 'No consent to refer',
  'already-supported': 'Already supported',
  declined: 'Declined',
}

/** A referral, or the record of why not. Append-only. */
export interface Referral {
  id: number
  incidentId: number
  service: ReferralService
  /** The service's name for 'other'. */
  otherService: string | null
  decision: ReferralDecision
  /** For already-supported: by whom. For declined: the reason the victim gives. */
  detail: string | null
  at: string
  by: string
}

export const CONTACT_OUTCOMES = [
  'safety-plan-agreed',
  'moved-to-safety',
  'advice-given',
  'call-back-arranged',
  'declined-support',
  'ended-unsafe',
  'could-not-complete',
] as const
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number]

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  'safety-plan-agreed': 'Safety plan agreed',
  'moved-to-safety': 'Moved to safety',
  'advice-given': 'Advice and information given',
  'call-back-arranged': 'Call-back arranged',
  'declined-support': 'Declined support',
  'ended-unsafe': 'Call ended: not safe to talk',
  'could-not-complete': 'Could not complete the call',
}

/** How a contact ended. Append-only; several may be recorded (e.g. plan agreed, moved to safety). */
export interface OutcomeRecord {
  id: number
  incidentId: number
  outcome: ContactOutcome
  note: string | null
  at: string
  by: string
}

/** Everything recorded with the script for one incident. */
export interface ScriptRecord {
  /** The step the worker is on, so an interrupted call resumes where it stopped. */
  stepId: string | null
  answers: ScriptAnswer[]
  risk: RiskSummary
  judgements: RiskJudgement[]
  referrals: Referral[]
  outcomes: OutcomeRecord[]
}

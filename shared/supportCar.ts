// The DA support car: a plain-clothes officer and an IDVA who attend domestic incidents as a
// second response. The desk tasks an incident to the car with a reason and a priority; the car's
// list is the open taskings in the order the crew should go (priority, then grade, then the
// longest wait since the call), each with the safe-contact notes the crew needs; the crew (or
// the desk on their behalf) records each visit on the same incident record, and the figures
// count engagement, referrals and moves to safety by phone and by visit. No Node or DOM imports.
import type { Grade } from './domain.ts'
import type { Referral, ReferralService } from './script.ts'

export const TASKING_PRIORITIES = ['urgent', 'high', 'routine'] as const
export type TaskingPriority = (typeof TASKING_PRIORITIES)[number]

export const TASKING_PRIORITY_LABELS: Record<TaskingPriority, string> = {
  urgent: 'Urgent',
  high: 'High',
  routine: 'Routine',
}

export const CREW_ROLES = ['officer', 'idva'] as const
export type CrewRole = (typeof CREW_ROLES)[number]

export const CREW_ROLE_LABELS: Record<CrewRole, string> = {
  officer: 'Support car officer',
  idva: 'Support car IDVA',
}

/** The referral services a visit can make: the usual list, less Clare's Law (its own panel). */
export const VISIT_REFERRAL_SERVICES = [
  'da-service',
  'idva',
  'marac',
  'refuge',
  'housing',
  'childrens-services',
] as const satisfies readonly ReferralService[]
export type VisitReferralService = (typeof VISIT_REFERRAL_SERVICES)[number]

export type TaskingState = 'open' | 'stood-down' | 'completed'

/** One visit, never changed. Its referrals are the incident's own referral records. */
export interface SupportCarVisit {
  id: number
  incidentId: number
  taskingId: number
  /** When the crew attended (they may record it later). */
  visitedAt: string
  officer: string | null
  idva: string | null
  victimEngaged: boolean
  safetyPlanAgreed: boolean
  movedToSafety: boolean
  /** A Clare's Law disclosure was given at the visit. */
  disclosureGiven: boolean
  referrals: Referral[]
  notes: string | null
  recordedAt: string
  recordedBy: string
}

export interface SupportCarTasking {
  id: number
  incidentId: number
  reason: string
  priority: TaskingPriority
  taskedAt: string
  taskedBy: string
  state: TaskingState
  /** When and by whom it was stood down or completed; why, for a stand-down. */
  closedAt: string | null
  closedBy: string | null
  standDownReason: string | null
  /** Oldest first. */
  visits: SupportCarVisit[]
}

/** One thing the crew should know before they knock, from the contact record. */
export interface CrewNote {
  label: string
  value: string
  /** When it was recorded. */
  at: string
}

/** One stop on the car's list: the tasking, where and whom to visit, and what to know first. */
export interface SupportCarStop {
  tasking: SupportCarTasking
  incidentRef: string
  grade: Grade
  receivedAt: string
  victimName: string | null
  address: string | null
  postcode: string | null
  crewNotes: CrewNote[]
}

export interface CrewMember {
  id: number
  name: string
  role: CrewRole
  addedAt: string
}

/** The car's list and the crew working with the current shift. */
export interface SupportCarList {
  stops: SupportCarStop[]
  /** Null when no shift is open. */
  shiftId: number | null
  crew: CrewMember[]
}

const PRIORITY_ORDER: Record<TaskingPriority, number> = { urgent: 0, high: 1, routine: 2 }

/** The order the car should visit: priority, then grade (1 first), then the longest wait. */
export function compareStops(
  a: Pick<SupportCarStop, 'grade' | 'receivedAt'> & { tasking: { priority: TaskingPriority } },
  b: Pick<SupportCarStop, 'grade' | 'receivedAt'> & { tasking: { priority: TaskingPriority } },
): number {
  return (
    PRIORITY_ORDER[a.tasking.priority] - PRIORITY_ORDER[b.tasking.priority] ||
    a.grade - b.grade ||
    Date.parse(a.receivedAt) - Date.parse(b.receivedAt)
  )
}

/** One of the published figures, counted by phone, by visit and in all (each victim once). */
export interface ByRoute {
  byPhone: number
  byVisit: number
  /** Victims counted by either, once each. */
  total: number
}

/**
 * What the support car adds to a period's figures, in the shape the scheme publishes them:
 * victims engaged, referred to DA services and to other services, moved to safety (each by phone
 * and by visit), and Clare's Law disclosures given at visits. Counted by incident.
 */
export interface SupportCarFigures {
  taskings: number
  visits: number
  engaged: ByRoute
  referredToDaServices: ByRoute
  referredToOtherServices: ByRoute
  movedToSafety: ByRoute
  disclosuresAtVisits: number
}

// Clare's Law (the Domestic Violence Disclosure Scheme) applications raised from an incident:
// right to ask or right to know, who raised it and when, its status as it moves (each change a
// record of its own; the current status is the latest), and, once police have decided, whether
// the victim accepted ongoing support and whether an IDVA was present at the disclosure. The
// allowed moves are here so the page offers only those the Node side accepts. No Node or DOM
// imports.

export const CLARES_LAW_ROUTES = ['right-to-ask', 'right-to-know'] as const
export type ClaresLawRoute = (typeof CLARES_LAW_ROUTES)[number]

export const CLARES_LAW_ROUTE_LABELS: Record<ClaresLawRoute, string> = {
  'right-to-ask': 'Right to ask',
  'right-to-know': 'Right to know',
}

/** Who made the application: the victim or someone close to them asks; police or a partner
 * agency start a right-to-know. */
export const CLARES_LAW_APPLICANTS = ['victim', 'third-party', 'police', 'agency'] as const
export type ClaresLawApplicant = (typeof CLARES_LAW_APPLICANTS)[number]

export const CLARES_LAW_APPLICANT_LABELS: Record<ClaresLawApplicant, string> = {
  victim: 'The victim',
  'third-party': 'A relative or friend',
  police: 'Police',
  agency: 'A partner agency',
}

export const CLARES_LAW_STATUSES = [
  'raised',
  'under-review',
  'disclosure-given',
  'no-disclosure',
  'withdrawn',
] as const
export type ClaresLawStatus = (typeof CLARES_LAW_STATUSES)[number]

export const CLARES_LAW_STATUS_LABELS: Record<ClaresLawStatus, string> = {
  raised: 'Raised',
  'under-review': 'Under review',
  'disclosure-given': 'Disclosure given',
  'no-disclosure': 'No disclosure',
  withdrawn: 'Withdrawn',
}

export const SUPPORT_ANSWERS = ['yes', 'no', 'not-asked'] as const
export type SupportAnswer = (typeof SUPPORT_ANSWERS)[number]

export const SUPPORT_ANSWER_LABELS: Record<SupportAnswer, string> = {
  yes: 'Accepted support',
  no: 'Declined support',
  'not-asked': 'Not asked',
}

/** Where each status may go next. A decided application takes the same status again only to
 * record support (and, for a disclosure, whether an IDVA was present). */
export const NEXT_STATUSES: Record<ClaresLawStatus, readonly ClaresLawStatus[]> = {
  raised: ['under-review', 'withdrawn'],
  'under-review': ['disclosure-given', 'no-disclosure', 'withdrawn'],
  'disclosure-given': ['disclosure-given'],
  'no-disclosure': ['no-disclosure'],
  withdrawn: [],
}

/** Police have decided: support can be recorded. */
export const decided = (s: ClaresLawStatus) => s === 'disclosure-given' || s === 'no-disclosure'

/** One status change, never changed; the first is 'raised'. */
export interface ClaresLawStatusChange {
  id: number
  status: ClaresLawStatus
  supportAccepted: SupportAnswer | null
  idvaPresent: boolean | null
  note: string | null
  at: string
  by: string
}

export interface ClaresLawApplication {
  id: number
  incidentId: number
  route: ClaresLawRoute
  raisedBy: ClaresLawApplicant
  /** The date the application was made, YYYY-MM-DD (London). */
  raisedOn: string
  recordedAt: string
  recordedBy: string
  /** The latest status, and the latest support and IDVA answers given. */
  status: ClaresLawStatus
  supportAccepted: SupportAnswer | null
  idvaPresent: boolean | null
  /** Oldest first. */
  changes: ClaresLawStatusChange[]
}

export interface ClaresLawUpdate {
  status: ClaresLawStatus
  supportAccepted: SupportAnswer | null
  idvaPresent: boolean | null
}

/** Why this update cannot be recorded on an application at `current`; null when it can. */
export function updateProblem(current: ClaresLawStatus, u: ClaresLawUpdate): string | null {
  const from = CLARES_LAW_STATUS_LABELS[current].toLowerCase()
  const to = CLARES_LAW_STATUS_LABELS[u.status].toLowerCase()
  if (!NEXT_STATUSES[current].includes(u.status)) {
    return current === 'withdrawn'
      ? 'This application was withdrawn: it takes no more changes.'
      : `An application that is ${from} cannot move to ${to}.`
  }
  if (u.supportAccepted !== null && !decided(u.status)) {
    return 'Whether the victim accepted support is recorded with or after police decide (disclosure given or no disclosure).'
  }
  if (u.idvaPresent !== null && u.status !== 'disclosure-given') {
    return 'Whether an IDVA was present is recorded with or after a disclosure.'
  }
  if (u.status === current && u.supportAccepted === null && u.idvaPresent === null) {
    return `The application is already ${to}: give whether support was accepted or an IDVA was present.`
  }
  return null
}

// Repeat victims and addresses: the earlier incidents that share this one's address or victim,
// why each matched, the worker's dismissals of false matches, and the words the incident view
// and the queue use for them. A match is counted (and feeds the repeat-call escalation rules)
// when its call came in within the twelve months before this incident's and the worker has not
// dismissed it. No Node or DOM imports.
import type { Grade, PoliceStatus } from './domain.ts'
import type { ContactOutcome, RiskLevel } from './script.ts'

/** How an earlier incident matched: the loose keys the repeat-call rules compare. */
export const MATCH_KEYS = ['address', 'phone', 'name-dob'] as const
export type MatchKey = (typeof MATCH_KEYS)[number]

export const MATCH_KEY_LABELS: Record<MatchKey, string> = {
  address: 'same address',
  phone: 'same phone',
  'name-dob': 'same name and date of birth',
}

/** What a dismissal says is not the same: the place, or the person (by phone or name). */
export const REPEAT_KINDS = ['address', 'victim'] as const
export type RepeatKind = (typeof REPEAT_KINDS)[number]

export const DISMISS_LABELS: Record<RepeatKind, string> = {
  address: 'Not the same place',
  victim: 'Not the same person',
}

export const kindOf = (key: MatchKey): RepeatKind => (key === 'address' ? 'address' : 'victim')

/** The worker's word that an earlier incident is a false match. Final and append-only. */
export interface RepeatDismissal {
  id: number
  incidentId: number
  earlierId: number
  kind: RepeatKind
  reason: string
  at: string
  by: string
}

/** One earlier incident that matched, with why and what the worker found on it. */
export interface RepeatMatch {
  incidentId: number
  incidentRef: string
  receivedAt: string
  grade: Grade
  status: PoliceStatus
  keys: MatchKey[]
  /** Its call came in within the twelve months before this incident's. */
  withinWindow: boolean
  dismissals: RepeatDismissal[]
  /** The worker's latest contact outcome on it, and its risk level when any was assessed. */
  outcome: ContactOutcome | null
  riskLevel: RiskLevel | null
}

/** Earlier incidents counted (within twelve months, not dismissed) at the address and for the
 * victim: what the queue's mark and the escalation rules use. */
export interface RepeatCounts {
  earlierAtAddress: number
  earlierForVictim: number
}

export interface RepeatRecord extends RepeatCounts {
  /** Newest first: within twelve months, then older ones. */
  matches: RepeatMatch[]
}

/** Whether a match is counted for a kind: it matched that way and was not dismissed so. */
export function counts(match: RepeatMatch, kind: RepeatKind): boolean {
  return (
    match.withinWindow &&
    match.keys.some((k) => kindOf(k) === kind) &&
    !match.dismissals.some((d) => d.kind === kind)
  )
}

/** 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st. */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`
}

/** "3rd incident at this address in 12 months · 2nd for this victim"; null when neither. */
export function repeatHeadline({
  earlierAtAddress,
  earlierForVictim,
}: RepeatCounts): string | null {
  const parts: string[] = []
  if (earlierAtAddress > 0) parts.push(`${ordinal(earlierAtAddress + 1)} incident at this address`)
  if (earlierForVictim > 0) {
    parts.push(
      parts.length
        ? `${ordinal(earlierForVictim + 1)} for this victim`
        : `${ordinal(earlierForVictim + 1)} incident for this victim`,
    )
  }
  if (parts.length === 0) return null
  parts[0] += ' in 12 months'
  return parts.join(' · ')
}

/** The queue row's short mark: "3rd at address", "2nd for victim"; null when neither. */
export function repeatMark({ earlierAtAddress, earlierForVictim }: RepeatCounts): string | null {
  const parts: string[] = []
  if (earlierAtAddress > 0) parts.push(`${ordinal(earlierAtAddress + 1)} at address`)
  if (earlierForVictim > 0) parts.push(`${ordinal(earlierForVictim + 1)} for victim`)
  return parts.length ? parts.join(' · ') : null
}

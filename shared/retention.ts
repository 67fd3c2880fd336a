// The retention policy: how long personal details are kept after an incident's last activity,
// what a preview of a purge says, and what a purge did. No Node or DOM imports here.
import { formatDateTime, londonDate, londonMidnight } from './time.ts'

/** As the scheme's data-sharing agreement would set it, unless Settings says otherwise. */
export const DEFAULT_RETENTION_MONTHS = 12
export const MIN_RETENTION_MONTHS = 1
export const MAX_RETENTION_MONTHS = 120

/**
 * What a personal detail that was there reads after a purge. The triggers of migration 8 allow
 * a purge to write exactly this text, so it must never change.
 */
export const REMOVED_TEXT = 'Removed under the retention policy'

/** Why an incident that is due is kept all the same: work on it is still going on. */
export const KEPT_REASONS = [
  'open-escalation',
  'outstanding-action',
  'open-clares-law',
  'open-follow-up',
  'open-tasking',
] as const
export type KeptReason = (typeof KEPT_REASONS)[number]

export const KEPT_REASON_LABELS: Record<KeptReason, string> = {
  'open-escalation': 'open escalation',
  'outstanding-action': 'outstanding action',
  'open-clares-law': 'open Clare’s Law application',
  'open-follow-up': 'open follow-up',
  'open-tasking': 'on the support car’s list',
}

export interface RetentionIncident {
  incidentId: number
  incidentRef: string
  /** The latest record on it of any kind: feed, attempt, note, answer, escalation, handover. */
  lastActivityAt: string
}

export interface KeptIncident extends RetentionIncident {
  reasons: KeptReason[]
}

export interface RetentionPreview {
  months: number
  /** Incidents whose last activity was before this instant (London midnight) are due. */
  cutoff: string
  /** The incidents a purge now would remove personal details from, oldest activity first. */
  due: RetentionIncident[]
  /** Due by date, but kept, and why. */
  kept: KeptIncident[]
  /** Feed files kept in the inbox's processed and quarantine folders from before the cut-off. */
  feedFiles: number
}

export interface RetentionResult {
  months: number
  cutoff: string
  /** When the purge ran: the date the incidents' notice gives. */
  purgedAt: string
  purged: RetentionIncident[]
  kept: KeptIncident[]
  /** Feed-file reports in the database whose quoted values were removed. */
  feedReports: number
  /** Feed files (and their reports) deleted from the processed and quarantine folders. */
  feedFiles: number
}

/**
 * The cut-off for a period: London midnight on the same date `months` months back (the month's
 * last day when it is shorter), so "12 months" on 27/11/2026 means before 27/11/2025.
 */
export function retentionCutoff(nowMs: number, months: number): string {
  const today = londonDate(new Date(nowMs).toISOString())
  const monthIndex = today.year * 12 + (today.month - 1) - months
  const year = Math.floor(monthIndex / 12)
  const month = (monthIndex % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return londonMidnight(year, month, Math.min(today.day, lastDay))
}

/** dd/MM/yyyy in London. */
export const formatDate = (iso: string) => formatDateTime(iso).slice(0, 10)

/** What the incident view and the exports say instead of the removed details. */
export const removedNotice = (purgedAt: string) =>
  `Personal details removed under the retention policy on ${formatDate(purgedAt)}`

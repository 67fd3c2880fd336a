// Which incidents the queue shows and in what order: search, grade and progress filters, and the
// default order: first every incident with an open escalation (those still awaiting the
// controller's acknowledgement first, then the longest open), because a quicker police response
// is being asked for; then every incident whose agreed call-back is due (the longest overdue
// first), because a victim is waiting for a call at a time they said was safe; then new
// incidents, then those being worked, then done ones, each by most urgent grade and then longest
// waiting.
import type { Grade, Progress, QueueRow } from '#shared/domain.ts'
import type { ProgressFilter } from '../store/uiSlice.ts'

export const PROGRESS_FILTERS: readonly ProgressFilter[] = ['open', 'new', 'active', 'done']

export const PROGRESS_FILTER_LABELS: Record<ProgressFilter, string> = {
  open: 'All open',
  new: 'Needs review',
  active: 'In progress',
  done: 'Done',
}

const FILTER_PROGRESS: Record<ProgressFilter, readonly Progress[]> = {
  open: ['new', 'reviewing', 'contacted', 'done'],
  new: ['new'],
  active: ['reviewing', 'contacted'],
  done: ['done'],
}

/** After due call-backs, lower first: new incidents, then those being worked, then done ones. */
const PROGRESS_RANK: Record<Progress, number> = { new: 0, reviewing: 1, contacted: 1, done: 2 }

export function compareRows(a: QueueRow, b: QueueRow): number {
  return (
    PROGRESS_RANK[a.progress] - PROGRESS_RANK[b.progress] ||
    a.grade - b.grade ||
    // Stored times are all ISO 8601 UTC in one form, so they sort as text.
    (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0) ||
    a.id - b.id
  )
}

interface SearchText {
  words: string
  compact: string
}

// Rows are replaced, never changed in place, so their search text can be kept per object.
const searchTexts = new WeakMap<QueueRow, SearchText>()

function searchTextOf(row: QueueRow): SearchText {
  let text = searchTexts.get(row)
  if (!text) {
    text = {
      words: [row.incidentRef, row.victimName, row.address, row.summary, row.postcode]
        .filter(Boolean)
        .join('\n')
        .toLowerCase(),
      // Phone numbers and postcodes are typed with and without spaces.
      compact: [row.victimPhone, row.postcode, row.incidentRef]
        .filter(Boolean)
        .join('\n')
        .replace(/[^\S\n]/g, '')
        .toLowerCase(),
    }
    searchTexts.set(row, text)
  }
  return text
}

/** Rows matching the search, grade and outstanding-actions filters. Closed incidents only when
 * searching, while an escalation on them is open (police closing the log does not end the
 * escalation), while an action on one is outstanding, or while its follow-up call is due: those
 * stay in sight, shift after shift, until the action is marked done or the call made. */
export function searchRows(
  rows: readonly QueueRow[],
  search: string,
  grade: Grade | 'all',
  actionsOnly: boolean,
  followUpDue: ReadonlySet<number> = new Set(),
): QueueRow[] {
  const words = search.trim().toLowerCase()
  const compact = words.replace(/\s/g, '')
  return rows.filter((row) => {
    if (grade !== 'all' && row.grade !== grade) return false
    if (actionsOnly && row.outstandingActions === 0) return false
    if (!words) {
      return (
        row.status !== 'closed' ||
        row.openEscalation !== null ||
        row.outstandingActions > 0 ||
        followUpDue.has(row.id)
      )
    }
    const text = searchTextOf(row)
    return text.words.includes(words) || text.compact.includes(compact)
  })
}

export function countByFilter(rows: readonly QueueRow[]): Record<ProgressFilter, number> {
  const counts: Record<ProgressFilter, number> = { open: rows.length, new: 0, active: 0, done: 0 }
  for (const row of rows) {
    if (row.progress === 'new') counts.new++
    else if (row.progress === 'done') counts.done++
    else counts.active++
  }
  return counts
}

/** Whether the call-back agreed in the incident's latest attempt has come (and the worker has
 * not marked the incident done). */
export function isCallBackDue(row: QueueRow, nowMs: number): boolean {
  return row.progress !== 'done' && row.callBackAt !== null && Date.parse(row.callBackAt) <= nowMs
}

/** The ids of rows whose call-back is due, as text that changes only when the set does (so the
 * 30-second clock re-sorts 10,000 rows only when a call-back falls due). */
export function dueCallBackKey(rows: readonly QueueRow[], nowMs: number): string {
  const ids: number[] = []
  for (const row of rows) if (isCallBackDue(row, nowMs)) ids.push(row.id)
  return ids.join(',')
}

function compareDue(a: QueueRow, b: QueueRow): number {
  return Date.parse(a.callBackAt ?? '') - Date.parse(b.callBackAt ?? '') || compareRows(a, b)
}

/** Unacknowledged before acknowledged, then the one raised first. */
function compareEscalated(a: QueueRow, b: QueueRow): number {
  const x = a.openEscalation
  const y = b.openEscalation
  if (!x || !y) return compareRows(a, b)
  return (
    Number(x.acknowledgedAt !== null) - Number(y.acknowledgedAt !== null) ||
    Date.parse(x.raisedAt) - Date.parse(y.raisedAt) ||
    compareRows(a, b)
  )
}

export function filterAndSort(
  rows: readonly QueueRow[],
  filter: ProgressFilter,
  dueIds: ReadonlySet<number>,
): QueueRow[] {
  const wanted = FILTER_PROGRESS[filter]
  const escalated: QueueRow[] = []
  const due: QueueRow[] = []
  const rest: QueueRow[] = []
  for (const row of rows) {
    if (!wanted.includes(row.progress)) continue
    if (row.openEscalation) escalated.push(row)
    else (dueIds.has(row.id) ? due : rest).push(row)
  }
  return escalated.sort(compareEscalated).concat(due.sort(compareDue), rest.sort(compareRows))
}

/** The incidents with an open escalation in queue order, whatever the filters. */
export function escalatedRows(rows: Iterable<QueueRow>): QueueRow[] {
  const escalated: QueueRow[] = []
  for (const row of rows) if (row.openEscalation) escalated.push(row)
  return escalated.sort(compareEscalated)
}

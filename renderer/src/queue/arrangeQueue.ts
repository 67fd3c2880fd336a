// Which incidents the queue shows and in what order: search, grade and progress filters, and the
// default order (new first, then most urgent grade, then longest waiting).
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

/** Lower first: new incidents, then those being worked, then the done ones. */
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

/** Rows matching the search and grade filter; closed incidents only when searching. */
export function searchRows(
  rows: readonly QueueRow[],
  search: string,
  grade: Grade | 'all',
): QueueRow[] {
  const words = search.trim().toLowerCase()
  const compact = words.replace(/\s/g, '')
  return rows.filter((row) => {
    if (grade !== 'all' && row.grade !== grade) return false
    if (!words) return row.status !== 'closed'
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

export function filterAndSort(rows: readonly QueueRow[], filter: ProgressFilter): QueueRow[] {
  const wanted = FILTER_PROGRESS[filter]
  return rows.filter((row) => wanted.includes(row.progress)).sort(compareRows)
}

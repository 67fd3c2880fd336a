// One incident's timeline for the notes pane: its rapport notes, its call attempts and the
// feed's regrades, merged in time order (oldest first, so the newest sits just above the note
// being written).
import type { ContactAttempt, HistoryEntry, IncidentDetail, Note } from '#shared/domain.ts'

export type TimelineEntry =
  | { kind: 'note'; key: string; at: string; note: Note }
  | { kind: 'attempt'; key: string; at: string; attempt: ContactAttempt }
  | { kind: 'regrade'; key: string; at: string; regrade: HistoryEntry }

export function timelineEntries(detail: IncidentDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...detail.notes.map((note) => ({
      kind: 'note' as const,
      key: `note-${note.id}`,
      at: note.at,
      note,
    })),
    ...detail.attempts.map((attempt) => ({
      kind: 'attempt' as const,
      key: `attempt-${attempt.id}`,
      at: attempt.at,
      attempt,
    })),
    ...detail.history
      .filter((entry) => entry.kind === 'regrade')
      .map((regrade) => ({
        kind: 'regrade' as const,
        key: `regrade-${regrade.id}`,
        at: regrade.at,
        regrade,
      })),
  ]
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key))
}

/** The corrections filed for each note, oldest first, by the id of the note they correct. */
export function correctionsByNote(notes: readonly Note[]): Map<number, Note[]> {
  const corrections = new Map<number, Note[]>()
  for (const note of [...notes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (note.amends === null) continue
    corrections.set(note.amends, [...(corrections.get(note.amends) ?? []), note])
  }
  return corrections
}

/** The id of a note's element in the timeline, to move focus to it. */
export function noteElementId(noteId: number): string {
  return `timeline-note-${noteId}`
}

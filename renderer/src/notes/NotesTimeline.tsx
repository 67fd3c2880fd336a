// The open incident's timeline: notes, calls and regrades, oldest first, so the newest is just
// above the note being written, as in a conversation; it stays scrolled to the newest unless the
// worker has scrolled up to read.
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import { Box, Typography } from '@mui/material'
import { CONTACT_RESULT_LABELS, type IncidentDetail, type Note } from '#shared/domain.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { describeHistory, historySource } from '../incident/IncidentHistory.tsx'
import { useDesk } from '../store/useDesk.ts'
import { NoteEntry } from './NoteEntry.tsx'
import { correctionsByNote, timelineEntries } from './timelineEntries.ts'

const NO_CORRECTIONS: readonly Note[] = []

function MarkedEntry({ colour, children }: { colour: string; children: ReactNode }) {
  return (
    <Box component="li" sx={{ borderLeft: 3, borderColor: colour, pl: 1.25, py: 0.5 }}>
      {children}
    </Box>
  )
}

export function NotesTimeline({ detail }: { detail: IncidentDetail }) {
  const nowMs = useDesk((s) => s.nowMs)
  const amendNote = useDesk((s) => s.amendNote)
  const markActionDone = useDesk((s) => s.markActionDone)
  const entries = useMemo(() => timelineEntries(detail), [detail])
  const corrections = useMemo(() => correctionsByNote(detail.notes), [detail.notes])
  const notesById = useMemo(() => new Map(detail.notes.map((n) => [n.id, n])), [detail.notes])
  const scrollRef = useRef<HTMLDivElement>(null)
  const atEnd = useRef(true)

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (el && atEnd.current) el.scrollTop = el.scrollHeight
  }, [entries])

  function onAmend(note: Note) {
    amendNote(note)
    requestAnimationFrame(() => document.getElementById('new-note')?.focus())
  }

  return (
    <Box
      ref={scrollRef}
      component="section"
      aria-label="Timeline"
      tabIndex={0}
      onScroll={(event) => {
        const el = event.currentTarget
        atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48
      }}
      sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 2, py: 1.5 }}
    >
      {entries.length === 0 ? (
        <Typography color="text.secondary">
          Nothing recorded yet. Notes you file, calls you log and regrades from the feed appear
          here, newest at the bottom.
        </Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
          {entries.map((entry) => {
            switch (entry.kind) {
              case 'note':
                return (
                  <NoteEntry
                    key={entry.key}
                    note={entry.note}
                    original={
                      entry.note.amends === null ? undefined : notesById.get(entry.note.amends)
                    }
                    corrections={corrections.get(entry.note.id) ?? NO_CORRECTIONS}
                    nowMs={nowMs}
                    onAmend={onAmend}
                    onMarkDone={(note) => void markActionDone(note.id)}
                  />
                )
              case 'attempt': {
                const { attempt } = entry
                return (
                  <MarkedEntry
                    key={entry.key}
                    colour={attempt.result === 'spoke-to-victim' ? 'success.main' : 'divider'}
                  >
                    <Typography variant="body2" sx={{ fontWeight: 700 }}>
                      {formatWhen(attempt.at, nowMs)} · Call:{' '}
                      {CONTACT_RESULT_LABELS[attempt.result]}
                    </Typography>
                    <Typography variant="body2">
                      {attempt.number}
                      {attempt.callBackAt &&
                        ` · call back ${formatWhen(attempt.callBackAt, nowMs)}`}
                    </Typography>
                    {attempt.note && (
                      <Typography
                        variant="body2"
                        sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                      >
                        {attempt.note}
                      </Typography>
                    )}
                    <Typography variant="body2" color="text.secondary">
                      By {attempt.by}
                    </Typography>
                  </MarkedEntry>
                )
              }
              case 'regrade':
                return (
                  <MarkedEntry key={entry.key} colour="warning.main">
                    <Typography variant="body2" sx={{ fontWeight: 700 }}>
                      {formatWhen(entry.at, nowMs)} · {describeHistory(entry.regrade)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      From {historySource(entry.regrade)}
                    </Typography>
                  </MarkedEntry>
                )
            }
          })}
        </Box>
      )}
    </Box>
  )
}

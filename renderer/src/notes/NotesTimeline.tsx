// The open incident's timeline: notes, calls and follow-up calls, regrades, the script's risk level changes,
// judgements, referrals and outcomes, and escalations step by step, oldest first, so the newest is just
// above the note being written, as in a conversation; it stays scrolled to the newest unless the
// worker has scrolled up to read.
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import { Box, Typography } from '@mui/material'
import { CONTACT_RESULT_LABELS, type IncidentDetail, type Note } from '#shared/domain.ts'
import { CONTACT_OUTCOME_LABELS } from '#shared/script.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { dismissedWords } from '../escalation/escalationWords.ts'
import { describeHistory, historySource } from '../incident/IncidentHistory.tsx'
import { describeReferral } from '../script/ReferralsPanel.tsx'
import { RISK_LEVEL_LABELS } from '../script/scriptPath.ts'
import { useDesk } from '../store/useDesk.ts'
import { NoteEntry } from './NoteEntry.tsx'
import { correctionsByNote, timelineEntries } from './timelineEntries.ts'
import { PERSONAL } from '../privacy/personal.ts'

const NO_CORRECTIONS: readonly Note[] = []

function MarkedEntry({ colour, children }: { colour: string; children: ReactNode }) {
  return (
    <Box component="li" sx={{ borderLeft: 3, borderColor: colour, pl: 1.25, py: 0.5 }}>
      {children}
    </Box>
  )
}

/** A record of the worker's with a title, words and who: from the contact script (a risk
 * change, judgement, referral or outcome) or an escalation step. */
function ScriptEntry({
  title,
  text,
  when,
  by,
  high = false,
}: {
  title: string
  text?: string | null
  when: string
  by: string
  high?: boolean
}) {
  return (
    <MarkedEntry colour={high ? 'error.main' : 'info.main'}>
      <Typography variant="body2" sx={{ fontWeight: 700 }}>
        {when} · {title}
      </Typography>
      {text && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        By {by}
      </Typography>
    </MarkedEntry>
  )
}

export function NotesTimeline({ detail }: { detail: IncidentDetail }) {
  const nowMs = useDesk((s) => s.nowMs)
  const amendNote = useDesk((s) => s.amendNote)
  const markActionDone = useDesk((s) => s.markActionDone)
  const script = useDesk((s) => s.script)
  const entries = useMemo(() => timelineEntries(detail, script), [detail, script])
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
          Nothing recorded yet. Notes you file, calls you log, follow-up calls, regrades from the
          feed, risk, referrals and outcomes from the script, and escalations appear here, newest at
          the bottom.
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
                      <span {...PERSONAL}>{attempt.number}</span>
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
              case 'followUpCall': {
                const { call } = entry
                return (
                  <MarkedEntry
                    key={entry.key}
                    colour={call.outcome.startsWith('reached') ? 'success.main' : 'divider'}
                  >
                    <Typography variant="body2" sx={{ fontWeight: 700 }}>
                      {formatWhen(call.at, nowMs)} · {entry.title}
                    </Typography>
                    {entry.tryAgain && <Typography variant="body2">{entry.tryAgain}</Typography>}
                    {call.note && (
                      <Typography
                        variant="body2"
                        sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                      >
                        {call.note}
                      </Typography>
                    )}
                    <Typography variant="body2" color="text.secondary">
                      By {call.by}
                    </Typography>
                  </MarkedEntry>
                )
              }
              case 'risk':
                return (
                  <ScriptEntry
                    key={entry.key}
                    high={entry.change.level === 'high'}
                    title={`Risk now ${RISK_LEVEL_LABELS[entry.change.level]} — DASH ${entry.change.yesCount} yes`}
                    when={formatWhen(entry.at, nowMs)}
                    by={entry.change.by}
                  />
                )
              case 'judgement':
                return (
                  <ScriptEntry
                    key={entry.key}
                    high={entry.judgement.high}
                    title={`Professional judgement: ${entry.judgement.high ? 'high risk' : 'not high risk'}`}
                    text={entry.judgement.reason}
                    when={formatWhen(entry.at, nowMs)}
                    by={entry.judgement.by}
                  />
                )
              case 'referral':
                return (
                  <ScriptEntry
                    key={entry.key}
                    title={`Referral: ${describeReferral(entry.referral)}`}
                    when={formatWhen(entry.at, nowMs)}
                    by={entry.referral.by}
                  />
                )
              case 'outcome':
                return (
                  <ScriptEntry
                    key={entry.key}
                    title={`Outcome: ${CONTACT_OUTCOME_LABELS[entry.outcome.outcome]}`}
                    text={entry.outcome.note}
                    when={formatWhen(entry.at, nowMs)}
                    by={entry.outcome.by}
                  />
                )
              case 'escalation':
                return (
                  <ScriptEntry
                    key={entry.key}
                    high
                    title={entry.step.title}
                    text={entry.step.text}
                    when={formatWhen(entry.at, nowMs)}
                    by={entry.step.by}
                  />
                )
              case 'dismissal':
                return (
                  <ScriptEntry
                    key={entry.key}
                    title={`Suggestion dismissed: ${dismissedWords(entry.dismissal)}`}
                    text={entry.dismissal.reason}
                    when={formatWhen(entry.at, nowMs)}
                    by={entry.dismissal.by}
                  />
                )
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

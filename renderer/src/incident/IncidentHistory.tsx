// What happened to the incident's record, oldest first: arrival, regrades, police status changes
// and other field changes, each with its time and where it came from.
import { Box, Typography } from '@mui/material'
import type { HistoryEntry } from '#shared/domain.ts'
import { formatDateTime } from '#shared/time.ts'
import { flagLabel } from '../queue/FlagList.tsx'
import { FIELD_LABELS, labelFor, POLICE_STATUS_LABELS } from './fieldLabels.ts'
import { isPersonalField, PERSONAL } from '../privacy/personal.ts'

function gradeText(value: string | null): string {
  if (!value) return '?'
  return /^g/i.test(value) ? value.toUpperCase() : `G${value}`
}

/** What happened, e.g. "Regraded G3 → G2 (more urgent)". */
export function describeHistory(entry: HistoryEntry): string {
  switch (entry.kind) {
    case 'arrival':
      return entry.origin === 'manual' ? 'Added by hand' : 'Arrived from the feed'
    case 'regrade': {
      const from = Number(entry.from)
      const to = Number(entry.to)
      const direction = to < from ? ' (more urgent)' : to > from ? ' (less urgent)' : ''
      return `Regraded ${gradeText(entry.from)} → ${gradeText(entry.to)}${direction}`
    }
    case 'status':
      return `Police status ${labelFor(POLICE_STATUS_LABELS, entry.from ?? '?')} → ${labelFor(
        POLICE_STATUS_LABELS,
        entry.to ?? '?',
      )}`
    case 'change':
      return `${labelFor(FIELD_LABELS, entry.field)} changed`
  }
}

/** A changed value as the worker reads it: risk flags by their names, the rest as it came. */
function changedValue(entry: HistoryEntry, value: string | null): string {
  if (value === null || value === '') return 'not given'
  if (entry.field !== 'flags') return value
  let flags: unknown
  try {
    flags = JSON.parse(value)
  } catch {
    flags = value.split(/[;,]\s*/)
  }
  if (!Array.isArray(flags)) return value
  return flags.length === 0 ? 'none' : flags.map((flag) => flagLabel(String(flag))).join(', ')
}

/** Where the change came from, e.g. "feed file update.json". */
export function historySource(entry: HistoryEntry): string {
  if (entry.origin === 'manual') return entry.via ? `typed in by ${entry.via}` : 'typed in by hand'
  return entry.via ? `feed file ${entry.via}` : 'the feed'
}

export function IncidentHistory({ history }: { history: readonly HistoryEntry[] }) {
  const entries = [...history].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
  return (
    <Box component="section">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
        History
      </Typography>
      {entries.length === 0 ? (
        <Typography color="text.secondary">No history recorded.</Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
          {entries.map((entry) => {
            const personal = isPersonalField(entry.field) ? PERSONAL : {}
            return (
              <Box
                component="li"
                key={entry.id}
                sx={{
                  display: 'grid',
                  gridTemplateColumns: '140px 1fr',
                  columnGap: 2,
                  borderLeft: 3,
                  borderColor: entry.kind === 'regrade' ? 'warning.main' : 'divider',
                  pl: 1.5,
                }}
              >
                <Typography sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatDateTime(entry.at)}
                </Typography>
                <Box sx={{ minWidth: 0 }}>
                  <Typography sx={{ fontWeight: entry.kind === 'change' ? 400 : 600 }}>
                    {describeHistory(entry)}
                  </Typography>
                  {entry.kind === 'change' && (
                    <Typography
                      variant="body2"
                      sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                    >
                      Was: <span {...personal}>{changedValue(entry, entry.from)}</span>
                      {'\n'}Now: <span {...personal}>{changedValue(entry, entry.to)}</span>
                    </Typography>
                  )}
                  <Typography variant="body2" color="text.secondary">
                    From {historySource(entry)}
                  </Typography>
                </Box>
              </Box>
            )
          })}
        </Box>
      )}
    </Box>
  )
}

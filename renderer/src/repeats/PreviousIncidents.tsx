// The incident's previous incidents: each earlier incident at the same address or for the same
// victim, how it matched, what the worker found on it, and any dismissal as a false match; those
// in the twelve months before this call first, older ones apart. Each opens in the centre pane
// (closed ones too), and each match the worker doubts can be dismissed, with why.
import { useState } from 'react'
import { Box, Button, Link, Typography } from '@mui/material'
import type { IncidentDetail } from '#shared/domain.ts'
import {
  DISMISS_LABELS,
  MATCH_KEY_LABELS,
  REPEAT_KINDS,
  kindOf,
  type RepeatKind,
  type RepeatMatch,
} from '#shared/repeats.ts'
import { CONTACT_OUTCOME_LABELS } from '#shared/script.ts'
import { formatDateTime } from '#shared/time.ts'
import { GradeChip } from '../queue/GradeChip.tsx'
import { POLICE_STATUS_LABELS } from '../incident/fieldLabels.ts'
import { RISK_LEVEL_LABELS } from '../script/scriptPath.ts'
import { useDesk } from '../store/useDesk.ts'
import { DismissMatchDialog } from './DismissMatchDialog.tsx'

export const PREVIOUS_INCIDENTS_ID = 'previous-incidents'

/** "same address, same phone (not the same person: dismissed)". */
function matchedBy(match: RepeatMatch): string {
  return match.keys
    .map((key) => {
      const dismissed = match.dismissals.some((d) => d.kind === kindOf(key))
      return dismissed ? `${MATCH_KEY_LABELS[key]} (dismissed)` : MATCH_KEY_LABELS[key]
    })
    .join(', ')
}

function foundOnIt(match: RepeatMatch): string {
  const parts = [
    match.outcome && `Outcome: ${CONTACT_OUTCOME_LABELS[match.outcome]}`,
    match.riskLevel && `Risk: ${RISK_LEVEL_LABELS[match.riskLevel]}`,
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : 'No outcome or risk recorded by the desk'
}

function MatchItem({
  match,
  onDismiss,
}: {
  match: RepeatMatch
  onDismiss: (kind: RepeatKind) => void
}) {
  const rowsById = useDesk((s) => s.rowsById)
  const showIncident = useDesk((s) => s.showEscalatedIncident)
  const openIncident = useDesk((s) => s.openIncident)
  const open = () =>
    rowsById.has(match.incidentId)
      ? showIncident(match.incidentId)
      : void openIncident(match.incidentId)
  const dismissable = REPEAT_KINDS.filter(
    (kind) =>
      match.keys.some((k) => kindOf(k) === kind) && !match.dismissals.some((d) => d.kind === kind),
  )
  const allDismissed = dismissable.length === 0
  return (
    <Box
      component="li"
      sx={{
        display: 'grid',
        gap: 0.5,
        py: 1,
        borderTop: 1,
        borderColor: 'divider',
        color: allDismissed ? 'text.secondary' : 'text.primary',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Link
          component="button"
          type="button"
          onClick={open}
          sx={{ fontWeight: 700, fontSize: '1rem' }}
          aria-label={`Open ${match.incidentRef}`}
        >
          {match.incidentRef}
        </Link>
        <Typography component="span">{formatDateTime(match.receivedAt)}</Typography>
        <GradeChip grade={match.grade} />
        <Typography component="span" color="text.secondary">
          Police: {POLICE_STATUS_LABELS[match.status]}
        </Typography>
      </Box>
      <Typography>
        Matched by {matchedBy(match)}
        {allDismissed && ' — not counted'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {foundOnIt(match)}
      </Typography>
      {match.dismissals.map((d) => (
        <Typography key={d.id} variant="body2">
          <Box component="span" sx={{ fontWeight: 700 }}>
            {DISMISS_LABELS[d.kind]}
          </Box>{' '}
          — {d.by}, {formatDateTime(d.at)}: “{d.reason}”
        </Typography>
      ))}
      {dismissable.length > 0 && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {dismissable.map((kind) => (
            <Button
              key={kind}
              size="small"
              variant="outlined"
              onClick={() => onDismiss(kind)}
              aria-label={`${DISMISS_LABELS[kind]}: ${match.incidentRef}`}
            >
              {DISMISS_LABELS[kind]}
            </Button>
          ))}
        </Box>
      )}
    </Box>
  )
}

export function PreviousIncidents({ detail }: { detail: IncidentDetail }) {
  const [dismissing, setDismissing] = useState<{ match: RepeatMatch; kind: RepeatKind } | null>(
    null,
  )
  const { matches } = detail.repeats
  const recent = matches.filter((m) => m.withinWindow)
  const older = matches.filter((m) => !m.withinWindow)
  const list = (items: RepeatMatch[]) => (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {items.map((match) => (
        <MatchItem
          key={match.incidentId}
          match={match}
          onDismiss={(kind) => setDismissing({ match, kind })}
        />
      ))}
    </Box>
  )
  return (
    // Not a named region: "Previous incidents" would also answer to the incident pane's name.
    <Box id={PREVIOUS_INCIDENTS_ID}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
        Previous incidents
      </Typography>
      {matches.length === 0 && (
        <Typography color="text.secondary">
          None at this address or for this victim (same phone, or same name and date of birth).
        </Typography>
      )}
      {matches.length > 0 && recent.length === 0 && (
        <Typography color="text.secondary">None in the 12 months before this call.</Typography>
      )}
      {recent.length > 0 && list(recent)}
      {older.length > 0 && (
        <>
          <Typography component="h4" sx={{ fontWeight: 700, mt: 1.5 }}>
            Also {older.length} earlier than 12 months
          </Typography>
          {list(older)}
        </>
      )}
      {dismissing && (
        <DismissMatchDialog
          incidentId={detail.row.id}
          match={dismissing.match}
          kind={dismissing.kind}
          onClose={() => setDismissing(null)}
        />
      )}
    </Box>
  )
}

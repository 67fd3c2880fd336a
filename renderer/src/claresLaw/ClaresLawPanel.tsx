// Clare's Law on the incident: each application raised from it with its route, who made it and
// when, its current status and every change (who, when, note), and once police have decided,
// whether the victim accepted support and whether an IDVA was present. New applications are
// recorded and moved on from here.
import { useState } from 'react'
import { Box, Button, Typography } from '@mui/material'
import type { IncidentDetail } from '#shared/domain.ts'
import {
  CLARES_LAW_APPLICANT_LABELS,
  CLARES_LAW_ROUTE_LABELS,
  CLARES_LAW_STATUS_LABELS,
  NEXT_STATUSES,
  SUPPORT_ANSWER_LABELS,
  decided,
  type ClaresLawApplication,
  type ClaresLawStatusChange,
} from '#shared/claresLaw.ts'
import { formatDateTime } from '#shared/time.ts'
import { RaiseClaresLawDialog } from './RaiseClaresLawDialog.tsx'
import { UpdateClaresLawDialog } from './UpdateClaresLawDialog.tsx'

/** 2026-11-21 → 21/11/2026 */
const ukDate = (date: string) => date.split('-').reverse().join('/')

function changeText(c: ClaresLawStatusChange): string {
  const answers = [
    c.supportAccepted && SUPPORT_ANSWER_LABELS[c.supportAccepted].toLowerCase(),
    c.idvaPresent !== null && (c.idvaPresent ? 'IDVA present' : 'no IDVA present'),
  ].filter(Boolean)
  return [CLARES_LAW_STATUS_LABELS[c.status], ...answers].join(', ')
}

function Application({
  application,
  onUpdate,
}: {
  application: ClaresLawApplication
  onUpdate: () => void
}) {
  const a = application
  const open = NEXT_STATUSES[a.status].length > 0
  return (
    <Box
      component="li"
      sx={{ display: 'grid', gap: 0.5, py: 1, borderTop: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 700 }}>{CLARES_LAW_ROUTE_LABELS[a.route]}</Typography>
        <Typography>
          made by {CLARES_LAW_APPLICANT_LABELS[a.raisedBy].toLowerCase()} on {ukDate(a.raisedOn)}
        </Typography>
        <Typography sx={{ fontWeight: 700 }} data-testid="clares-law-status">
          {CLARES_LAW_STATUS_LABELS[a.status]}
        </Typography>
      </Box>
      {decided(a.status) && (
        <Typography>
          Support: {a.supportAccepted ? SUPPORT_ANSWER_LABELS[a.supportAccepted] : 'not recorded'}
          {a.status === 'disclosure-given' &&
            ` · IDVA present: ${a.idvaPresent === null ? 'not recorded' : a.idvaPresent ? 'yes' : 'no'}`}
        </Typography>
      )}
      <Box component="ol" sx={{ m: 0, pl: 3 }}>
        {a.changes.map((c) => (
          <Typography component="li" variant="body2" key={c.id} color="text.secondary">
            {changeText(c)} — {c.by}, {formatDateTime(c.at)}
            {c.note && `: “${c.note}”`}
          </Typography>
        ))}
      </Box>
      {open && (
        <Box>
          <Button size="small" variant="outlined" onClick={onUpdate}>
            {decided(a.status) ? 'Record support' : 'Update status'}
          </Button>
        </Box>
      )}
    </Box>
  )
}

export function ClaresLawPanel({ detail }: { detail: IncidentDetail }) {
  const [raising, setRaising] = useState(false)
  const [updating, setUpdating] = useState<ClaresLawApplication | null>(null)
  const applications = detail.claresLaw
  return (
    <Box component="section" aria-labelledby="clares-law-title">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 0.5 }}>
        <Typography
          id="clares-law-title"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 700 }}
        >
          Clare’s Law
        </Typography>
        <Button size="small" variant="outlined" onClick={() => setRaising(true)}>
          Record application
        </Button>
      </Box>
      {applications.length === 0 ? (
        <Typography color="text.secondary">No application raised from this incident.</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {applications.map((a) => (
            <Application key={a.id} application={a} onUpdate={() => setUpdating(a)} />
          ))}
        </Box>
      )}
      {raising && (
        <RaiseClaresLawDialog incidentId={detail.row.id} onClose={() => setRaising(false)} />
      )}
      {updating && (
        <UpdateClaresLawDialog
          key={updating.id}
          application={updating}
          onClose={() => setUpdating(null)}
        />
      )}
    </Box>
  )
}

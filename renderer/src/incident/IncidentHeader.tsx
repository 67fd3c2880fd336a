// The top of the open incident: reference, grade, police status, when it came in and how long
// ago, its handover marks and outstanding actions, the worker's progress, and the C&C log update
// for the police incident log.
import { Box, Typography } from '@mui/material'
import type { QueueRow } from '#shared/domain.ts'
import { formatAge, formatDateTime, formatTime } from '#shared/time.ts'
import { useDesk } from '../store/useDesk.ts'
import { CcLogUpdateButton } from '../handover/CcLogUpdateButton.tsx'
import { GradeChip } from '../queue/GradeChip.tsx'
import { HandoverMarks, hasHandoverMarks } from '../queue/HandoverMarks.tsx'
import { RegradeMark } from '../queue/RegradeMark.tsx'
import { POLICE_STATUS_LABELS } from './fieldLabels.ts'
import { ProgressControl } from './ProgressControl.tsx'

export function IncidentHeader({ row }: { row: QueueRow }) {
  const nowMs = useDesk((s) => s.nowMs)
  const age = formatAge(row.receivedAt, nowMs)
  return (
    <Box
      component="header"
      sx={{ display: 'grid', gap: 1.25, pb: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 700 }}>
          {row.incidentRef}
        </Typography>
        <GradeChip grade={row.grade} size="medium" />
        {row.lastRegrade && (
          <Typography component="span">
            <RegradeMark regrade={row.lastRegrade} long />{' '}
            <Typography component="span" variant="body2" color="text.secondary">
              at {formatTime(row.lastRegrade.at)}
            </Typography>
          </Typography>
        )}
        <Typography sx={{ fontWeight: row.status === 'closed' ? 700 : 400 }}>
          Police status: {POLICE_STATUS_LABELS[row.status]}
        </Typography>
      </Box>
      <Typography>
        Received {formatDateTime(row.receivedAt)}{' '}
        <Typography component="span" sx={{ fontWeight: 700 }}>
          ({age === 'just now' ? age : `${age} ago`})
        </Typography>
        {row.origin === 'manual' && (
          <Typography component="span" color="text.secondary">
            {' '}
            · typed in by hand
          </Typography>
        )}
      </Typography>
      {hasHandoverMarks(row) && <HandoverMarks row={row} size="medium" />}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <ProgressControl id={row.id} progress={row.progress} />
        <CcLogUpdateButton incidentId={row.id} incidentRef={row.incidentRef} />
      </Box>
    </Box>
  )
}

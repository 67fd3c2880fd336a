// The count of open escalations in the top bar, solid red while any awaits the controller's
// acknowledgement. It takes the worker to the first one (the top of the queue).
import { useMemo } from 'react'
import { Box, Button } from '@mui/material'
import CampaignIcon from '@mui/icons-material/Campaign'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { escalatedRows } from '../queue/arrangeQueue.ts'
import { useDesk } from '../store/useDesk.ts'

export function EscalationCount() {
  const rowsById = useDesk((s) => s.rowsById)
  const showEscalatedIncident = useDesk((s) => s.showEscalatedIncident)
  const escalated = useMemo(() => escalatedRows(rowsById.values()), [rowsById])
  const first = escalated[0]
  if (!first) return null
  const waiting = escalated.filter((row) => row.openEscalation?.acknowledgedAt === null).length
  const count = escalated.length
  return (
    <Button
      variant={waiting > 0 ? 'contained' : 'outlined'}
      color="error"
      startIcon={<CampaignIcon aria-hidden />}
      onClick={() => showEscalatedIncident(first.id)}
      title={`Open ${first.incidentRef}, the first in the queue`}
      sx={{ whiteSpace: 'nowrap', lineHeight: 1.2, py: 0.5, textAlign: 'left' }}
    >
      <span>
        {count} open {count === 1 ? 'escalation' : 'escalations'}
        {waiting > 0 && (
          <>
            <ScreenReaderText>, </ScreenReaderText>
            <Box component="span" sx={{ display: 'block', fontWeight: 400, fontSize: '0.8125rem' }}>
              {waiting} awaiting acknowledgement
            </Box>
          </>
        )}
      </span>
    </Button>
  )
}

// The queue row's mark (small, so the row's age still fits beside it) for an incident whose follow-up call is due (or overdue) today.
import { Box } from '@mui/material'
import { useDesk } from '../store/useDesk.ts'
import { londonToday } from './followUpDays.ts'

export function FollowUpDueMark({ incidentId }: { incidentId: number }) {
  const due = useDesk((s) =>
    s.followUps.some((f) => f.incidentId === incidentId && f.dueOn <= londonToday(s.nowMs)),
  )
  if (!due) return null
  return (
    <Box
      component="span"
      sx={{
        order: 4,
        px: 0.5,
        fontSize: '0.8125rem',
        borderRadius: 1,
        fontWeight: 700,
        whiteSpace: 'nowrap',
        bgcolor: 'info.main',
        color: 'info.contrastText',
      }}
    >
      Follow-up due
    </Box>
  )
}

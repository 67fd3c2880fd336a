// The queue row's mark for an incident whose follow-up call is due (or overdue) today.
import { Box } from '@mui/material'
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback'
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
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        px: 0.75,
        borderRadius: 1,
        fontWeight: 700,
        whiteSpace: 'nowrap',
        bgcolor: 'info.main',
        color: 'info.contrastText',
      }}
    >
      <PhoneCallbackIcon fontSize="small" aria-hidden />
      Follow-up due
    </Box>
  )
}

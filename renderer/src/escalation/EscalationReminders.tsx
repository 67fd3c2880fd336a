// The reminder under the top bar for each escalation the controller has not yet acknowledged,
// brought back every few minutes (Settings) until they do. It names the incident and how long
// the escalation has waited, and opens the incident. Set aside, it comes back one interval later.
import { Box, Button, Typography } from '@mui/material'
import CampaignIcon from '@mui/icons-material/Campaign'
import { DEFAULT_REMINDER_MINUTES } from '#shared/escalation.ts'
import { useDesk } from '../store/useDesk.ts'
import { unacknowledged } from '../store/escalationSlice.ts'
import { waitedWords } from './escalationWords.ts'

export function EscalationReminders() {
  const reminders = useDesk((s) => s.reminders)
  const rowsById = useDesk((s) => s.rowsById)
  const nowMs = useDesk((s) => s.nowMs)
  const dismissReminder = useDesk((s) => s.dismissReminder)
  const showEscalatedIncident = useDesk((s) => s.showEscalatedIncident)
  const minutes = useDesk((s) => s.settings?.escalationReminderMinutes ?? DEFAULT_REMINDER_MINUTES)
  if (reminders.size === 0) return null
  // Only while still unacknowledged: one acknowledged a moment ago disappears at once.
  const shown = unacknowledged(rowsById.values()).filter(({ mark }) => reminders.has(mark.id))
  return shown.map(({ row, mark }) => (
    <Box
      // A new key each time it comes back, so it is announced again.
      key={`${mark.id}-${reminders.get(mark.id)}`}
      role="alert"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        flexWrap: 'wrap',
        px: 2,
        py: 1,
        // The error colour of each theme carries its own contrasting text colour.
        bgcolor: 'error.main',
        color: 'error.contrastText',
        borderTop: 1,
        borderColor: 'background.default',
      }}
    >
      <CampaignIcon aria-hidden />
      <Box sx={{ flex: 1, minWidth: 280 }}>
        <Typography sx={{ fontWeight: 700, fontSize: '1.0625rem' }}>
          {row.incidentRef}: escalated {waitedWords(mark.raisedAt, nowMs)}, not yet acknowledged
        </Typography>
        <Typography>Chase the controller, then record who acknowledged it.</Typography>
      </Box>
      <Button
        variant="contained"
        disableElevation
        sx={{
          bgcolor: 'error.contrastText',
          color: 'error.main',
          '&:hover': { bgcolor: 'error.contrastText', textDecoration: 'underline' },
        }}
        onClick={() => {
          dismissReminder(mark.id, Date.now())
          showEscalatedIncident(row.id)
        }}
      >
        Open {row.incidentRef}
      </Button>
      <Button
        variant="outlined"
        color="inherit"
        onClick={() => dismissReminder(mark.id, Date.now())}
      >
        Dismiss for {minutes} min
      </Button>
    </Box>
  ))
}

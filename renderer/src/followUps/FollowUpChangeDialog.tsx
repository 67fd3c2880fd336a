// Scheduling a follow-up call by hand, moving the open one to another day, or cancelling it: each
// with the worker's reason, which is kept with the record.
import { useState, type FormEvent } from 'react'
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material'
import type { FollowUp } from '#shared/followUp.ts'
import { useDesk } from '../store/useDesk.ts'
import { showDay, typedDay } from './followUpDays.ts'

export type FollowUpChange = 'schedule' | 'reschedule' | 'cancel'

const TITLES: Record<FollowUpChange, string> = {
  schedule: 'Schedule a follow-up call',
  reschedule: 'Move the follow-up call',
  cancel: 'Cancel the follow-up call',
}

export function FollowUpChangeDialog({
  change,
  incidentId,
  followUp,
  onClose,
}: {
  change: FollowUpChange
  incidentId: number
  followUp: FollowUp | undefined
  onClose: () => void
}) {
  const scheduleFollowUp = useDesk((s) => s.scheduleFollowUp)
  const cancelFollowUp = useDesk((s) => s.cancelFollowUp)
  const [dayText, setDayText] = useState(followUp ? showDay(followUp.dueOn) : '')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (reason.trim() === '') return setProblem('Give the reason.')
    let error
    if (change === 'cancel') {
      error = await cancelFollowUp({ followUpId: followUp!.id, reason })
    } else {
      const dueOn = typedDay(dayText)
      if (!dueOn) return setProblem('Enter the day as dd/mm/yyyy.')
      error = await scheduleFollowUp({ incidentId, dueOn, reason })
    }
    if (error) setProblem(`Not saved: ${error.message}`)
    else onClose()
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby="follow-up-change-title" maxWidth="xs" fullWidth>
      <form noValidate onSubmit={submit}>
        <DialogTitle id="follow-up-change-title">{TITLES[change]}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          {change !== 'cancel' && (
            <TextField
              label="Due on (dd/mm/yyyy)"
              value={dayText}
              onChange={(e) => setDayText(e.target.value)}
              autoFocus
            />
          )}
          <TextField
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            autoFocus={change === 'cancel'}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
          {problem && <Alert severity="error">{problem}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Close</Button>
          <Button type="submit" variant="contained">
            {change === 'cancel' ? 'Cancel the follow-up' : 'Save the day'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}

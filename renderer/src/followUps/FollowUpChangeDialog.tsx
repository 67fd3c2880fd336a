// Scheduling a follow-up call by hand, moving the open one to another day, or cancelling it: each
// with the worker's reason, which is kept with the record.
import { useState } from 'react'
import { TextField } from '@mui/material'
import type { FollowUp } from '#shared/followUp.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
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
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    if (reason.trim() === '') return setProblem('Give the reason.')
    if (change === 'cancel') {
      void record(() => cancelFollowUp({ followUpId: followUp!.id, reason }), onClose, 'Not saved.')
      return
    }
    const dueOn = typedDay(dayText)
    if (!dueOn) return setProblem('Enter the day as dd/mm/yyyy.')
    void record(() => scheduleFollowUp({ incidentId, dueOn, reason }), onClose, 'Not saved.')
  }

  return (
    <FormDialog
      titleId="follow-up-change-title"
      title={TITLES[change]}
      submitLabel={change === 'cancel' ? 'Cancel the follow-up' : 'Save the day'}
      cancelLabel="Close"
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="xs"
    >
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
    </FormDialog>
  )
}

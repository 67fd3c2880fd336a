// "Task support car" from an incident: why the car should go (what the crew needs to know) and
// how soon — urgent, high or routine — which, with the grade and the wait, sets its place on the
// car's list.
import { useState } from 'react'
import { TextField } from '@mui/material'
import {
  TASKING_PRIORITIES,
  TASKING_PRIORITY_LABELS,
  type TaskingPriority,
} from '#shared/supportCar.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { RadioChoice } from '../app/RadioChoice.tsx'
import { useDesk } from '../store/useDesk.ts'

export function TaskCarDialog({
  incidentId,
  incidentRef,
  onClose,
}: {
  incidentId: number
  incidentRef: string
  onClose: () => void
}) {
  const taskSupportCar = useDesk((s) => s.taskSupportCar)
  const [reason, setReason] = useState('')
  const [priority, setPriority] = useState<TaskingPriority | null>(null)
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    if (!reason.trim()) return setProblem('Say why the car should attend.')
    if (!priority) return setProblem('Choose how soon: urgent, high or routine.')
    void record(
      () => taskSupportCar({ incidentId, reason: reason.trim(), priority }),
      onClose,
      'Not tasked.',
    )
  }

  return (
    <FormDialog
      titleId="task-car-title"
      title={`Task support car to ${incidentRef}`}
      submitLabel="Task support car"
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label="Reason for the visit"
        helperText="What the crew should know: why a second response, who to ask for."
        value={reason}
        onChange={(e) => {
          setReason(e.target.value)
          setProblem(null)
        }}
        multiline
        minRows={2}
        autoFocus
        required
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <RadioChoice
        id="task-car-priority"
        label="Priority"
        options={TASKING_PRIORITIES}
        labels={TASKING_PRIORITY_LABELS}
        value={priority}
        onChange={(p) => {
          setPriority(p)
          setProblem(null)
        }}
        row
      />
    </FormDialog>
  )
}

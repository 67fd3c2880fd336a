// Standing the car down from a tasking, with why (arrested, victim elsewhere, no longer wanted).
import { useState } from 'react'
import { TextField } from '@mui/material'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { useDesk } from '../store/useDesk.ts'

export function StandDownDialog({
  taskingId,
  incidentRef,
  onClose,
}: {
  taskingId: number
  incidentRef: string
  onClose: () => void
}) {
  const standDownTasking = useDesk((s) => s.standDownTasking)
  const [reason, setReason] = useState('')
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    if (!reason.trim()) return setProblem('Say why the car is stood down.')
    void record(
      () => standDownTasking({ taskingId, reason: reason.trim() }),
      onClose,
      'Not stood down.',
    )
  }

  return (
    <FormDialog
      titleId="stand-down-title"
      title={`Stand the support car down from ${incidentRef}`}
      submitLabel="Stand down"
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label="Why it is stood down"
        value={reason}
        onChange={(e) => {
          setReason(e.target.value)
          setProblem(null)
        }}
        autoFocus
        required
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  )
}

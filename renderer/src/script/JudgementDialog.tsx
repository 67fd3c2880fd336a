// "Professional judgement": the worker says whether they judge the victim high risk whatever the
// count, and why. It is recorded with their name and the time.
import { useState } from 'react'
import {
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { useDesk } from '../store/useDesk.ts'

export function JudgementDialog({
  incidentId,
  onClose,
}: {
  incidentId: number
  onClose: () => void
}) {
  const judgeRisk = useDesk((s) => s.judgeRisk)
  const [high, setHigh] = useState<boolean | null>(null)
  const [reason, setReason] = useState('')
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    if (high === null) return setProblem('Choose whether you judge the victim high risk.')
    if (reason.trim() === '') return setProblem('Give the reason for your judgement.')
    void record(() => judgeRisk({ incidentId, high, reason: reason.trim() }), onClose)
  }

  return (
    <FormDialog
      titleId="judgement-title"
      title="Professional judgement"
      submitLabel="Record judgement"
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="xs"
    >
      <FormControl required>
        <FormLabel id="judgement-high-label">Do you judge the victim high risk?</FormLabel>
        <RadioGroup
          row
          aria-labelledby="judgement-high-label"
          value={high === null ? '' : high ? 'yes' : 'no'}
          onChange={(e) => setHigh(e.target.value === 'yes')}
        >
          <FormControlLabel value="yes" control={<Radio autoFocus />} label="Yes, high risk" />
          <FormControlLabel value="no" control={<Radio />} label="No" />
        </RadioGroup>
      </FormControl>
      <TextField
        label="Reason"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        multiline
        minRows={3}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
    </FormDialog>
  )
}

// Dismissing the app's suggestion: the worker says why (required). The rules it names then stay
// quiet on this incident; a rule that fires later for another reason still lights the button.
import { useState } from 'react'
import { Box, TextField, Typography } from '@mui/material'
import type { EscalationAdvice } from '#shared/escalation.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { useDesk } from '../store/useDesk.ts'

const REASON_MAX = 500

interface Props {
  incidentId: number
  advice: EscalationAdvice
  onClose: () => void
}

export function DismissSuggestionDialog({ incidentId, advice, onClose }: Props) {
  const dismissSuggestion = useDesk((s) => s.dismissSuggestion)
  const [reason, setReason] = useState('')
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    if (reason.trim() === '') {
      setProblem('Give the reason for dismissing it.')
      document.getElementById('dismiss-reason')?.focus()
      return
    }
    void record(
      () =>
        dismissSuggestion({
          incidentId,
          ruleIds: advice.suggestions.map((s) => s.ruleId),
          reason: reason.trim(),
        }),
      onClose,
      'Not dismissed.',
    )
  }

  return (
    <FormDialog
      titleId="dismiss-title"
      title="Dismiss the suggestion"
      submitLabel="Dismiss suggestion"
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography>DA Desk suggested escalating because of:</Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {advice.suggestions.map((s) => (
          <li key={s.ruleId}>{s.text}</li>
        ))}
      </Box>
      <Typography color="text.secondary">
        These will not be suggested again on this incident. Your reason is recorded.
      </Typography>
      <TextField
        id="dismiss-reason"
        label="Why it does not need escalating"
        required
        autoFocus
        value={reason}
        onChange={(e) => {
          setReason(e.target.value)
          setProblem(null)
        }}
        multiline
        minRows={2}
        helperText="e.g. Officers already on scene"
        slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
      />
    </FormDialog>
  )
}

// Dismissing an earlier incident as a false match: not the same place, or not the same person.
// The reason is required; the dismissal is final and the repeat-call rules stop counting it.
import { useState } from 'react'
import { TextField, Typography } from '@mui/material'
import { DISMISS_LABELS, type RepeatKind, type RepeatMatch } from '#shared/repeats.ts'
import { formatDateTime } from '#shared/time.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { useDesk } from '../store/useDesk.ts'

const REASON_MAX = 500

interface Props {
  incidentId: number
  match: RepeatMatch
  kind: RepeatKind
  onClose: () => void
}

export function DismissMatchDialog({ incidentId, match, kind, onClose }: Props) {
  const dismissRepeat = useDesk((s) => s.dismissRepeat)
  const [reason, setReason] = useState('')
  const { problem, setProblem, busy, record } = useFormSubmit()
  const what = kind === 'address' ? 'place' : 'person'

  function submit() {
    if (reason.trim() === '') {
      setProblem(`Say why it is not the same ${what}.`)
      document.getElementById('repeat-dismiss-reason')?.focus()
      return
    }
    void record(
      () => dismissRepeat({ incidentId, earlierId: match.incidentId, kind, reason: reason.trim() }),
      onClose,
    )
  }

  return (
    <FormDialog
      titleId="repeat-dismiss-title"
      title={`${DISMISS_LABELS[kind]}: ${match.incidentRef}`}
      submitLabel={DISMISS_LABELS[kind]}
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
    >
      <Typography>
        {match.incidentRef}, received {formatDateTime(match.receivedAt)}, matched this incident by{' '}
        {kind === 'address' ? 'its address' : 'the victim’s phone or name and date of birth'}.
      </Typography>
      <Typography color="text.secondary">
        It will no longer count as a repeat{' '}
        {kind === 'address' ? 'at this address' : 'for this victim'} or towards the escalation
        suggestion. This cannot be undone; your name and reason are recorded.
      </Typography>
      <TextField
        id="repeat-dismiss-reason"
        label={`Why it is not the same ${what}`}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value)
          setProblem(null)
        }}
        multiline
        minRows={2}
        required
        autoFocus
        helperText={
          kind === 'address'
            ? 'e.g. Flat 3, not Flat 8: the feed dropped the flat number'
            : 'e.g. Same name, but a different date of birth on the police record'
        }
        slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
      />
    </FormDialog>
  )
}

// Moving a Clare's Law application on: only the moves the scheme allows from where it is are
// offered; once police have decided, whether the victim accepted ongoing support, and for a
// disclosure whether an IDVA was present (either can be recorded later on its own).
import { useState } from 'react'
import {
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material'
import {
  CLARES_LAW_ROUTE_LABELS,
  CLARES_LAW_STATUS_LABELS,
  NEXT_STATUSES,
  SUPPORT_ANSWER_LABELS,
  SUPPORT_ANSWERS,
  decided,
  type ClaresLawApplication,
  type ClaresLawStatus,
  type SupportAnswer,
} from '#shared/claresLaw.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { RadioChoice } from '../app/RadioChoice.tsx'
import { useDesk } from '../store/useDesk.ts'

const NOT_YET = 'not-recorded'

export function UpdateClaresLawDialog({
  application,
  onClose,
}: {
  application: ClaresLawApplication
  onClose: () => void
}) {
  const updateClaresLaw = useDesk((s) => s.updateClaresLaw)
  const choices = NEXT_STATUSES[application.status]
  const [status, setStatus] = useState<ClaresLawStatus | null>(
    choices.length === 1 ? choices[0]! : null,
  )
  const [support, setSupport] = useState<SupportAnswer | typeof NOT_YET>(NOT_YET)
  const [idva, setIdva] = useState<'yes' | 'no' | typeof NOT_YET>(NOT_YET)
  const [note, setNote] = useState('')
  const { problem, setProblem, busy, record } = useFormSubmit()
  const title = `${CLARES_LAW_ROUTE_LABELS[application.route]}: ${CLARES_LAW_STATUS_LABELS[application.status].toLowerCase()}`

  function submit() {
    if (!status) return setProblem('Choose the new status.')
    void record(
      () =>
        updateClaresLaw({
          applicationId: application.id,
          status,
          supportAccepted: decided(status) && support !== NOT_YET ? support : null,
          idvaPresent: status === 'disclosure-given' && idva !== NOT_YET ? idva === 'yes' : null,
          note: note.trim() || null,
        }),
      onClose,
    )
  }

  return (
    <FormDialog
      titleId="clares-update-title"
      title={title}
      submitLabel={'Record'}
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
    >
      <RadioChoice
        id="clares-status"
        label={decided(application.status) ? 'Status (stays as it is)' : 'New status'}
        options={choices}
        labels={CLARES_LAW_STATUS_LABELS}
        value={status}
        onChange={(s) => {
          setStatus(s)
          setProblem(null)
        }}
        autoFocus
      />
      {status && decided(status) && (
        <FormControl>
          <FormLabel id="clares-support">Did the victim accept ongoing support?</FormLabel>
          <RadioGroup
            row
            aria-labelledby="clares-support"
            value={support}
            onChange={(e) => setSupport(e.target.value as SupportAnswer | typeof NOT_YET)}
          >
            {SUPPORT_ANSWERS.map((a) => (
              <FormControlLabel
                key={a}
                value={a}
                control={<Radio />}
                label={SUPPORT_ANSWER_LABELS[a]}
              />
            ))}
            <FormControlLabel value={NOT_YET} control={<Radio />} label="Not known yet" />
          </RadioGroup>
        </FormControl>
      )}
      {status === 'disclosure-given' && (
        <FormControl>
          <FormLabel id="clares-idva">Was an IDVA present at the disclosure?</FormLabel>
          <RadioGroup
            row
            aria-labelledby="clares-idva"
            value={idva}
            onChange={(e) => setIdva(e.target.value as 'yes' | 'no' | typeof NOT_YET)}
          >
            <FormControlLabel value="yes" control={<Radio />} label="Yes" />
            <FormControlLabel value="no" control={<Radio />} label="No" />
            <FormControlLabel value={NOT_YET} control={<Radio />} label="Not known yet" />
          </RadioGroup>
        </FormControl>
      )}
      <TextField
        label="Note (optional)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
    </FormDialog>
  )
}

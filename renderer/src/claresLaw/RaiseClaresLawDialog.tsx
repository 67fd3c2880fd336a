// Recording a Clare's Law application made from this incident: right to ask or right to know,
// who made it and on what date (today unless changed).
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
  CLARES_LAW_APPLICANT_LABELS,
  CLARES_LAW_APPLICANTS,
  CLARES_LAW_ROUTE_LABELS,
  CLARES_LAW_ROUTES,
  type ClaresLawApplicant,
  type ClaresLawRoute,
} from '#shared/claresLaw.ts'
import { londonDate } from '#shared/time.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { useDesk } from '../store/useDesk.ts'

/** Today in London as YYYY-MM-DD, for the date field. */
function today(nowMs: number): string {
  const { year, month, day } = londonDate(new Date(nowMs).toISOString())
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function RaiseClaresLawDialog({
  incidentId,
  onClose,
}: {
  incidentId: number
  onClose: () => void
}) {
  const raiseClaresLaw = useDesk((s) => s.raiseClaresLaw)
  const nowMs = useDesk((s) => s.nowMs)
  const [route, setRoute] = useState<ClaresLawRoute | null>(null)
  const [raisedBy, setRaisedBy] = useState<ClaresLawApplicant | null>(null)
  const [raisedOn, setRaisedOn] = useState(() => today(nowMs))
  const [note, setNote] = useState('')
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    if (!route) return setProblem('Choose right to ask or right to know.')
    if (!raisedBy) return setProblem('Choose who made the application.')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raisedOn)) return setProblem('Give the date it was made.')
    void record(
      () =>
        raiseClaresLaw({
          incidentId,
          route,
          raisedBy,
          raisedOn,
          note: note.trim() || null,
        }),
      onClose,
    )
  }

  return (
    <FormDialog
      titleId="clares-raise-title"
      title={'Record a Clare’s Law application'}
      submitLabel={'Record application'}
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormControl>
        <FormLabel id="clares-route">Route</FormLabel>
        <RadioGroup
          row
          aria-labelledby="clares-route"
          value={route ?? ''}
          onChange={(e) => {
            setRoute(e.target.value as ClaresLawRoute)
            setProblem(null)
          }}
        >
          {CLARES_LAW_ROUTES.map((r, i) => (
            <FormControlLabel
              key={r}
              value={r}
              control={<Radio autoFocus={i === 0} />}
              label={CLARES_LAW_ROUTE_LABELS[r]}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControl>
        <FormLabel id="clares-applicant">Made by</FormLabel>
        <RadioGroup
          row
          aria-labelledby="clares-applicant"
          value={raisedBy ?? ''}
          onChange={(e) => {
            setRaisedBy(e.target.value as ClaresLawApplicant)
            setProblem(null)
          }}
        >
          {CLARES_LAW_APPLICANTS.map((a) => (
            <FormControlLabel
              key={a}
              value={a}
              control={<Radio />}
              label={CLARES_LAW_APPLICANT_LABELS[a]}
            />
          ))}
        </RadioGroup>
      </FormControl>
      <TextField
        label="Date made"
        type="date"
        value={raisedOn}
        onChange={(e) => setRaisedOn(e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(nowMs) } }}
        sx={{ maxWidth: 220 }}
      />
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

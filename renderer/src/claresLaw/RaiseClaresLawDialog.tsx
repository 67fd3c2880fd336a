// Recording a Clare's Law application made from this incident: right to ask or right to know,
// who made it and on what date (today unless changed).
import { useState } from 'react'
import { TextField } from '@mui/material'
import {
  CLARES_LAW_APPLICANT_LABELS,
  CLARES_LAW_APPLICANTS,
  CLARES_LAW_ROUTE_LABELS,
  CLARES_LAW_ROUTES,
  type ClaresLawApplicant,
  type ClaresLawRoute,
} from '#shared/claresLaw.ts'
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
import { RadioChoice } from '../app/RadioChoice.tsx'
import { londonToday, showDay, typedDay } from '../followUps/followUpDays.ts'
import { useDesk } from '../store/useDesk.ts'

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
  // Typed as dd/mm/yyyy, like every day in DA Desk (a browser's date picker shows its own
  // locale's order, which on a US-set machine would be mm/dd).
  const [dayTyped, setDayTyped] = useState(() => showDay(londonToday(nowMs)))
  const [note, setNote] = useState('')
  const { problem, setProblem, busy, record } = useFormSubmit()

  function submit() {
    if (!route) return setProblem('Choose right to ask or right to know.')
    if (!raisedBy) return setProblem('Choose who made the application.')
    const raisedOn = typedDay(dayTyped)
    if (!raisedOn) return setProblem('Give the date it was made as dd/mm/yyyy.')
    if (raisedOn > londonToday(nowMs))
      return setProblem('The date it was made cannot be after today.')
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
      <RadioChoice
        id="clares-route"
        label="Route"
        options={CLARES_LAW_ROUTES}
        labels={CLARES_LAW_ROUTE_LABELS}
        value={route}
        onChange={(r) => {
          setRoute(r)
          setProblem(null)
        }}
        row
        autoFocus
      />
      <RadioChoice
        id="clares-applicant"
        label="Made by"
        options={CLARES_LAW_APPLICANTS}
        labels={CLARES_LAW_APPLICANT_LABELS}
        value={raisedBy}
        onChange={(a) => {
          setRaisedBy(a)
          setProblem(null)
        }}
        row
      />
      <TextField
        label="Date made (dd/mm/yyyy)"
        value={dayTyped}
        onChange={(e) => {
          setDayTyped(e.target.value)
          setProblem(null)
        }}
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

// Recording a Clare's Law application made from this incident: right to ask or right to know,
// who made it and on what date (today unless changed).
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
import { Shortcut } from '../app/Shortcut.tsx'
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
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    if (!route) return setProblem('Choose right to ask or right to know.')
    if (!raisedBy) return setProblem('Choose who made the application.')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raisedOn)) return setProblem('Give the date it was made.')
    setBusy(true)
    const error = await raiseClaresLaw({
      incidentId,
      route,
      raisedBy,
      raisedOn,
      note: note.trim() || null,
    })
    setBusy(false)
    if (error) setProblem(`Not recorded. ${error.message}`)
    else onClose()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="clares-raise-title">
      <DialogTitle id="clares-raise-title">Record a Clare’s Law application</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
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
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            aria-keyshortcuts="Control+Enter"
          >
            Record application
            <Shortcut keys="Ctrl+Enter" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}

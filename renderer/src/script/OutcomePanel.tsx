// The close step: how the contact ended. The worker ticks one or more outcomes (e.g. safety plan
// agreed and moved to safety), adds a note if they want, and records them; each is kept.
import { useState, type FormEvent } from 'react'
import {
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  TextField,
  Typography,
} from '@mui/material'
import {
  CONTACT_OUTCOME_LABELS,
  CONTACT_OUTCOMES,
  type ContactOutcome,
  type OutcomeRecord,
} from '#shared/script.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { useDesk } from '../store/useDesk.ts'

export function OutcomePanel({
  incidentId,
  outcomes,
}: {
  incidentId: number
  outcomes: readonly OutcomeRecord[]
}) {
  const recordOutcome = useDesk((s) => s.recordOutcome)
  const nowMs = useDesk((s) => s.nowMs)
  const [chosen, setChosen] = useState<ContactOutcome[]>([])
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (chosen.length === 0) return setProblem('Tick at least one outcome.')
    setBusy(true)
    setProblem(null)
    const text = note.trim() === '' ? null : note.trim()
    const left: ContactOutcome[] = []
    for (const outcome of chosen) {
      const error = await recordOutcome({ incidentId, outcome, note: text })
      if (error) {
        left.push(outcome)
        setProblem(`Not recorded: ${error.message}`)
      }
    }
    setBusy(false)
    setChosen(left)
    if (left.length === 0) setNote('')
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {outcomes.length > 0 && (
        <Box>
          <Typography sx={{ fontWeight: 700 }}>Recorded</Typography>
          <Box component="ul" aria-label="Outcomes recorded" sx={{ m: 0, pl: 2.5 }}>
            {outcomes.map((o) => (
              <li key={o.id}>
                <Typography>
                  {CONTACT_OUTCOME_LABELS[o.outcome]}
                  {o.note ? ` — ${o.note}` : ''}{' '}
                  <Box component="span" sx={{ color: 'text.secondary' }}>
                    · {formatWhen(o.at, nowMs)} by {o.by}
                  </Box>
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 1.5 }}>
        <FormControl component="fieldset" error={problem !== null}>
          <FormLabel component="legend">Outcome of the contact</FormLabel>
          <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}>
            {CONTACT_OUTCOMES.map((outcome) => (
              <FormControlLabel
                key={outcome}
                control={
                  <Checkbox
                    checked={chosen.includes(outcome)}
                    onChange={(e) => {
                      setProblem(null)
                      setChosen((c) =>
                        e.target.checked ? [...c, outcome] : c.filter((o) => o !== outcome),
                      )
                    }}
                  />
                }
                label={CONTACT_OUTCOME_LABELS[outcome]}
              />
            ))}
          </FormGroup>
        </FormControl>
        <TextField
          label="Note (optional)"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={2}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        {problem && (
          <Typography role="alert" color="error" sx={{ fontWeight: 700 }}>
            {problem}
          </Typography>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            Record outcome
          </Button>
        </Box>
      </Box>
    </Box>
  )
}

// Closing an escalation with its outcome: upgraded (to which grade), not upgraded (why), already
// attended, or withdrawn by the worker (why). Before the controller has acknowledged it, only a
// withdrawal can be recorded (the Node side refuses anything else too). Ctrl+Enter records it.
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
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material'
import type { Grade } from '#shared/domain.ts'
import {
  ESCALATION_OUTCOME_LABELS,
  ESCALATION_OUTCOMES,
  type Escalation,
  type EscalationOutcome,
} from '#shared/escalation.ts'
import { Shortcut } from '../app/Shortcut.tsx'
import { gradeLabel } from '../queue/GradeChip.tsx'
import { useDesk } from '../store/useDesk.ts'
import { gradesAbove } from './escalationWords.ts'

const REASON_MAX = 2000
const NEEDS_REASON: readonly EscalationOutcome[] = ['not-upgraded', 'withdrawn']

interface Props {
  escalation: Escalation
  onClose: () => void
}

export function EscalationOutcomeDialog({ escalation, onClose }: Props) {
  const recordEscalationOutcome = useDesk((s) => s.recordEscalationOutcome)
  const withdrawOnly = escalation.acknowledgement === null
  const offered = gradesAbove(escalation.currentGrade)
  const [outcome, setOutcome] = useState<EscalationOutcome | null>(
    withdrawOnly ? 'withdrawn' : null,
  )
  const [grade, setGrade] = useState<Grade>(
    escalation.linkedRegrade?.to ?? escalation.recommendedGrade,
  )
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const needsReason = outcome !== null && NEEDS_REASON.includes(outcome)

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    if (outcome === null) {
      setProblem('Choose the outcome.')
      document.getElementById('outcome-first')?.focus()
      return
    }
    if (needsReason && reason.trim() === '') {
      setProblem(
        outcome === 'withdrawn'
          ? 'Say why you are withdrawing it.'
          : 'Give the controller’s reason.',
      )
      document.getElementById('outcome-reason')?.focus()
      return
    }
    setBusy(true)
    const error = await recordEscalationOutcome({
      escalationId: escalation.id,
      outcome,
      grade: outcome === 'upgraded' ? grade : null,
      reason: needsReason ? reason.trim() : null,
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

  const title = withdrawOnly ? 'Withdraw the escalation' : 'Record the outcome'
  return (
    <Dialog
      open
      onClose={() => {
        if (reason.trim() === '') onClose()
      }}
      maxWidth="sm"
      fullWidth
      aria-labelledby="outcome-title"
    >
      <DialogTitle id="outcome-title">
        {title} — {escalation.incidentRef}
      </DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers sx={{ display: 'grid', gap: 2.5 }}>
          {withdrawOnly && (
            <Alert severity="info" role="note">
              The controller has not acknowledged it yet, so it can only be withdrawn. Once they
              acknowledge it, record that first; then the outcome.
            </Alert>
          )}
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          {!withdrawOnly && (
            <FormControl required>
              <FormLabel id="outcome-label">Outcome</FormLabel>
              <RadioGroup
                aria-labelledby="outcome-label"
                value={outcome ?? ''}
                onChange={(e) => {
                  setOutcome(e.target.value as EscalationOutcome)
                  setProblem(null)
                }}
              >
                {ESCALATION_OUTCOMES.map((value, index) => (
                  <FormControlLabel
                    key={value}
                    value={value}
                    control={
                      <Radio
                        id={index === 0 ? 'outcome-first' : undefined}
                        autoFocus={index === 0}
                      />
                    }
                    label={ESCALATION_OUTCOME_LABELS[value]}
                  />
                ))}
              </RadioGroup>
            </FormControl>
          )}
          {outcome === 'upgraded' && (
            <FormControl required>
              <FormLabel id="outcome-grade-label">Upgraded to</FormLabel>
              <RadioGroup
                row
                aria-labelledby="outcome-grade-label"
                value={String(grade)}
                onChange={(e) => setGrade(Number(e.target.value) as Grade)}
              >
                {offered.map((g) => (
                  <FormControlLabel
                    key={g}
                    value={String(g)}
                    control={<Radio />}
                    label={gradeLabel(g)}
                  />
                ))}
              </RadioGroup>
              {escalation.linkedRegrade && (
                <FormHelperText>
                  The feed regraded it to G{escalation.linkedRegrade.to}.
                </FormHelperText>
              )}
            </FormControl>
          )}
          {needsReason && (
            <TextField
              id="outcome-reason"
              label={
                outcome === 'withdrawn' ? 'Why you are withdrawing it' : 'The controller’s reason'
              }
              required
              autoFocus={withdrawOnly}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value)
                setProblem(null)
              }}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
            />
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            aria-keyshortcuts="Control+Enter"
          >
            {withdrawOnly ? 'Withdraw' : 'Record outcome'}
            <Shortcut keys="Ctrl+Enter" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}

// Closing an escalation with its outcome: upgraded (to which grade), not upgraded (why), already
// attended, or withdrawn by the worker (why). Before the controller has acknowledged it, only a
// withdrawal can be recorded (the Node side refuses anything else too). Ctrl+Enter records it.
import { useState } from 'react'
import {
  Alert,
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
import { FormDialog, useFormSubmit } from '../app/FormDialog.tsx'
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
  const { problem, setProblem, busy, record } = useFormSubmit()
  const needsReason = outcome !== null && NEEDS_REASON.includes(outcome)

  function submit() {
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
    void record(
      () =>
        recordEscalationOutcome({
          escalationId: escalation.id,
          outcome,
          grade: outcome === 'upgraded' ? grade : null,
          reason: needsReason ? reason.trim() : null,
        }),
      onClose,
    )
  }

  const title = withdrawOnly ? 'Withdraw the escalation' : 'Record the outcome'
  return (
    <FormDialog
      titleId="outcome-title"
      title={`${title} — ${escalation.incidentRef}`}
      submitLabel={withdrawOnly ? 'Withdraw' : 'Record outcome'}
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
      onDismiss={() => {
        if (reason.trim() === '') onClose()
      }}
    >
      {withdrawOnly && (
        <Alert severity="info" role="note">
          The controller has not acknowledged it yet, so it can only be withdrawn. Once they
          acknowledge it, record that first; then the outcome.
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
                  <Radio id={index === 0 ? 'outcome-first' : undefined} autoFocus={index === 0} />
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
            <FormHelperText>The feed regraded it to G{escalation.linkedRegrade.to}.</FormHelperText>
          )}
        </FormControl>
      )}
      {needsReason && (
        <TextField
          id="outcome-reason"
          label={outcome === 'withdrawn' ? 'Why you are withdrawing it' : 'The controller’s reason'}
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
    </FormDialog>
  )
}

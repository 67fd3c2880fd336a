// The follow-up call on an incident with an open follow-up: the follow-up script step by step
// (the same question fields and referrals as the safe-contact script, its answers kept against
// the follow-up), what police have recorded for the update on the case, and the call's outcome.
import { useState, type FormEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material'
import type { IncidentDetail } from '#shared/domain.ts'
import {
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_OUTCOMES,
  TRY_AGAIN_OUTCOMES,
  type FollowUp,
  type FollowUpOutcome,
} from '#shared/followUp.ts'
import { formatDateTime } from '#shared/time.ts'
import { QuestionField } from '../script/QuestionField.tsx'
import { ReferralsPanel } from '../script/ReferralsPanel.tsx'
import { POLICE_STATUS_LABELS, labelFor } from '../incident/fieldLabels.ts'
import { useDesk } from '../store/useDesk.ts'
import { londonToday, showDay, typedDay } from './followUpDays.ts'
import { FollowUpChangeDialog, type FollowUpChange } from './FollowUpChangeDialog.tsx'

function OutcomeForm({ followUp }: { followUp: FollowUp }) {
  const recordCall = useDesk((s) => s.recordFollowUpCall)
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null)
  const [dayText, setDayText] = useState('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const tryAgain = outcome !== null && TRY_AGAIN_OUTCOMES.includes(outcome)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!outcome) return setProblem('Choose how the call went.')
    const day = tryAgain ? typedDay(dayText) : null
    if (tryAgain && !day) return setProblem('Enter the day to try again as dd/mm/yyyy.')
    const error = await recordCall({
      followUpId: followUp.id,
      outcome,
      tryAgainOn: day,
      note: note.trim() === '' ? null : note.trim(),
    })
    setProblem(error ? `Not recorded: ${error.message}` : null)
    if (!error) {
      setOutcome(null)
      setDayText('')
      setNote('')
    }
  }

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 1.5 }}>
      <FormControl>
        <FormLabel id="follow-up-outcome-label">How did the follow-up call go?</FormLabel>
        <RadioGroup
          aria-labelledby="follow-up-outcome-label"
          value={outcome ?? ''}
          onChange={(e) => setOutcome(e.target.value as FollowUpOutcome)}
        >
          {FOLLOW_UP_OUTCOMES.map((o) => (
            <FormControlLabel
              key={o}
              value={o}
              control={<Radio />}
              label={FOLLOW_UP_OUTCOME_LABELS[o]}
            />
          ))}
        </RadioGroup>
      </FormControl>
      {tryAgain && (
        <TextField
          label="Try again on (dd/mm/yyyy)"
          value={dayText}
          onChange={(e) => setDayText(e.target.value)}
          sx={{ maxWidth: 260 }}
        />
      )}
      <TextField
        label="Note (optional)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
      {problem && <Alert severity="error">{problem}</Alert>}
      <Box>
        <Button type="submit" variant="contained">
          Record the follow-up call
        </Button>
      </Box>
    </Box>
  )
}

function CaseUpdate({ detail }: { detail: IncidentDetail }) {
  const latest = detail.history.slice(-3).reverse()
  return (
    <Box
      sx={{ display: 'grid', gap: 0.5, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Typography sx={{ fontWeight: 600 }}>
        What police have recorded: {labelFor(POLICE_STATUS_LABELS, detail.row.status)}
      </Typography>
      {latest.map((h) => (
        <Typography key={h.id} variant="body2">
          {formatDateTime(h.at)} —{' '}
          {h.kind === 'arrival'
            ? 'incident received'
            : `${h.field}: ${h.from ?? '—'} → ${h.to ?? '—'}`}
        </Typography>
      ))}
    </Box>
  )
}

export function FollowUpPanel({ detail }: { detail: IncidentDetail }) {
  const followUp = useDesk((s) => s.followUps.find((f) => f.incidentId === detail.row.id))
  const script = useDesk((s) => s.followUpScript)
  const answerFollowUp = useDesk((s) => s.answerFollowUp)
  const nowMs = useDesk((s) => s.nowMs)
  const [stepId, setStepId] = useState<string | null>(null)
  const [change, setChange] = useState<FollowUpChange | null>(null)
  const changeDialog = change && (
    <FollowUpChangeDialog
      change={change}
      incidentId={detail.row.id}
      followUp={followUp}
      onClose={() => setChange(null)}
    />
  )
  if (!script) return null
  if (!followUp) {
    return (
      <Box>
        <Button size="small" variant="text" onClick={() => setChange('schedule')}>
          Schedule a follow-up call…
        </Button>
        {changeDialog}
      </Box>
    )
  }
  const step = script.steps.find((s) => s.id === (stepId ?? script.firstStep))!
  const due = followUp.dueOn <= londonToday(nowMs)
  const latestAnswer = (questionId: string) =>
    followUp.answers.filter((a) => a.questionId === questionId).at(-1)

  return (
    <Box
      component="section"
      aria-labelledby="follow-up-title"
      sx={{ display: 'grid', gap: 2, p: 2, border: 2, borderColor: 'info.main', borderRadius: 1 }}
    >
      <Typography id="follow-up-title" variant="h6" component="h2">
        {due ? 'Follow-up call due' : 'Follow-up call'} — {showDay(followUp.dueOn)}
      </Typography>
      <Typography variant="body2">
        Risk when scheduled: {followUp.riskLevel}. Calls so far: {followUp.calls.length}.
        {followUp.reason && ` Scheduled by hand: ${followUp.reason}`}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button size="small" variant="outlined" onClick={() => setChange('reschedule')}>
          Move to another day…
        </Button>
        <Button size="small" variant="outlined" onClick={() => setChange('cancel')}>
          Cancel the follow-up…
        </Button>
      </Box>
      {changeDialog}
      <Box
        component="nav"
        aria-label="Follow-up steps"
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}
      >
        {script.steps
          .filter((s) => s.role !== 'end-unsafe')
          .map((s) => (
            <Button
              key={s.id}
              size="small"
              variant={s.id === step.id ? 'contained' : 'outlined'}
              aria-current={s.id === step.id ? 'step' : undefined}
              onClick={() => setStepId(s.id)}
            >
              {s.title}
            </Button>
          ))}
      </Box>
      <Typography variant="h6" component="h3">
        {step.title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {step.guidance.map((g) => (
          <li key={g}>
            <Typography>{g}</Typography>
          </li>
        ))}
      </Box>
      {step.id === 'case-update' && <CaseUpdate detail={detail} />}
      {step.questions.map((q) => (
        <QuestionField
          key={q.id}
          incidentId={detail.row.id}
          question={q}
          answer={latestAnswer(q.id)}
          idPrefix="follow-up-question"
          saveAnswer={(questionId, value) => answerFollowUp(followUp.id, questionId, value)}
          onSaved={(value) => {
            const branch = q.branches?.[value]
            if (branch) setStepId(branch)
          }}
        />
      ))}
      {step.role === 'referrals' && (
        <ReferralsPanel incidentId={detail.row.id} referrals={detail.script.referrals} />
      )}
      {(step.role === 'close' || step.role === 'end-unsafe') && <OutcomeForm followUp={followUp} />}
      {step.next && (
        <Box>
          <Button variant="outlined" onClick={() => setStepId(step.next!)}>
            Next: {script.steps.find((s) => s.id === step.next)?.title}
          </Button>
        </Box>
      )}
    </Box>
  )
}

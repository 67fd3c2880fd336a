// The guided safe-contact script in the centre pane, drawn from the script data: the whole path
// as a stepper (current step marked, done ones ticked, a branch shown only once taken), then one
// step at a time — its guidance, its questions (each answer saved as given), and Back / Next. An
// answer with a branch takes it at once (not safe to talk → end the call). The step is saved as the
// worker moves, so an interrupted call resumes where it stopped, after a restart too.
import { useEffect, useMemo, useRef, useState } from 'react'
import { Box, Button, Typography } from '@mui/material'
import ArrowBackIcon from '@mui/icons-material/ArrowBack'
import ArrowForwardIcon from '@mui/icons-material/ArrowForward'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import type { IncidentDetail } from '#shared/domain.ts'
import type { ContactScript, ScriptStep } from '#shared/script.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { useDesk } from '../store/useDesk.ts'
import { JudgementDialog } from './JudgementDialog.tsx'
import { OutcomePanel } from './OutcomePanel.tsx'
import { QuestionField } from './QuestionField.tsx'
import { ReferralsPanel } from './ReferralsPanel.tsx'
import { RiskBar } from './RiskBar.tsx'
import {
  currentStep,
  latestAnswers,
  nextStepId,
  previousStepId,
  shownSteps,
  stepById,
} from './scriptPath.ts'

export function ContactScriptPanel({ detail }: { detail: IncidentDetail }) {
  const script = useDesk((s) => s.script)
  if (!script) {
    return (
      <Typography color="text.secondary" role="status">
        Loading the contact script…
      </Typography>
    )
  }
  const saved = currentStep(script, detail.script)
  if (!saved) return null
  return <ScriptView script={script} detail={detail} saved={saved} />
}

interface ViewProps {
  script: ContactScript
  detail: IncidentDetail
  /** The step saved on the incident (or the start). */
  saved: ScriptStep
}

function ScriptView({ script, detail, saved }: ViewProps) {
  const incidentId = detail.row.id
  const record = detail.script
  const stepShown = useDesk((s) => s.stepShown)
  const setScriptStep = useDesk((s) => s.setScriptStep)
  const [judging, setJudging] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)

  const latest = useMemo(() => latestAnswers(record.answers), [record.answers])
  const step =
    (stepShown?.incidentId === incidentId ? stepById(script, stepShown.stepId) : undefined) ?? saved
  const steps = shownSteps(script, latest, step.id)
  const index = steps.indexOf(step)
  const closeStep = script.steps.find((s) => s.role === 'close')
  // A step with nowhere to go (ending an unsafe call) still leads to recording the outcome.
  const next =
    stepById(script, nextStepId(step, latest)) ?? (step !== closeStep ? closeStep : undefined)
  const backId = previousStepId(script, latest, step.id)
  const referralsStep = script.steps.find((s) => s.role === 'referrals')

  useEffect(() => {
    // Focus follows the worker to the new step (not when the incident opens).
    if (moved.current) headingRef.current?.focus()
  }, [step.id])

  function go(stepId: string) {
    moved.current = true
    void setScriptStep(incidentId, stepId)
  }

  const dashNumbers = new Map(
    step.questions.filter((q) => q.kind === 'dash').map((q, i) => [q.id, i + 1] as const),
  )

  return (
    <Box
      component="section"
      aria-labelledby="script-heading"
      sx={{ display: 'grid', gap: 2, border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Typography id="script-heading" variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {script.title}
      </Typography>

      <Box component="nav" aria-label="Script steps">
        <Box
          component="ol"
          sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 0.75 }}
        >
          {steps.map((s, i) => {
            const current = s === step
            const done = i < index
            const unsafe = s.role === 'end-unsafe'
            return (
              <li key={s.id}>
                <Button
                  size="small"
                  variant={current ? 'contained' : 'outlined'}
                  color={unsafe ? 'error' : 'primary'}
                  aria-current={current ? 'step' : undefined}
                  onClick={() => go(s.id)}
                  startIcon={done ? <CheckCircleIcon aria-hidden /> : undefined}
                  sx={{
                    textTransform: 'none',
                    fontWeight: current ? 700 : 500,
                    color: current ? undefined : done ? 'text.primary' : 'text.secondary',
                  }}
                >
                  {i + 1}. {s.title}
                  {done && <ScreenReaderText> (done)</ScreenReaderText>}
                </Button>
              </li>
            )
          })}
        </Box>
      </Box>

      {step.role !== 'risk' && (
        <RiskBar
          record={record}
          onJudge={() => setJudging(true)}
          onRefer={
            referralsStep && step.role !== 'referrals' ? () => go(referralsStep.id) : undefined
          }
        />
      )}

      <Box role="group" aria-labelledby="script-step-heading" sx={{ display: 'grid', gap: 2.5 }}>
        <Typography
          id="script-step-heading"
          ref={headingRef}
          tabIndex={-1}
          component="h4"
          sx={{ fontSize: '1.375rem', fontWeight: 700, '&:focus': { outline: 'none' } }}
        >
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 500 }}>
            Step {index + 1} of {steps.length}:{' '}
          </Box>
          {step.title}
        </Typography>

        {step.role === 'risk' && (
          <Box sx={{ position: 'sticky', top: 0, zIndex: 1 }}>
            <RiskBar
              record={record}
              onJudge={() => setJudging(true)}
              onRefer={referralsStep ? () => go(referralsStep.id) : undefined}
            />
          </Box>
        )}

        <Guidance step={step} />

        {step.questions.map((question) => (
          <QuestionField
            key={question.id}
            incidentId={incidentId}
            question={question}
            answer={latest.get(question.id)}
            number={dashNumbers.get(question.id)}
            onSaved={(value) => {
              // Not safe to talk: straight to the end-the-call step, not one more question.
              const branch = question.branches?.[value]
              if (branch) go(branch)
            }}
          />
        ))}

        {step.role === 'referrals' && (
          <ReferralsPanel incidentId={incidentId} referrals={record.referrals} />
        )}
        {step.role === 'close' && (
          <OutcomePanel incidentId={incidentId} outcomes={record.outcomes} />
        )}
      </Box>

      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', pt: 1 }}>
        <Button
          variant="outlined"
          size="large"
          startIcon={<ArrowBackIcon aria-hidden />}
          disabled={!backId}
          onClick={() => backId && go(backId)}
        >
          Back
        </Button>
        {next ? (
          <Button
            variant="contained"
            size="large"
            endIcon={<ArrowForwardIcon aria-hidden />}
            onClick={() => go(next.id)}
            sx={{ textTransform: 'none' }}
          >
            Next: {next.title}
          </Button>
        ) : (
          <Typography color="text.secondary">This is the last step.</Typography>
        )}
      </Box>

      <Typography variant="caption" color="text.secondary">
        {script.wordingNote} (version {script.version})
      </Typography>
      {judging && <JudgementDialog incidentId={incidentId} onClose={() => setJudging(false)} />}
    </Box>
  )
}

/** What to say or check. On the end-the-call step it is large, so it is read at a glance. */
function Guidance({ step }: { step: ScriptStep }) {
  if (step.guidance.length === 0) return null
  const urgent = step.role === 'end-unsafe'
  return (
    <Box
      component="ul"
      aria-label="Guidance"
      sx={{
        m: 0,
        pl: urgent ? 0 : 2.5,
        listStyle: urgent ? 'none' : undefined,
        display: 'grid',
        gap: 0.75,
      }}
    >
      {step.guidance.map((line, i) => (
        <Typography
          component="li"
          key={i}
          sx={
            urgent && i === 0
              ? {
                  fontSize: '2rem',
                  fontWeight: 800,
                  color: 'error.main',
                  border: 3,
                  borderColor: 'error.main',
                  borderRadius: 1,
                  p: 1.5,
                }
              : { fontSize: urgent ? '1.25rem' : '1.0625rem' }
          }
        >
          {line}
        </Typography>
      ))}
    </Box>
  )
}

// The escalation on the open incident, straight under its header: the open one's lifecycle —
// raised (when, by whom, why, current → recommended grade), the controller's acknowledgement (or
// the form to record it), a feed regrade linked to it ("record as upgraded?"), the outcome — with
// its C&C log text; then the incident's earlier, closed escalations.
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react'
import { Box, Button, TextField, Typography } from '@mui/material'
import CampaignIcon from '@mui/icons-material/Campaign'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import PendingIcon from '@mui/icons-material/RadioButtonUnchecked'
import type { IncidentDetail } from '#shared/domain.ts'
import { openEscalation, type Escalation } from '#shared/escalation.ts'
import { formatWhen } from '../app/formatWhen.ts'
import { ScreenReaderText } from '../app/ScreenReaderText.tsx'
import { gradeLabel } from '../queue/GradeChip.tsx'
import { useDesk } from '../store/useDesk.ts'
import { CcLog } from './CcLog.tsx'
import { EscalationOutcomeDialog } from './EscalationOutcomeDialog.tsx'
import { outcomeWords, reasonsWords, recommendationWords, waitedWords } from './escalationWords.ts'

export function EscalationPanel({ detail }: { detail: IncidentDetail }) {
  const { escalations } = detail.escalation
  const open = openEscalation(escalations)
  const closed = escalations.filter((e) => e.state === 'closed').reverse()
  const openHeading = useRef<HTMLHeadingElement>(null)
  const closedHeading = useRef<HTMLHeadingElement>(null)
  const step = open ? `${open.id}-${open.state}` : 'none'
  const shownStep = useRef(step)

  useEffect(() => {
    if (shownStep.current === step) return
    shownStep.current = step
    // The control the worker used has gone with the step (the acknowledgement field, the outcome
    // dialog's button): carry on from the panel rather than from the top of the page.
    if (document.activeElement === document.body) {
      ;(openHeading.current ?? closedHeading.current)?.focus()
    }
  }, [step])

  if (!open && closed.length === 0) return null
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {open && <OpenEscalation escalation={open} headingRef={openHeading} />}
      {closed.length > 0 && <ClosedEscalations escalations={closed} headingRef={closedHeading} />}
    </Box>
  )
}

interface OpenProps {
  escalation: Escalation
  headingRef: RefObject<HTMLHeadingElement | null>
}

function OpenEscalation({ escalation: e, headingRef }: OpenProps) {
  const nowMs = useDesk((s) => s.nowMs)
  const recordEscalationOutcome = useDesk((s) => s.recordEscalationOutcome)
  const [closing, setClosing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const waiting = e.acknowledgement === null
  const regrade = e.linkedRegrade

  async function recordUpgrade(to: Escalation['recommendedGrade']) {
    const error = await recordEscalationOutcome({
      escalationId: e.id,
      outcome: 'upgraded',
      grade: to,
      reason: null,
    })
    setProblem(error ? `Not recorded. ${error.message}` : null)
  }

  return (
    <Box
      component="section"
      aria-labelledby="escalation-heading"
      sx={{
        display: 'grid',
        gap: 1.5,
        border: 3,
        borderColor: 'error.main',
        borderRadius: 1,
        overflow: 'hidden',
      }}
    >
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          px: 2,
          py: 1,
          bgcolor: waiting ? 'error.main' : 'transparent',
          color: waiting ? 'error.contrastText' : 'text.primary',
          borderBottom: waiting ? 0 : 1,
          borderColor: 'divider',
        }}
      >
        <CampaignIcon aria-hidden sx={{ color: waiting ? 'inherit' : 'error.main' }} />
        <Typography
          ref={headingRef}
          tabIndex={-1}
          id="escalation-heading"
          component="h3"
          sx={{ fontWeight: 700, fontSize: '1.125rem' }}
        >
          {waiting
            ? `Escalated ${waitedWords(e.raisedAt, nowMs)} — awaiting the controller’s acknowledgement`
            : regrade
              ? 'Escalation acknowledged — the feed has regraded it'
              : 'Escalation acknowledged — waiting for the outcome'}
        </Typography>
      </Box>
      <Box component="ol" sx={{ m: 0, px: 2, pb: 2, listStyle: 'none', display: 'grid', gap: 1.5 }}>
        <Step done label="Raised">
          <Typography>
            {formatWhen(e.raisedAt, nowMs)} by {e.raisedBy} ·{' '}
            <strong>{recommendationWords(e)}</strong>
          </Typography>
          <Typography>Reasons: {reasonsWords(e)}</Typography>
          {e.detail && <Typography sx={{ whiteSpace: 'pre-wrap' }}>“{e.detail}”</Typography>}
          {e.fromSuggestion.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              Raised from DA Desk’s suggestion.
            </Typography>
          )}
        </Step>
        <Step done={!waiting} label="Acknowledged">
          {e.acknowledgement ? (
            <Typography>
              By <strong>{e.acknowledgement.controller}</strong> at{' '}
              {formatWhen(e.acknowledgement.at, nowMs)}
            </Typography>
          ) : (
            <AcknowledgeForm escalationId={e.id} />
          )}
        </Step>
        {regrade && (
          <Step done label="Feed regrade">
            <Typography sx={{ fontWeight: 700 }}>
              Feed regraded to G{regrade.to} at {formatWhen(regrade.at, nowMs)}
              {waiting ? '.' : ' — record as upgraded?'}
            </Typography>
            {waiting ? (
              <Typography>
                Record the controller’s acknowledgement first, then the outcome.
              </Typography>
            ) : (
              <Box>
                <Button variant="contained" onClick={() => void recordUpgrade(regrade.to)}>
                  Record upgraded to {gradeLabel(regrade.to)}
                </Button>
              </Box>
            )}
          </Step>
        )}
        <Step done={false} label="Outcome">
          {problem && (
            <Typography role="alert" sx={{ color: 'error.main', fontWeight: 700 }}>
              {problem}
            </Typography>
          )}
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
            <Button
              variant={waiting || regrade ? 'outlined' : 'contained'}
              onClick={() => setClosing(true)}
            >
              {waiting ? 'Withdraw…' : 'Record outcome…'}
            </Button>
            {waiting && (
              <Typography variant="body2" color="text.secondary">
                The outcome is recorded after the acknowledgement.
              </Typography>
            )}
          </Box>
        </Step>
        <Box component="li">
          <CcLog escalation={e} textShown />
        </Box>
      </Box>
      {closing && <EscalationOutcomeDialog escalation={e} onClose={() => setClosing(false)} />}
    </Box>
  )
}

/** One step of the lifecycle: ticked when done, its words beside. */
function Step({ done, label, children }: { done: boolean; label: string; children: ReactNode }) {
  return (
    <Box component="li" sx={{ display: 'grid', gridTemplateColumns: '150px 1fr', gap: 1.5 }}>
      <Typography sx={{ fontWeight: 700, display: 'flex', alignItems: 'flex-start', gap: 0.75 }}>
        {done ? (
          <CheckCircleIcon fontSize="small" aria-hidden sx={{ mt: 0.25, color: 'success.main' }} />
        ) : (
          <PendingIcon fontSize="small" aria-hidden sx={{ mt: 0.25, color: 'text.secondary' }} />
        )}
        {label}
        {!done && <ScreenReaderText> (to do)</ScreenReaderText>}
      </Typography>
      <Box sx={{ display: 'grid', gap: 0.5, minWidth: 0 }}>{children}</Box>
    </Box>
  )
}

/** The controller's name or collar number, typed and recorded with Enter. */
function AcknowledgeForm({ escalationId }: { escalationId: number }) {
  const acknowledgeEscalation = useDesk((s) => s.acknowledgeEscalation)
  const [controller, setController] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (controller.trim() === '') {
      setProblem('Enter the controller’s name or collar number.')
      return
    }
    setBusy(true)
    const error = await acknowledgeEscalation(escalationId, controller.trim())
    setBusy(false)
    setProblem(error ? `Not recorded. ${error.message}` : null)
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={submit}
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
    >
      <TextField
        label="Controller’s name or collar number"
        size="small"
        value={controller}
        onChange={(event) => {
          setController(event.target.value)
          setProblem(null)
        }}
        error={problem !== null}
        helperText={problem ?? 'Who took it, e.g. PC 4521'}
        slotProps={{
          htmlInput: { maxLength: 100 },
          formHelperText: { role: problem ? 'alert' : undefined },
        }}
        sx={{ flex: 1, minWidth: 220 }}
      />
      <Button type="submit" variant="contained" disabled={busy} sx={{ flexShrink: 0, mt: 0.25 }}>
        Record acknowledgement
      </Button>
    </Box>
  )
}

interface ClosedProps {
  escalations: Escalation[]
  headingRef: RefObject<HTMLHeadingElement | null>
}

function ClosedEscalations({ escalations, headingRef }: ClosedProps) {
  const nowMs = useDesk((s) => s.nowMs)
  return (
    <Box
      component="section"
      aria-labelledby="past-escalations-heading"
      sx={{ display: 'grid', gap: 1 }}
    >
      <Typography
        ref={headingRef}
        tabIndex={-1}
        id="past-escalations-heading"
        component="h3"
        sx={{ fontWeight: 700 }}
      >
        Earlier escalations ({escalations.length})
      </Typography>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
        {escalations.map((e) => (
          <Box
            component="li"
            key={e.id}
            sx={{
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              p: 1.5,
              display: 'grid',
              gap: 0.5,
            }}
          >
            <Typography sx={{ fontWeight: 700 }}>
              {e.outcome ? outcomeWords(e) : 'Closed'}
            </Typography>
            <Typography variant="body2">
              Raised {formatWhen(e.raisedAt, nowMs)} by {e.raisedBy} · {recommendationWords(e)} ·{' '}
              {reasonsWords(e)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {e.acknowledgement
                ? `Acknowledged by ${e.acknowledgement.controller} at ${formatWhen(e.acknowledgement.at, nowMs)}`
                : 'Not acknowledged'}
              {e.outcome &&
                ` · outcome recorded ${formatWhen(e.outcome.at, nowMs)} by ${e.outcome.by}`}
            </Typography>
            <CcLog escalation={e} textShown={false} />
          </Box>
        ))}
      </Box>
    </Box>
  )
}

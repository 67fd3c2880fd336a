// The escalate form: why (one or more reasons, free text required for "Other"), and the grade the
// worker recommends (only grades above the current one; one above by default). Ctrl+Enter raises
// it from anywhere in the form, Enter on the button too. While the app suggests an escalation it
// comes filled in with the suggestion's reasons and grade (and records that it came from it);
// opened with "Escalate from suggestion", the button is focused, so one key raises it. The Node
// side checks everything again; its refusal is shown here.
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material'
import type { Grade, IncidentDetail } from '#shared/domain.ts'
import {
  ESCALATION_REASON_LABELS,
  ESCALATION_REASONS,
  type EscalationAdvice,
  type EscalationReason,
} from '#shared/escalation.ts'
import { gradeLabel } from '../queue/GradeChip.tsx'
import { useDesk } from '../store/useDesk.ts'
import { gradesAbove } from './escalationWords.ts'
import { Shortcut } from '../app/Shortcut.tsx'

const DETAIL_MAX = 2000

interface Problems {
  reasons?: string
  detail?: string
}

interface Props {
  detail: IncidentDetail
  /** The app's suggestion, when there is one. */
  advice: EscalationAdvice | null
  /** Focus the button (escalating from the suggestion) rather than the first reason. */
  focusRaise: boolean
  onClose: () => void
}

export function EscalateDialog({ detail, advice, focusRaise, onClose }: Props) {
  const raiseEscalation = useDesk((s) => s.raiseEscalation)
  const { row } = detail
  const offered = gradesAbove(row.grade)
  const [reasons, setReasons] = useState<EscalationReason[]>(advice?.reasons ?? [])
  const [text, setText] = useState('')
  const [grade, setGrade] = useState<Grade | null>(
    advice && offered.includes(advice.recommendedGrade)
      ? advice.recommendedGrade
      : (offered[0] ?? null),
  )
  const [problems, setProblems] = useState<Problems>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  function toggle(reason: EscalationReason, on: boolean) {
    setReasons((now) =>
      on
        ? ESCALATION_REASONS.filter((r) => r === reason || now.includes(r))
        : now.filter((r) => r !== reason),
    )
    setProblems((p) => ({ ...p, reasons: undefined, detail: undefined }))
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy || grade === null) return
    const found: Problems = {}
    if (reasons.length === 0) found.reasons = 'Tick at least one reason.'
    if (reasons.includes('other') && text.trim() === '') {
      found.detail = 'Say what the other reason is.'
    }
    setProblems(found)
    if (found.reasons || found.detail) {
      setRefusal('Not raised yet: check the fields marked below.')
      document.getElementById(found.reasons ? 'escalate-reason-first' : 'escalate-detail')?.focus()
      return
    }
    setBusy(true)
    const error = await raiseEscalation({
      incidentId: row.id,
      reasons,
      detail: text.trim() === '' ? null : text.trim(),
      recommendedGrade: grade,
      fromSuggestion: advice ? advice.suggestions.map((s) => s.ruleId) : [],
    })
    setBusy(false)
    if (error) setRefusal(`Not raised. ${error.message}`)
    else onClose()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  return (
    <Dialog
      open
      // Words typed are not lost to a stray click or Esc: Cancel discards them.
      onClose={() => {
        if (text.trim() === '') onClose()
      }}
      maxWidth="sm"
      fullWidth
      aria-labelledby="escalate-title"
      aria-describedby="escalate-intro"
    >
      <DialogTitle id="escalate-title">Escalate {row.incidentRef}</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers sx={{ display: 'grid', gap: 2.5 }}>
          <Typography id="escalate-intro">
            Ask the controller for a quicker response than {gradeLabel(row.grade)}. Tell them by
            phone or in person as well; this records it.
          </Typography>
          {advice && (
            <Alert severity="warning" icon={false} role="note">
              Suggested by DA Desk: {advice.summary}.
            </Alert>
          )}
          {refusal && (
            <Alert severity="error" role="alert">
              {refusal}
            </Alert>
          )}
          {grade === null && (
            <Alert severity="info" role="note">
              This incident is already {gradeLabel(row.grade)}: there is no higher grade to
              recommend. Speak to the controller directly.
            </Alert>
          )}
          <FormControl component="fieldset" error={Boolean(problems.reasons)} required>
            <FormLabel component="legend">Reasons</FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}>
              {ESCALATION_REASONS.map((reason, index) => (
                <FormControlLabel
                  key={reason}
                  control={
                    <Checkbox
                      id={index === 0 ? 'escalate-reason-first' : undefined}
                      checked={reasons.includes(reason)}
                      onChange={(e) => toggle(reason, e.target.checked)}
                      autoFocus={!focusRaise && index === 0}
                    />
                  }
                  label={ESCALATION_REASON_LABELS[reason]}
                />
              ))}
            </FormGroup>
            {problems.reasons && <FormHelperText>{problems.reasons}</FormHelperText>}
          </FormControl>
          <TextField
            id="escalate-detail"
            label={
              reasons.includes('other')
                ? 'What you learned (required for Other)'
                : 'What you learned (optional)'
            }
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setProblems((p) => ({ ...p, detail: undefined }))
            }}
            required={reasons.includes('other')}
            error={Boolean(problems.detail)}
            helperText={problems.detail ?? 'In a few words, for the controller and the C&C log.'}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: DETAIL_MAX } }}
          />
          {grade !== null && (
            <FormControl required>
              <FormLabel id="escalate-grade-label">Recommended grade</FormLabel>
              <RadioGroup
                row
                aria-labelledby="escalate-grade-label"
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
            </FormControl>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            color="error"
            disabled={busy || grade === null}
            autoFocus={focusRaise}
            aria-keyshortcuts="Control+Enter"
          >
            Raise escalation
            <Shortcut keys="Ctrl+Enter" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}

// Dismissing the app's suggestion: the worker says why (required). The rules it names then stay
// quiet on this incident; a rule that fires later for another reason still lights the button.
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material'
import type { EscalationAdvice } from '#shared/escalation.ts'
import { Shortcut } from '../app/Shortcut.tsx'
import { useDesk } from '../store/useDesk.ts'

const REASON_MAX = 500

interface Props {
  incidentId: number
  advice: EscalationAdvice
  onClose: () => void
}

export function DismissSuggestionDialog({ incidentId, advice, onClose }: Props) {
  const dismissSuggestion = useDesk((s) => s.dismissSuggestion)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    if (reason.trim() === '') {
      setProblem('Give the reason for dismissing it.')
      document.getElementById('dismiss-reason')?.focus()
      return
    }
    setBusy(true)
    const error = await dismissSuggestion({
      incidentId,
      ruleIds: advice.suggestions.map((s) => s.ruleId),
      reason: reason.trim(),
    })
    setBusy(false)
    if (error) setProblem(`Not dismissed. ${error.message}`)
    else onClose()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="dismiss-title">
      <DialogTitle id="dismiss-title">Dismiss the suggestion</DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
          <Typography>DA Desk suggested escalating because of:</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {advice.suggestions.map((s) => (
              <li key={s.ruleId}>{s.text}</li>
            ))}
          </Box>
          <Typography color="text.secondary">
            These will not be suggested again on this incident. Your reason is recorded.
          </Typography>
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          <TextField
            id="dismiss-reason"
            label="Why it does not need escalating"
            required
            autoFocus
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setProblem(null)
            }}
            multiline
            minRows={2}
            helperText="e.g. Officers already on scene"
            slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
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
            Dismiss suggestion
            <Shortcut keys="Ctrl+Enter" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}

// Dismissing an earlier incident as a false match: not the same place, or not the same person.
// The reason is required; the dismissal is final and the repeat-call rules stop counting it.
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
import { DISMISS_LABELS, type RepeatKind, type RepeatMatch } from '#shared/repeats.ts'
import { formatDateTime } from '#shared/time.ts'
import { Shortcut } from '../app/Shortcut.tsx'
import { useDesk } from '../store/useDesk.ts'

const REASON_MAX = 500

interface Props {
  incidentId: number
  match: RepeatMatch
  kind: RepeatKind
  onClose: () => void
}

export function DismissMatchDialog({ incidentId, match, kind, onClose }: Props) {
  const dismissRepeat = useDesk((s) => s.dismissRepeat)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const what = kind === 'address' ? 'place' : 'person'

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (busy) return
    if (reason.trim() === '') {
      setProblem(`Say why it is not the same ${what}.`)
      document.getElementById('repeat-dismiss-reason')?.focus()
      return
    }
    setBusy(true)
    const error = await dismissRepeat({
      incidentId,
      earlierId: match.incidentId,
      kind,
      reason: reason.trim(),
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
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="repeat-dismiss-title">
      <DialogTitle id="repeat-dismiss-title">
        {DISMISS_LABELS[kind]}: {match.incidentRef}
      </DialogTitle>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        sx={{ display: 'contents' }}
      >
        <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
          <Typography>
            {match.incidentRef}, received {formatDateTime(match.receivedAt)}, matched this incident
            by {kind === 'address' ? 'its address' : 'the victim’s phone or name and date of birth'}
            .
          </Typography>
          <Typography color="text.secondary">
            It will no longer count as a repeat{' '}
            {kind === 'address' ? 'at this address' : 'for this victim'} or towards the escalation
            suggestion. This cannot be undone; your name and reason are recorded.
          </Typography>
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          <TextField
            id="repeat-dismiss-reason"
            label={`Why it is not the same ${what}`}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setProblem(null)
            }}
            multiline
            minRows={2}
            required
            autoFocus
            helperText={
              kind === 'address'
                ? 'e.g. Flat 3, not Flat 8: the feed dropped the flat number'
                : 'e.g. Same name, but a different date of birth on the police record'
            }
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
            {DISMISS_LABELS[kind]}
            <Shortcut keys="Ctrl+Enter" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}

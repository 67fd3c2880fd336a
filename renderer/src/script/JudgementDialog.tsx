// "Professional judgement": the worker says whether they judge the victim high risk whatever the
// count, and why. It is recorded with their name and the time.
import { useState, type FormEvent } from 'react'
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
import { useDesk } from '../store/useDesk.ts'

export function JudgementDialog({
  incidentId,
  onClose,
}: {
  incidentId: number
  onClose: () => void
}) {
  const judgeRisk = useDesk((s) => s.judgeRisk)
  const [high, setHigh] = useState<boolean | null>(null)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (high === null) return setProblem('Choose whether you judge the victim high risk.')
    if (reason.trim() === '') return setProblem('Give the reason for your judgement.')
    setBusy(true)
    const error = await judgeRisk({ incidentId, high, reason: reason.trim() })
    setBusy(false)
    if (error) setProblem(`Not recorded: ${error.message}`)
    else onClose()
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="judgement-title">
      <DialogTitle id="judgement-title">Professional judgement</DialogTitle>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'contents' }}>
        <DialogContent dividers sx={{ display: 'grid', gap: 2 }}>
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          <FormControl required>
            <FormLabel id="judgement-high-label">Do you judge the victim high risk?</FormLabel>
            <RadioGroup
              row
              aria-labelledby="judgement-high-label"
              value={high === null ? '' : high ? 'yes' : 'no'}
              onChange={(e) => setHigh(e.target.value === 'yes')}
            >
              <FormControlLabel value="yes" control={<Radio autoFocus />} label="Yes, high risk" />
              <FormControlLabel value="no" control={<Radio />} label="No" />
            </RadioGroup>
          </FormControl>
          <TextField
            label="Reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={3}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Record judgement
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  )
}
